# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    comms_calendar_id = fields.Many2one(
        related="company_id.comms_calendar_id", readonly=False
    )
    comms_ack_days = fields.Integer(related="company_id.comms_ack_days", readonly=False)
    comms_answer_days = fields.Integer(
        related="company_id.comms_answer_days", readonly=False
    )
    comms_inquiry_hours = fields.Integer(
        related="company_id.comms_inquiry_hours", readonly=False
    )
    comms_alias_domain_id = fields.Many2one(
        related="company_id.alias_domain_id", readonly=False
    )
    comms_director_budget_threshold = fields.Monetary(
        related="company_id.comms_director_budget_threshold",
        currency_field="comms_currency_id",
        readonly=False,
    )
    comms_currency_id = fields.Many2one(related="company_id.currency_id")
