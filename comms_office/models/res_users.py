# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# The roles of the communication office; each includes the ones below it.
COMMS_ROLE_GROUPS = {
    "staff": "comms_office.group_comms_user",
    "officer": "comms_office.group_comms_officer",
    "manager": "comms_office.group_comms_manager",
    "director": "comms_office.group_comms_director",
}


class ResUsers(models.Model):
    """The checks of the office's roles that access rights and record rules
    cannot make: actions reserved to a role, fields a role does not write."""

    _inherit = "res.users"

    comms_department_ids = fields.Many2many(
        "comms.department",
        "comms_department_member_rel",
        "user_id",
        "department_id",
        string="Departments",
        help="The departments or services the employee works in: their "
        "requests to the communication office and the announcements to them.",
    )

    # Called on the model, in the caller's environment (``env.user`` is always
    # in superuser mode): the current user, unless the superuser mode of the
    # module's own flows is on.

    @api.model
    def _comms_has_role(self, role):
        """Whether the current user holds ``role`` or a higher one. The
        superuser mode, where the module's own flows run, holds them all."""
        return self.env.su or self.env.user.has_group(COMMS_ROLE_GROUPS[role])

    @api.model
    def _comms_check_role(self, role, action):
        """Refuse ``action`` (a verb phrase, e.g. "close a complaint") to a
        current user below ``role``."""
        if self._comms_has_role(role):
            return
        raise AccessError(
            self.env._(
                "Only users with the %(role)s role in the communication office may "
                "%(action)s.",
                role=self.env.ref(COMMS_ROLE_GROUPS[role]).name,
                action=action,
            )
        )

    @api.model
    def _comms_refuse_fields(self, records, field_names):
        """Refuse the user writing ``field_names`` on ``records``, naming them."""
        env = records.env
        raise AccessError(
            env._(
                "Your role in the communication office does not allow you to change "
                "%(fields)s on %(model)s.",
                fields=", ".join(
                    records._fields[name]._description_string(env)
                    for name in field_names
                ),
                model=env["ir.model"]._get(records._name).name,
            )
        )

    def _comms_announcement_department(self, departments):
        """The department an announcement reached the user through: one of
        ``departments`` they work in, else their first one."""
        self.ensure_one()
        return (self.comms_department_ids & departments)[:1] or (
            self.comms_department_ids[:1]
        )
