# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommsCommune(models.Model):
    """A commune of the wilaya where the office holds sessions; reach is
    reported by commune. The module ships those of the demo wilaya; an
    institution adds its own."""

    _name = "comms.commune"
    _description = "Commune"
    _order = "wilaya_id, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Code of the commune in the national statistics.")
    wilaya_id = fields.Many2one(
        "res.country.state",
        required=True,
        index=True,
        domain="[('country_id.code', '=', 'DZ')]",
    )
    active = fields.Boolean(default=True)

    _name_wilaya_unique = models.Constraint(
        "UNIQUE(name, wilaya_id)", "This commune exists already in its wilaya."
    )
