# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import Command, api, fields, models


class CommsCampaignMilestone(models.Model):
    """A dated task or milestone of a campaign's implementation plan.

    Each one is mirrored as an all-day ``calendar.event`` with its
    responsible as attendee, so that it shows in their Odoo calendar.
    """

    _name = "comms.campaign.milestone"
    _inherit = ["comms.calendar.mirror.mixin"]
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
        # entered done, as a past plan is: nothing to do, nothing to announce
        milestones._sync_meeting_activity(log=False)
        return milestones

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals:
            self._sync_meeting_activity()
        return res

    # ------------------------------------------------------------
    # CALENDAR MIRROR
    # ------------------------------------------------------------

    @api.model
    def _comms_mirror_fields(self):
        return {
            "name",
            "kind",
            "user_id",
            "date_start",
            "date_deadline",
            "state",
            "campaign_id",
            "description",
        }

    def _comms_mirror_is_live(self):
        self.ensure_one()
        return self.state != "cancel" and self.campaign_id.state != "cancel"

    def _comms_mirror_values(self):
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
            "partner_ids": [Command.set(self.user_id.partner_id.ids)],
            "description": self.description or False,
            "res_model_id": self.env["ir.model"]._get_id("comms.campaign"),
            "res_id": self.campaign_id.id,
        }

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

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
        # the to-do of a cancelled milestone stays archived with its meeting
        activities.filtered(
            lambda a: (
                not a.active
                and a.calendar_event_id.active
                and a.calendar_event_id not in done
            )
        ).action_unarchive()
