# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import api, fields, models


class CommsCampaignMilestone(models.Model):
    """A dated task or milestone of a campaign's implementation plan.

    Each one is mirrored as an all-day ``calendar.event`` with its
    responsible as attendee, so that it shows in their Odoo calendar.
    """

    _name = "comms.campaign.milestone"
    _description = "Campaign Task or Milestone"
    _order = "date_deadline, sequence, id"

    campaign_id = fields.Many2one(
        "comms.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    kind = fields.Selection(
        [("task", "Task"), ("milestone", "Milestone")],
        required=True,
        default="task",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    date_start = fields.Date(string="Start")
    date_deadline = fields.Date(string="Due Date", required=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("cancel", "Cancelled")],
        default="todo",
        required=True,
    )
    description = fields.Text()
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)

    _dates_check = models.Constraint(
        "CHECK(date_start IS NULL OR date_deadline >= date_start)",
        "A task cannot be due before it starts.",
    )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        milestones = super().create(vals_list)
        milestones._sync_calendar_event()
        # entered done, as a past plan is: nothing to do, nothing to announce
        milestones._sync_meeting_activity(log=False)
        return milestones

    def write(self, vals):
        res = super().write(vals)
        if {
            "name",
            "kind",
            "user_id",
            "date_start",
            "date_deadline",
            "state",
            "campaign_id",
            "description",
        } & set(vals):
            self._sync_calendar_event()
        if "state" in vals:
            self._sync_meeting_activity()
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

    def unlink(self):
        mirrors = self.env["calendar.event"]
        for milestone in self:
            mirrors |= milestone.calendar_event_id._comms_mirror_of(milestone)
        res = super().unlink()
        # mirrors are in superuser mode: the milestones' own mirrors (checked
        # above) go with them
        mirrors.with_context(dont_notify=True).unlink()
        return res

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _prepare_calendar_event_vals(self):
        self.ensure_one()
        start = self.date_start or self.date_deadline
        return {
            "name": self.env._(
                "%(campaign)s: %(milestone)s",
                campaign=self.campaign_id.name,
                milestone=self.name,
            ),
            "allday": True,
            "start": datetime.combine(start, time(8)),
            "stop": datetime.combine(self.date_deadline, time(18)),
            "start_date": start,
            "stop_date": self.date_deadline,
            "user_id": self.user_id.id,
            "partner_ids": [(6, 0, self.user_id.partner_id.ids)],
            "description": self.description or False,
            "res_model_id": self.env["ir.model"]._get_id("comms.campaign"),
            "res_id": self.campaign_id.id,
        }

    def _sync_calendar_event(self):
        """Create, move or remove the calendar event of each milestone.

        The mirror sits in its responsible's calendar: whoever may change the
        milestone changes it, in superuser mode. Only a meeting the office
        created for this very milestone is a mirror.
        """
        Event = self.env["calendar.event"].sudo().with_context(dont_notify=True)
        to_remove = Event
        # sudo: the milestones at hand, which the user changed, and the link
        # to their mirror that only this method writes
        for milestone in self.sudo():
            event = milestone.calendar_event_id._comms_mirror_of(milestone)
            if milestone.state == "cancel" or milestone.campaign_id.state == "cancel":
                to_remove |= event
                continue
            vals = milestone._prepare_calendar_event_vals()
            if event:
                event.write(vals)
            else:
                milestone.calendar_event_id = Event.create(
                    dict(vals, comms_mirror_ref=Event._comms_mirror_key(milestone))
                )
        if to_remove:
            self.sudo().filtered(
                lambda m: m.calendar_event_id in to_remove
            ).calendar_event_id = False
            to_remove.unlink()

    def _sync_meeting_activity(self, log=True):
        """A milestone done is no longer a to-do of its responsible: its meeting
        activity on the campaign is marked done (the meeting stays in their
        calendar), and comes back if the milestone is reopened. Without
        ``log``, the activity is closed without a message on the campaign."""
        Activity = self.env["mail.activity"].sudo().with_context(active_test=False)
        activities = Activity.search(
            [("calendar_event_id", "in", self.sudo().calendar_event_id.ids)]
        )
        done = self.filtered(lambda m: m.state == "done").sudo().calendar_event_id
        to_close = activities.filtered(
            lambda a: a.active and a.calendar_event_id in done
        )
        if log:
            to_close.action_done()
        else:
            to_close.action_archive()
        activities.filtered(
            lambda a: not a.active and a.calendar_event_id not in done
        ).action_unarchive()
