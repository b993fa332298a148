# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EventType(models.Model):
    _inherit = "event.type"

    is_comms_type = fields.Boolean(
        string="Office Event Type",
        help="Events of this type are the communication office's: they are "
        "listed in the Communication app and mirrored in the organisers' calendars.",
    )
    comms_duration = fields.Float(
        string="Default Duration",
        help="Duration in hours given to a new event of this type.",
    )
    activity_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Logistics Plan",
        domain=[("res_model", "=", "event.event")],
        help="Checklist launched on the event: each task is due the number of "
        "days set on the plan before the event starts.",
    )
