"""Refreshes comms_office's translation template and catalogues.

Exports ``i18n/comms_office.pot`` from a database where the module is installed
(``make i18n`` passes it), then brings ``ar.po`` and ``fr.po`` in step with it:
translations of unchanged terms are kept, new terms are added untranslated and
gone ones are dropped. ``make test`` fails while a term is left untranslated.
"""

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "comms_office" / "i18n"
LANGS = {"ar": "Arabic", "fr": "French"}
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
    "fr": "nplurals=2; plural=n > 1;",
}


def export_pot(odoo_bin, config, database):
    subprocess.run(
        [sys.executable, odoo_bin, "i18n", "export", "-c", config, "-d", database]
        + ["comms_office"],
        check=True,
    )


def merge(lang):
    pot = polib.pofile(str(I18N / "comms_office.pot"))
    path = I18N / f"{lang}.po"
    old = polib.pofile(str(path)) if path.exists() else polib.POFile()
    known = {(entry.msgctxt, entry.msgid): entry for entry in old}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata, Language=lang)
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.metadata["Plural-Forms"] = PLURAL_FORMS[lang]
    po.header = pot.header
    for entry in pot:
        previous = known.get((entry.msgctxt, entry.msgid))
        po.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgstr=previous.msgstr if previous else "",
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=[flag for flag in entry.flags if flag != "fuzzy"],
            )
        )
    po.save(str(path))
    missing = len([entry for entry in po if not entry.msgstr])
    print(f"{path.name}: {len(po)} terms, {missing} to translate into {LANGS[lang]}")


def main(argv):
    if len(argv) == 3:
        export_pot(*argv)
    for lang in LANGS:
        merge(lang)


if __name__ == "__main__":
    main(sys.argv[1:])
