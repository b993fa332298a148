# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

CELL_ROLES = [
    ("lead", "Cell Lead"),
    ("spokesperson", "Spokesperson"),
    ("spokesperson_backup", "Backup Spokesperson"),
    ("medical_expert", "Medical Expert"),
    ("liaison", "Liaison with the Health Directorate"),
    ("social_watch", "Social Media Watch"),
    ("scribe", "Scribe"),
    ("member", "Member"),
]


class CommsCrisisMember(models.Model):
    """A member of a crisis cell: the standing cell of a scenario, or the cell
    of one crisis (copied from its scenario at activation)."""

    _name = "comms.crisis.member"
    _description = "Crisis Cell Member"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    crisis_id = fields.Many2one(
        "comms.crisis", ondelete="cascade", index="btree_not_null"
    )
    scenario_id = fields.Many2one(
        "comms.crisis.scenario", ondelete="cascade", index="btree_not_null"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Member",
        required=True,
        domain="[('share', '=', False)]",
    )
    partner_id = fields.Many2one(related="user_id.partner_id")
    role = fields.Selection(CELL_ROLES, required=True, default="member")
    phone = fields.Char(
        compute="_compute_phone",
        store=True,
        readonly=False,
        help="Where the member is reached day and night.",
    )
    backup_user_id = fields.Many2one(
        "res.users",
        string="Stands In",
        domain="[('share', '=', False)]",
        help="Who replaces the member when they cannot be reached.",
    )

    _one_parent = models.Constraint(
        "CHECK((crisis_id IS NULL) != (scenario_id IS NULL))",
        "A cell member belongs to a scenario or to a crisis.",
    )

    @api.depends("user_id")
    def _compute_phone(self):
        for member in self:
            partner = member.user_id.partner_id
            member.phone = partner.phone or member.phone
