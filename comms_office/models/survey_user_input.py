# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    comms_event_id = fields.Many2one(
        "event.event",
        string="Event",
        index="btree_not_null",
        ondelete="set null",
        help="The event whose guests were asked this satisfaction survey.",
    )
