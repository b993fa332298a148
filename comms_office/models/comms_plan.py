# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.fields import Domain

# The head of office gives the plan its budget and puts it in force;
# officers draft and follow it.
MANAGER_FIELDS = frozenset({"budget", "state"})


class CommsPlan(models.Model):
    _name = "comms.plan"
    _description = "Communication Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Force"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )
    objectives = fields.Html(help="The office's objectives for the period.")
    budget = fields.Monetary(tracking=True)
    campaign_ids = fields.One2many("comms.campaign", "plan_id", string="Campaigns")
    # totals over the campaigns
    campaign_count = fields.Integer(compute="_compute_campaign_totals")
    budget_planned = fields.Monetary(
        compute="_compute_campaign_totals",
        help="Total budget of the plan's campaigns.",
    )
    budget_spent = fields.Monetary(
        compute="_compute_campaign_totals",
        help="Total spent by the plan's campaigns.",
    )
    budget_remaining = fields.Monetary(compute="_compute_campaign_totals")
    # the events held by the plan's campaigns
    event_ids = fields.Many2many(
        "event.event",
        string="Events",
        compute="_compute_event_ids",
        groups="event.group_event_registration_desk",
    )
    event_count = fields.Integer(compute="_compute_event_count")

    _dates_check = models.Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "The plan cannot end before it starts.",
    )

    @api.depends("budget", "campaign_ids.budget", "campaign_ids.budget_spent")
    def _compute_campaign_totals(self):
        totals = {
            plan.id: (count, planned, spent)
            for plan, count, planned, spent in self.env["comms.campaign"]._read_group(
                Domain("plan_id", "in", self.ids) & Domain("state", "!=", "cancel"),
                ["plan_id"],
                ["__count", "budget:sum", "budget_spent:sum"],
            )
        }
        for plan in self:
            count, planned, spent = totals.get(plan._origin.id, (0, 0.0, 0.0))
            plan.campaign_count = count
            plan.budget_planned = planned
            plan.budget_spent = spent
            plan.budget_remaining = plan.budget - spent

    def _compute_event_ids(self):
        events = self.env["event.event"].search(
            [("campaign_id.plan_id", "in", self.ids)], order="date_begin, id"
        )
        by_plan = events.grouped(lambda event: event.campaign_id.plan_id)
        for plan in self:
            plan.event_ids = by_plan.get(plan._origin, events.browse())

    def _compute_event_count(self):
        # figures only: also for staff who do not use the Events app
        counts = {
            plan.id: count
            for plan, count in self.env["event.event"]
            .sudo()
            ._read_group(
                [("campaign_id.plan_id", "in", self.ids)],
                ["campaign_id.plan_id"],
                ["__count"],
            )
        }
        for plan in self:
            plan.event_count = counts.get(plan._origin.id, 0)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model
    def _has_field_access(self, field, operation):
        if not super()._has_field_access(field, operation):
            return False
        if operation == "write" and field.name in MANAGER_FIELDS:
            return self.env["res.users"]._comms_has_role("manager")
        return True

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_activate(self):
        self._check_standing_action()
        self.state = "active"

    def action_close(self):
        self._check_standing_action()
        self.state = "closed"

    def action_draft(self):
        self._check_standing_action()
        self.state = "draft"

    def _check_standing_action(self):
        self.env["res.users"]._comms_check_role(
            "manager",
            self.env._("put a communication plan in force, close or reopen it"),
        )

    def action_view_campaigns(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_campaign_action"
        )
        action["domain"] = [("plan_id", "in", self.ids)]
        action["context"] = {"default_plan_id": self[:1].id}
        return action

    def action_view_events(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.event_event_action_comms"
        )
        action["domain"] = [("campaign_id.plan_id", "in", self.ids)]
        action["context"] = {"default_is_comms_event": True}
        return action
