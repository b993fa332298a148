# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    # The calendar mirror of an office record (comms.calendar.mirror.mixin):
    # the synchronisation writes and deletes in superuser mode the meetings
    # it created for the record, recognised by this mark, and no other one.
    comms_mirror_ref = fields.Char(
        string="Mirror Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The record of the communication office this meeting mirrors, "
        "set when the office creates the meeting.",
    )

    @api.model
    def _has_field_access(self, field, operation):
        # only the office's synchronisation, in superuser mode, marks a mirror
        if (
            operation == "write"
            and field.name == "comms_mirror_ref"
            and not self.env.su
        ):
            return False
        return super()._has_field_access(field, operation)

    def _get_activity_excluded_models(self):
        # An event's mirror in the calendar is not a meeting to schedule on it.
        return super()._get_activity_excluded_models() + ["event.event"]
