# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roles of the communication office, for the checks that access rights
and record rules cannot make: actions reserved to a role, fields a role does
not write. Each role includes the ones below it."""

from odoo.exceptions import AccessError

ROLE_GROUPS = {
    "staff": "comms_office.group_comms_user",
    "officer": "comms_office.group_comms_officer",
    "manager": "comms_office.group_comms_manager",
    "director": "comms_office.group_comms_director",
}


def has_role(env, role):
    """Whether the user holds ``role`` or a higher one. The superuser mode,
    where the module's own flows run, holds them all."""
    return env.su or env.user.has_group(ROLE_GROUPS[role])


def check_role(env, role, action):
    """Refuse ``action`` (a verb phrase, e.g. "close a complaint") to users
    below ``role``."""
    if has_role(env, role):
        return
    raise AccessError(
        env._(
            "Only users with the %(role)s role in the communication office may "
            "%(action)s.",
            role=env.ref(ROLE_GROUPS[role]).name,
            action=action,
        )
    )


def refuse_fields(records, field_names):
    """Refuse writing ``field_names`` on ``records``, naming them."""
    env = records.env
    raise AccessError(
        env._(
            "Your role in the communication office does not allow you to change "
            "%(fields)s on %(model)s.",
            fields=", ".join(
                records._fields[name]._description_string(env) for name in field_names
            ),
            model=env["ir.model"]._get(records._name).name,
        )
    )
