# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import subprocess
import unicodedata
from pathlib import Path

import polib

from odoo.tests import HttpCase, tagged

from odoo.addons.base.models.ir_actions_report import _wkhtml
from odoo.addons.mail.tests.common import mail_new_test_user

I18N = Path(__file__).resolve().parent.parent / "i18n"


@tagged("post_install", "-at_install")
class TestTranslations(HttpCase):
    """The office works in Arabic and French: no English left, right to left."""

    def test_catalogues_complete(self):
        pot = {
            (e.msgctxt, e.msgid) for e in polib.pofile(str(I18N / "comms_office.pot"))
        }
        for lang in ("ar", "fr"):
            po = polib.pofile(str(I18N / f"{lang}.po"))
            self.assertEqual({(e.msgctxt, e.msgid) for e in po}, pot, lang)
            untranslated = [e.msgid for e in po if not e.msgstr]
            self.assertFalse(untranslated, f"{lang}.po: {untranslated}")
            for entry in po:
                self.assertEqual(
                    set(re.findall(r"%\(\w+\)s", entry.msgid)),
                    set(re.findall(r"%\(\w+\)s", entry.msgstr)),
                    f"{lang}.po placeholders: {entry.msgid}",
                )

    def test_menus_translated(self):
        menu = self.env.ref("comms_office.comms_media_list_menu")
        self.assertEqual(menu.with_context(lang="ar_001").name, "القوائم الإعلامية")
        self.assertEqual(menu.with_context(lang="fr_FR").name, "Listes de médias")
        root = self.env.ref("comms_office.comms_office_menu_root")
        self.assertEqual(root.with_context(lang="ar_001").name, "الاتصال")

    def _stylesheet(self, login):
        self.authenticate(login, login)
        page = self.url_open("/odoo").text
        href = re.search(
            r'href="(/web/assets/[^"]*/web\.assets_web(?:\.rtl)?\.min\.css)"', page
        )
        self.assertTrue(href, "no stylesheet in the web client page")
        return page, href.group(1), self.url_open(href.group(1)).text

    def test_arabic_is_right_to_left(self):
        mail_new_test_user(
            self.env,
            login="arabic_officer",
            groups="comms_office.group_comms_officer",
            lang="ar_001",
        )
        mail_new_test_user(
            self.env,
            login="french_officer",
            groups="comms_office.group_comms_officer",
            lang="fr_FR",
        )
        page, href, rtl_css = self._stylesheet("arabic_officer")
        self.assertIn('"lang": "ar_001"', page)
        self.assertIn(".rtl.", href)
        _page, ltr_href, ltr_css = self._stylesheet("french_officer")
        self.assertNotIn(".rtl.", ltr_href)
        # rtlcss flipped the rules: without it Odoo serves the left-to-right ones
        self.assertNotEqual(rtl_css, ltr_css)
        self.assertIn("direction: rtl", rtl_css.replace(":rtl", ": rtl"))

    def test_arabic_pdf_reads_right_to_left(self):
        """Arabic reports print as text, with wrapped lines that do not overlap."""
        self.assertTrue(
            _wkhtml().is_patched_qt,
            "Arabic reports need wkhtmltopdf with patched Qt (make installs it)",
        )
        campaign = self.env["comms.campaign"].create(
            {
                "name": "حملة التلقيح في وقته لحماية الأطفال من الأمراض المعدية "
                "في كل بلديات الولاية",
            }
        )
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(lang="ar_001", force_report_rendering=True)
            ._render_qweb_pdf(
                "comms_office.action_report_comms_campaign_evaluation", campaign.ids
            )
        )
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        # the text layer holds the shaped glyphs: compare their letters (lam-alef
        # ligatures do not map back to letters, hence words without them)
        letters = re.sub(r"[\s\u202a-\u202e]", "", unicodedata.normalize("NFKC", text))
        self.assertIn("تقريرتقييمالحملة", letters)
        self.assertIn("التلقيحفيوقته", letters)
        self.assertIn("المعديةفيكلبلديات", letters)

    def test_algerian_arabic(self):
        """Arabic as written in Algeria: right to left, Western digits, ar.po."""
        lang = self.env.ref("comms_office.lang_ar_dz")
        self.assertEqual(
            (lang.code, lang.direction, lang.date_format), ("ar_DZ", "rtl", "%d/%m/%Y")
        )
        self.env["res.lang"]._activate_and_install_lang("ar_DZ")
        menu = self.env.ref("comms_office.comms_media_list_menu")
        self.assertEqual(menu.with_context(lang="ar_DZ").name, "القوائم الإعلامية")
        self.assertEqual(lang.format("%.2f", 1234.5, grouping=True), "1 234,50")
