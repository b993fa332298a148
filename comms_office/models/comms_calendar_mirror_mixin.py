# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# How the office writes its meetings: they mirror a record that has its own
# invitations, so no mail goes to the attendees; an archived mirror is still
# the record's.
MIRROR_CONTEXT = {"no_mail_to_attendees": True, "active_test": False}


class CommsCalendarMirrorMixin(models.AbstractModel):
    """A record of the office kept in step with a ``calendar.event``, its
    mirror in the calendars of the people it concerns.

    A model using it implements ``_comms_mirror_values()`` (the meeting:
    name, dates, organiser, attendees, the record it opens) and, if not every
    record belongs in the calendars at all times, ``_comms_mirror_is_live()``;
    it lists in ``_comms_mirror_fields()`` the fields whose change moves the
    meeting, and calls ``_comms_mirror_sync()`` when something else changes
    it (a related record renamed, an attendee added elsewhere).

    One behaviour for all: the mirror is created when the record first
    belongs in the calendars; it moves, is renamed and changes attendees with
    the record; while the record does not belong there (cancelled,
    archived), the mirror and its activities are archived, and they come
    back with it; deleting the record deletes its mirror. No mail goes to
    the attendees: the record has its own invitations.

    Only the meetings the office created are touched: each is marked with
    ``comms_mirror_ref`` (``"<model>,<id>"``), which only this
    synchronisation writes, in superuser mode; a link to any other meeting,
    however it was set, is ignored and the record gets its own mirror.
    """

    _name = "comms.calendar.mirror.mixin"
    _description = "Communication Office Calendar Mirror"

    calendar_event_id = fields.Many2one(
        "calendar.event",
        readonly=True,
        copy=False,
        ondelete="set null",
        index="btree_not_null",
    )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._comms_mirror_sync()
        return records

    def write(self, vals):
        res = super().write(vals)
        if self._comms_mirror_fields() & vals.keys():
            self._comms_mirror_sync()
        return res

    def unlink(self):
        mirrors = self._comms_mirror()
        res = super().unlink()
        # sudo (from _comms_mirror): the records' own mirrors go with them,
        # from every calendar
        mirrors.with_context(**MIRROR_CONTEXT).unlink()
        return res

    @api.model
    def _has_field_access(self, field, operation):
        # the link to the mirror is set by the synchronisation only, in
        # superuser mode: nobody points it at someone else's meeting
        if (
            operation == "write"
            and field.name == "calendar_event_id"
            and not self.env.su
        ):
            return False
        return super()._has_field_access(field, operation)

    # ------------------------------------------------------------
    # API OF THE MODELS
    # ------------------------------------------------------------

    @api.model
    def _comms_mirror_fields(self):
        """Fields whose change moves, renames or re-attends the mirror."""
        return set()

    def _comms_mirror_values(self):
        """Values of the mirror of the record (one record)."""
        raise NotImplementedError

    def _comms_mirror_is_live(self):
        """Whether the record belongs in the calendars now (one record)."""
        self.ensure_one()
        return True

    def _comms_mirror_sync(self):
        """Create, move, archive or bring back the mirror of each record.

        The mirror sits in other people's calendars: whoever may change the
        record changes it, in superuser mode.
        """
        Meeting = self.env["calendar.event"].sudo().with_context(**MIRROR_CONTEXT)
        to_create = self.browse()
        archived = restored = Meeting
        for record in self:
            mirror = record._comms_mirror()
            live = record._comms_mirror_is_live()
            if not mirror:
                if live:
                    to_create |= record
                continue
            if mirror.active and not live:
                archived |= mirror
            elif live and not mirror.active:
                restored |= mirror
            mirror.with_context(**MIRROR_CONTEXT).write(
                dict(record._comms_mirror_values(), active=live)
            )
        if to_create:
            meetings = Meeting.create(
                [
                    dict(
                        record._comms_mirror_values(),
                        active=True,
                        comms_mirror_ref=record._comms_mirror_key(),
                    )
                    for record in to_create
                ]
            )
            for record, meeting in zip(to_create, meetings, strict=True):
                # sudo: the link is written here only, to the mirror just
                # created for this record
                record.sudo().calendar_event_id = meeting
        # the to-dos the meeting put on the record's page leave with it
        Activity = self.env["mail.activity"].sudo().with_context(active_test=False)
        if archived:
            Activity.search(
                [("calendar_event_id", "in", archived.ids), ("active", "=", True)]
            ).action_archive()
        if restored:
            Activity.search(
                [("calendar_event_id", "in", restored.ids), ("active", "=", False)]
            ).action_unarchive()

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _comms_mirror_key(self):
        self.ensure_one()
        return f"{self._name},{self.id}"

    def _comms_mirror(self):
        """The meetings the office created as mirrors of these records, in
        superuser mode; any other meeting linked to them is left alone."""
        # sudo: the link and the mark are read to tell the office's own
        # mirror from a meeting it must not touch
        keys = {record._comms_mirror_key() for record in self}
        return (
            self.sudo()
            .with_context(active_test=False)
            .calendar_event_id.filtered(
                lambda meeting: meeting.comms_mirror_ref in keys
            )
        )
