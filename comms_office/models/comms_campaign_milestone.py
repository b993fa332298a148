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
        # recorded as done already: nothing left to do in anyone's activities
        milestones.sudo().filtered(
            lambda m: m.state == "done"
        ).calendar_event_id.activity_ids.unlink()
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
            self._sync_calendar_activity()
        return res

    def unlink(self):
        events = self.sudo().calendar_event_id
        res = super().unlink()
        events.with_context(dont_notify=True).unlink()
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

    def _sync_calendar_activity(self):
        """The meeting activity the calendar puts on the campaign for each
        milestone is done with the milestone, and back when it is reopened."""
        # the activity is the responsible's: whoever closes the task closes it
        done = self.sudo().filtered(lambda m: m.state == "done")
        done.calendar_event_id.activity_ids.action_feedback(
            feedback=self.env._("Done.")
        )
        todo = self.sudo().filtered(
            lambda m: (
                m.state == "todo"
                and m.calendar_event_id
                and not m.calendar_event_id.activity_ids
            )
        )
        if not todo:
            return
        meeting_type = self.env["mail.activity.type"].search(
            [
                ("category", "=", "meeting"),
                ("res_model", "in", [False, "comms.campaign"]),
            ],
            limit=1,
        )
        if not meeting_type:
            return
        for milestone in todo:
            event = milestone.calendar_event_id
            milestone.campaign_id.activity_schedule(
                activity_type_id=meeting_type.id,
                summary=event.name,
                user_id=milestone.user_id.id or self.env.uid,
                date_deadline=milestone.date_start or milestone.date_deadline,
                calendar_event_id=event.id,
            )

    def _sync_calendar_event(self):
        """Create, move or remove the calendar event of each milestone."""
        Event = self.env["calendar.event"].sudo().with_context(dont_notify=True)
        to_remove = Event
        for milestone in self.sudo():
            event = milestone.calendar_event_id
            if milestone.state == "cancel" or milestone.campaign_id.state == "cancel":
                to_remove |= event
                continue
            vals = milestone._prepare_calendar_event_vals()
            if event:
                event.write(vals)
            else:
                milestone.calendar_event_id = Event.create(vals)
        if to_remove:
            self.sudo().filtered(
                lambda m: m.calendar_event_id in to_remove
            ).calendar_event_id = False
            to_remove.unlink()
