# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommsComplaintCategory(models.Model):
    _name = "comms.complaint.category"
    _description = "Complaint Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    health_safety = fields.Boolean(
        string="Health and Safety",
        help="Complaints of this category are flagged for same-day triage.",
    )

    _name_uniq = models.Constraint("UNIQUE(name)", "This category already exists.")
