# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from .comms_crisis import ACTIVE_STATES

CLOCK_KINDS = [
    ("first_statement", "First Statement (2 h)"),
    ("reassess_12", "Reassessment at 12 h"),
    ("reassess_24", "Reassessment at 24 h"),
    ("reassess_36", "Reassessment at 36 h"),
    ("reassess_48", "Reassessment at 48 h"),
]


class CommsCrisisClock(models.Model):
    """A deadline of a crisis, stored when the crisis is activated; the
    escalation job alerts the lead and the director once when it passes."""

    _name = "comms.crisis.clock"
    _description = "Crisis Clock"
    _order = "date_due, id"

    crisis_id = fields.Many2one(
        "comms.crisis", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="crisis_id.company_id")
    kind = fields.Selection(CLOCK_KINDS, required=True)
    date_due = fields.Datetime(string="Due", required=True)
    date_done = fields.Datetime(string="Done On", readonly=True)
    date_escalated = fields.Datetime(string="Escalated On", readonly=True)
    is_kept = fields.Boolean(compute="_compute_is_kept", store=True)
    countdown = fields.Char(string="Time Left", compute="_compute_countdown")

    @api.depends("date_due", "date_done")
    def _compute_is_kept(self):
        for clock in self:
            clock.is_kept = bool(clock.date_done and clock.date_done <= clock.date_due)

    def _compute_countdown(self):
        now = fields.Datetime.now()
        for clock in self:
            clock.countdown = clock._countdown_label(now)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_done(self):
        """The reassessment took place (the first statement is kept by its
        publication)."""
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("mark a crisis clock as done")
        )
        self.check_access("write")
        todo = self.filtered(lambda c: not c.date_done)
        todo.sudo().write({"date_done": fields.Datetime.now()})
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for clock in todo:
            clock.crisis_id._crisis_log(
                "decision",
                lambda c, k=clock: c.env._("%(clock)s done.", clock=labels[k.kind]),
            )
        return True

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_escalate(self):
        """Alert the lead and the director of each clock that passed, once."""
        now = fields.Datetime.now()
        breached = self.search(
            Domain("date_due", "<", now)
            & Domain("date_done", "=", False)
            & Domain("date_escalated", "=", False)
            & Domain("crisis_id.state", "in", ACTIVE_STATES)
        )
        if not breached:
            return breached
        breached.write({"date_escalated": now})
        directors = self.env.ref("comms_office.group_comms_director").all_user_ids
        directors = directors.filtered(lambda u: u.active and not u.share)
        activity_type = self.env.ref("comms_office.mail_activity_type_comms_crisis")
        model_id = self.env["ir.model"]._get_id("comms.crisis")
        labels = dict(self._fields["kind"]._description_selection(self.env))
        activities = []
        for clock in breached:
            crisis = clock.crisis_id
            users = crisis.lead_id | directors
            summary = crisis._crisis_label(
                self.env._("Overdue: %(clock)s", clock=labels[clock.kind])
            )
            activities += [
                {
                    "res_model_id": model_id,
                    "res_id": crisis.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary,
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                }
                for user in users
            ]
            crisis.message_post(
                body=Markup("<p>%s</p>") % summary,
                partner_ids=users.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            crisis._crisis_log(
                "clock",
                lambda c, s=summary: s,
                source=self.env._("Escalation"),
            )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            activities
        )
        return breached

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _countdown_label(self, now):
        self.ensure_one()
        if self.date_done:
            return self.env._("Done")
        seconds = int((self.date_due - now).total_seconds())
        hours, minutes = divmod(abs(seconds) // 60, 60)
        if seconds < 0:
            return self.env._(
                "Overdue by %(hours)s h %(minutes)s min", hours=hours, minutes=minutes
            )
        return self.env._(
            "%(hours)s h %(minutes)s min left", hours=hours, minutes=minutes
        )
