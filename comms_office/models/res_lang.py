# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools.float_utils import float_round
from odoo.tools.misc import get_lang

# what a figure shows when there is nothing to count it on
NO_FIGURE = "—"


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _comms_format_percentage(self, value, digits=1):
        """``value`` (in %) in the language of the environment: its decimal
        separator, and a dash rather than 0 % when there is nothing to count
        it on."""
        if value is None or value is False:
            return NO_FIGURE
        # the language's data is cached: no query, also for a batch of
        # records; without a language, figures read like the untranslated
        # terms around them
        decimal_point = get_lang(self.env, self.env.lang or "en_US").decimal_point
        number = f"{float_round(value, precision_digits=digits):.{digits}f}"
        return f"{number.replace('.', decimal_point or '.')} %"
