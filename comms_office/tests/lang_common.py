# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from unittest.mock import patch

from odoo.tools.translate import code_translations


@contextmanager
def fake_translation(lang, source, value):
    """Translate one term of the module in ``lang`` for the time of a test,
    whatever the catalogues hold, to tell in which language a text was made."""
    key = ("comms_office", lang)
    translations = dict(code_translations.get_python_translations(*key))
    translations[source] = value
    with patch.dict(code_translations.python_translations, {key: translations}):
        yield
