# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommsKeyMessage(models.Model):
    """One of the few messages a campaign wants its audience to remember.

    Clippings record which of them they carried: that share is an out-take
    indicator of the campaign.
    """

    _name = "comms.key.message"
    _description = "Key Message"
    _order = "campaign_id, sequence, id"

    name = fields.Char(string="Message", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    campaign_id = fields.Many2one(
        "comms.campaign", ondelete="cascade", index="btree_not_null"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    supporting_facts = fields.Text(translate=True)
