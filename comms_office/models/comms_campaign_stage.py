# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .comms_campaign import CAMPAIGN_STATES


class CommsCampaignStage(models.Model):
    _name = "comms.campaign.stage"
    _description = "Campaign Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(string="Folded in Kanban")
    state = fields.Selection(
        CAMPAIGN_STATES,
        required=True,
        default="draft",
        help="Moving a campaign to this stage gives it this state: a campaign "
        "can only reach an approved or running stage once it is approved.",
    )
    description = fields.Text(translate=True)
