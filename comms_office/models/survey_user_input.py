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
    comms_program_id = fields.Many2one(
        "comms.awareness.program",
        string="Awareness Programme",
        index="btree_not_null",
        ondelete="set null",
        help="The programme whose knowledge test this answer is.",
    )
    comms_test_phase = fields.Selection(
        [("pre", "Before (pre-test)"), ("post", "After (post-test)")],
        string="Test",
    )
