# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CommsDepartment(models.Model):
    """A department or service of the institution that complaints concern.

    Kept small on purpose: the office needs a head to hand complaints to,
    not a human resources structure.
    """

    _name = "comms.department"
    _description = "Department Concerned"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    head_id = fields.Many2one(
        "res.users",
        string="Head of Department",
        domain="[('share', '=', False)]",
        help="Receives the complaints of the department and sees only those.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    member_ids = fields.Many2many(
        "res.users",
        "comms_department_member_rel",
        "department_id",
        "user_id",
        string="Staff",
        domain="[('share', '=', False)]",
        help="Who works in the department: they file its requests to the office "
        "and receive the announcements to it.",
    )
    channel_id = fields.Many2one(
        "discuss.channel",
        string="Discuss Channel",
        domain="[('channel_type', '=', 'channel')]",
        help="The department's channel: announcements to the department are "
        "posted there too.",
    )
    complaint_ids = fields.One2many("comms.complaint", "department_id")
    complaint_count = fields.Integer(compute="_compute_complaint_count")

    _code_company_uniq = models.Constraint(
        "UNIQUE(code, company_id)", "A department code must be unique."
    )

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        counts = dict(
            self.env["comms.complaint"]._read_group(
                [("department_id", "in", self.ids)], ["department_id"], ["__count"]
            )
        )
        for department in self:
            department.complaint_count = counts.get(department, 0)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_complaint_action"
        )
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"default_department_id": self.id}
        return action
