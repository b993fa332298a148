# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommsCampaignObjective(models.Model):
    """A SMART objective: what changes, how much, for whom, by when."""

    _name = "comms.campaign.objective"
    _description = "Campaign Objective"
    _order = "campaign_id, sequence, id"

    campaign_id = fields.Many2one(
        "comms.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="What",
        required=True,
        translate=True,
        help="The change sought, e.g. children aged 0 to 6 vaccinated on time.",
    )
    # objectives count different things: never add them up
    quantity = fields.Float(
        string="How Much", help="The measurable target.", aggregator=None
    )
    unit = fields.Char(translate=True, help="e.g. %, people, sessions")
    date_deadline = fields.Date(string="By When")
    audience_id = fields.Many2one(
        "comms.audience",
        domain="[('id', 'in', parent.audience_ids)]",
    )
