# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommsChannel(models.Model):
    _name = "comms.channel"
    _description = "Communication Channel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    channel_type = fields.Selection(
        [
            ("media", "Mass media"),
            ("digital", "Digital"),
            ("print", "Print"),
            ("direct", "Direct contact"),
            ("internal", "Internal"),
        ],
        string="Type",
        required=True,
        default="media",
    )
    description = fields.Text(translate=True)
    color = fields.Integer()

    _name_uniq = models.Constraint("UNIQUE(name)", "A channel with this name exists.")
