# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommsAudience(models.Model):
    _name = "comms.audience"
    _description = "Target Audience"
    _order = "audience_type, name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    audience_type = fields.Selection(
        [("external", "External"), ("internal", "Internal")],
        string="Type",
        required=True,
        default="external",
    )
    description = fields.Html(
        help="Who they are, what they know and believe, where they get their "
        "information."
    )
    estimated_size = fields.Integer(help="Number of people in the segment.")
    mailing_list_ids = fields.Many2many(
        "mailing.list",
        string="Mailing Lists",
        help="Mailing lists that reach this audience by email.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Contacts",
        help="Contacts of the audience reached by email when it has no mailing list.",
    )
    color = fields.Integer()

    _estimated_size_positive = models.Constraint(
        "CHECK(estimated_size >= 0)", "The estimated size cannot be negative."
    )
