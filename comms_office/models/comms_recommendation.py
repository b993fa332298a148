# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# What the owner of a recommendation, when staff, writes on it: its
# follow-up. The office words it, assigns it and dates it.
STAFF_WRITABLE_FIELDS = frozenset({"state", "follow_up"})


class CommsRecommendation(models.Model):
    """What to improve next time, with its owner and a follow-up.

    Like indicators, it hangs off one of several optional records.
    """

    _name = "comms.recommendation"
    _description = "Recommendation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_due, id"

    name = fields.Char(required=True, tracking=True)
    description = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    crisis_id = fields.Many2one(
        "comms.crisis", ondelete="cascade", index="btree_not_null"
    )
    campaign_id = fields.Many2one(
        "comms.campaign", ondelete="cascade", index="btree_not_null", tracking=True
    )
    event_id = fields.Many2one(
        "event.event",
        ondelete="cascade",
        index="btree_not_null",
        tracking=True,
        domain="[('is_comms_event', '=', True)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_due = fields.Date(string="Due Date", tracking=True)
    state = fields.Selection(
        [
            ("open", "To Do"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        string="Follow-up",
        default="open",
        required=True,
        tracking=True,
    )
    follow_up = fields.Text(string="Follow-up Notes")

    _one_parent = models.Constraint(
        "CHECK(num_nonnulls(campaign_id, event_id, crisis_id) <= 1)",
        "A recommendation follows either a campaign, an event or a crisis, not both.",
    )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.env["event.event"]._comms_set_company(vals_list)
        recommendations = super().create(vals_list)
        recommendations._schedule_owner_activity()
        return recommendations

    @api.model
    def _has_field_access(self, field, operation):
        if not super()._has_field_access(field, operation):
            return False
        if operation == "write" and field.name not in STAFF_WRITABLE_FIELDS:
            return self.env["res.users"]._comms_has_role("officer")
        return True

    def write(self, vals):
        if "user_id" in vals or "date_due" in vals:
            self.activity_unlink(
                ["comms_office.mail_activity_type_comms_recommendation"]
            )
        res = super().write(vals)
        if "user_id" in vals or "date_due" in vals:
            self._schedule_owner_activity()
        if vals.get("state") in ("done", "cancel"):
            self.activity_feedback(
                ["comms_office.mail_activity_type_comms_recommendation"]
            )
        return res

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        self.state = "in_progress"

    def action_done(self):
        self.state = "done"

    def action_cancel(self):
        self.state = "cancel"

    def action_reopen(self):
        self.state = "open"
        self._schedule_owner_activity()

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _schedule_owner_activity(self):
        for recommendation in self.filtered(
            lambda r: r.state in ("open", "in_progress") and r.user_id
        ):
            recommendation.activity_schedule(
                "comms_office.mail_activity_type_comms_recommendation",
                date_deadline=recommendation.date_due
                or fields.Date.context_today(self),
                summary=recommendation.name,
                user_id=recommendation.user_id.id,
            )
