# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

CAMPAIGN_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("running", "Running"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class CommsCampaign(models.Model):
    """A campaign planned like the OASIS model: objectives, audience and
    insight, strategy (messages, channels, partners), implementation
    (milestones on the calendar) and scoring (indicators)."""

    _name = "comms.campaign"
    _description = "Communication Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin", "comms.approval.mixin"]
    _order = "date_start desc, id desc"

    _state_to = ["approved", "running", "done"]
    _approval_content_fields = [
        "name",
        "objective_ids",
        "audience_ids",
        "insight",
        "key_messages",
        "channel_ids",
        "partner_ids",
        "budget",
        "date_start",
        "date_end",
    ]

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    plan_id = fields.Many2one(
        "comms.plan",
        index="btree_not_null",
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    color = fields.Integer()
    health_day_id = fields.Many2one(
        "comms.health.day", index="btree_not_null", tracking=True
    )
    health_day_year = fields.Integer(
        help="The year of the health day this campaign serves."
    )
    # workflow
    # The state is the truth (approvals move it); the kanban column shows it,
    # and moving a campaign to a column asks for that column's state.
    stage_id = fields.Many2one(
        "comms.campaign.stage",
        compute="_compute_stage_id",
        inverse="_inverse_stage_id",
        store=True,
        readonly=False,
        group_expand="_read_group_stage_ids",
        tracking=True,
        copy=False,
        ondelete="restrict",
    )
    state = fields.Selection(
        CAMPAIGN_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    approval_director_required = fields.Boolean(
        string="Director Approval Required",
        compute="_compute_approval_director_required",
        help="The budget is above the company's threshold for the director's approval.",
    )
    # people and dates
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    team_user_ids = fields.Many2many(
        "res.users", string="Team", domain="[('share', '=', False)]"
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    budget = fields.Monetary(tracking=True)
    budget_spent = fields.Monetary(string="Spent", tracking=True)
    # objectives, audience and insight
    objective_ids = fields.One2many(
        "comms.campaign.objective", "campaign_id", string="Objectives", copy=True
    )
    audience_ids = fields.Many2many("comms.audience", string="Audiences")
    audience_size = fields.Integer(
        string="Estimated Audience",
        compute="_compute_audience_size",
        help="Sum of the estimated sizes of the audiences.",
    )
    insight = fields.Html(
        help="What the audience thinks, feels and does today, and why."
    )
    # strategy
    key_messages = fields.Html()
    channel_ids = fields.Many2many("comms.channel", string="Channels")
    partner_ids = fields.Many2many(
        "res.partner",
        string="Partners",
        help="Organisations that carry the campaign with the office.",
    )
    key_message_ids = fields.One2many(
        "comms.key.message", "campaign_id", string="Key Message List", copy=True
    )
    # implementation
    milestone_ids = fields.One2many(
        "comms.campaign.milestone", "campaign_id", string="Implementation Plan"
    )
    milestone_count = fields.Integer(compute="_compute_milestone_counts")
    milestone_done_count = fields.Integer(
        string="Milestones Done", compute="_compute_milestone_counts"
    )
    # run: mass mailing through the campaign's UTM campaign
    utm_campaign_id = fields.Many2one(
        "utm.campaign",
        string="UTM Campaign",
        readonly=True,
        copy=False,
        ondelete="restrict",
        index="btree_not_null",
    )
    mailing_count = fields.Integer(compute="_compute_mailing_statistics")
    mailing_expected = fields.Integer(
        string="Emails", compute="_compute_mailing_statistics"
    )
    mailing_sent = fields.Integer(
        string="Emails Sent", compute="_compute_mailing_statistics"
    )
    mailing_delivered = fields.Integer(
        string="Emails Delivered", compute="_compute_mailing_statistics"
    )
    mailing_opened = fields.Integer(
        string="Emails Opened", compute="_compute_mailing_statistics"
    )
    mailing_clicked = fields.Integer(
        string="Emails Clicked", compute="_compute_mailing_statistics"
    )
    mailing_bounced = fields.Integer(
        string="Emails Bounced", compute="_compute_mailing_statistics"
    )
    # events the campaign holds (Odoo Events)
    event_ids = fields.One2many(
        "event.event",
        "campaign_id",
        string="Events",
        groups="event.group_event_registration_desk",
    )
    event_count = fields.Integer(compute="_compute_event_counts")
    event_guest_invited = fields.Integer(
        string="Guests Invited", compute="_compute_event_counts"
    )
    event_guest_expected = fields.Integer(
        string="Guests Expected",
        compute="_compute_event_counts",
        help="Guests of the campaign's events who did not decline, walk-ins "
        "included: the base of the attendance rate.",
    )
    event_guest_attended = fields.Integer(
        string="Guests Attended",
        compute="_compute_event_counts",
        help="Guests who attended the campaign's events.",
    )
    event_attendance_rate = fields.Float(
        string="Attendance Rate (%)",
        compute="_compute_event_counts",
        digits=(5, 1),
        help="Guests who attended the campaign's events among the guests "
        "expected: those who did not decline, walk-ins included.",
    )
    event_attendance_rate_display = fields.Char(
        string="Attendance Rate",
        compute="_compute_event_counts",
        help="Guests who attended the campaign's events among the guests "
        "expected: those who did not decline, walk-ins included. A dash while "
        "nobody is expected.",
    )
    # media: what the campaign produced and what it earned
    material_ids = fields.One2many("comms.material", "campaign_id", string="Materials")
    material_count = fields.Integer(compute="_compute_media_counts")
    publication_count = fields.Integer(compute="_compute_media_counts")
    coverage_count = fields.Integer(string="Clippings", compute="_compute_media_counts")
    # scoring
    indicator_ids = fields.One2many(
        "comms.indicator", "campaign_id", string="Indicators", copy=True
    )
    indicator_achievement = fields.Float(
        string="Achievement",
        compute="_compute_indicator_achievement",
        help="Average achievement of the campaign's indicators that have a target.",
    )
    recommendation_ids = fields.One2many(
        "comms.recommendation", "campaign_id", string="Recommendations"
    )
    recommendation_open_count = fields.Integer(
        string="Open Recommendations", compute="_compute_recommendation_open_count"
    )

    _dates_check = models.Constraint(
        "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "A campaign cannot end before it starts.",
    )
    _budget_positive = models.Constraint(
        "CHECK(budget >= 0 AND budget_spent >= 0)",
        "Budgets cannot be negative.",
    )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([], order=stages._order, limit=None)

    @api.depends("state")
    def _compute_stage_id(self):
        # a campaign already in a column of its state stays in it
        moved = self.filtered(lambda c: c.stage_id.state != c.state)
        first_stages = {}
        for stage in self.env["comms.campaign.stage"].search(
            [("state", "in", list(set(moved.mapped("state"))))]
        ):
            first_stages.setdefault(stage.state, stage)
        for campaign in moved:
            campaign.stage_id = first_stages.get(campaign.state, campaign.stage_id)

    def _inverse_stage_id(self):
        for stage, campaigns in self.filtered("stage_id").grouped("stage_id").items():
            campaigns.filtered(lambda c, stage=stage: c.state != stage.state).write(
                {"state": stage.state}
            )

    @api.depends("budget", "company_id.comms_director_budget_threshold")
    def _compute_approval_director_required(self):
        for campaign in self:
            threshold = campaign.company_id.comms_director_budget_threshold
            campaign.approval_director_required = bool(
                threshold and campaign.budget > threshold
            )

    @api.depends("audience_ids.estimated_size")
    def _compute_audience_size(self):
        for campaign in self:
            campaign.audience_size = sum(campaign.audience_ids.mapped("estimated_size"))

    @api.depends("milestone_ids.state")
    def _compute_milestone_counts(self):
        counts = defaultdict(lambda: defaultdict(int))
        for campaign, state, count in self.env["comms.campaign.milestone"]._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id", "state"], ["__count"]
        ):
            counts[campaign.id][state] = count
        for campaign in self:
            by_state = counts[campaign._origin.id]
            campaign.milestone_count = sum(by_state.values())
            campaign.milestone_done_count = by_state["done"]

    def _compute_mailing_statistics(self):
        # mass_mailing's own figures of each email mailing of the campaign
        # (what "sent", "delivered", "opened" mean there), added up
        mailings = (
            self.env["mailing.mailing"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("campaign_id", "in", self.utm_campaign_id.ids),
                    ("mailing_type", "=", "mail"),
                ]
            )
        )
        by_utm = mailings.grouped("campaign_id")
        for campaign in self:
            utm_mailings = by_utm.get(campaign.utm_campaign_id, mailings.browse())
            campaign.mailing_count = len(utm_mailings)
            campaign.mailing_expected = sum(
                mailing.expected - mailing.canceled for mailing in utm_mailings
            )
            campaign.mailing_sent = sum(utm_mailings.mapped("sent"))
            campaign.mailing_delivered = sum(utm_mailings.mapped("delivered"))
            campaign.mailing_opened = sum(utm_mailings.mapped("opened"))
            campaign.mailing_clicked = sum(utm_mailings.mapped("clicked"))
            campaign.mailing_bounced = sum(utm_mailings.mapped("bounced"))

    @api.depends_context("lang")
    def _compute_event_counts(self):
        # counted for everyone who reads the campaign, also staff who do not
        # use the Events app: only figures leave the events
        events = (
            self.env["event.event"]
            .sudo()
            .search([("campaign_id", "in", self.ids)])
            .grouped("campaign_id")
        )
        Event = self.env["event.event"]
        for campaign in self:
            # the events' own figures (computed for all of them at once),
            # added up; the rate is that of the sums
            campaign_events = events.get(campaign._origin, Event)
            invited = sum(campaign_events.mapped("guest_invitation_count"))
            expected = sum(campaign_events.mapped("guest_expected_count"))
            attended = sum(campaign_events.mapped("guest_attended_count"))
            rate = 100.0 * attended / expected if expected else None
            campaign.event_count = len(campaign_events)
            campaign.event_guest_invited = invited
            campaign.event_guest_expected = expected
            campaign.event_guest_attended = attended
            campaign.event_attendance_rate = rate or 0.0
            campaign.event_attendance_rate_display = self.env[
                "res.lang"
            ]._comms_format_percentage(rate)

    def _compute_media_counts(self):
        counts = {}
        for model in ("comms.material", "comms.publication", "comms.coverage"):
            counts[model] = dict(
                self.env[model]._read_group(
                    [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
                )
            )
        for campaign in self:
            origin = campaign._origin
            campaign.material_count = counts["comms.material"].get(origin, 0)
            campaign.publication_count = counts["comms.publication"].get(origin, 0)
            campaign.coverage_count = counts["comms.coverage"].get(origin, 0)

    @api.depends("indicator_ids.target", "indicator_ids.baseline")
    def _compute_indicator_achievement(self):
        indicators = self.env["comms.indicator"].search(
            [("campaign_id", "in", self.ids)]
        )
        by_campaign = defaultdict(list)
        for indicator in indicators:
            if indicator.target != indicator.baseline or indicator.target:
                by_campaign[indicator.campaign_id.id].append(indicator.achievement)
        for campaign in self:
            values = by_campaign[campaign._origin.id]
            campaign.indicator_achievement = (
                sum(values) / len(values) if values else 0.0
            )

    @api.depends("recommendation_ids.state")
    def _compute_recommendation_open_count(self):
        counts = dict(
            self.env["comms.recommendation"]._read_group(
                [
                    ("campaign_id", "in", self.ids),
                    ("state", "in", ("open", "in_progress")),
                ],
                ["campaign_id"],
                ["__count"],
            )
        )
        for campaign in self:
            campaign.recommendation_open_count = counts.get(campaign._origin, 0)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # each campaign tracks its mailings through a UTM campaign of its own,
        # never through one chosen by the user (it is renamed with it)
        if not self.env.su and any("utm_campaign_id" in vals for vals in vals_list):
            self.env["res.users"]._comms_refuse_fields(self, ["utm_campaign_id"])
        utm_campaigns = self.env["utm.campaign"].create(
            [
                {
                    "title": vals.get("name") or self.env._("Campaign"),
                    "user_id": vals.get("user_id", self.env.uid),
                }
                for vals in vals_list
            ]
        )
        for vals, utm in zip(vals_list, utm_campaigns, strict=True):
            vals.setdefault("utm_campaign_id", utm.id)
        return super().create(vals_list)

    def write(self, vals):
        if "utm_campaign_id" in vals and not self.env.su:
            self.env["res.users"]._comms_refuse_fields(self, ["utm_campaign_id"])
        if vals.get("state") in ("running", "done"):
            self._check_can_start(vals["state"])
        res = super().write(vals)
        if "name" in vals:
            for campaign in self:
                campaign.utm_campaign_id.title = campaign.name
        if {"name", "state"} & set(vals):
            self.milestone_ids._comms_mirror_sync()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(c.state in ("running", "done") for c in self):
            raise UserError(
                self.env._("A campaign that started cannot be deleted: archive it.")
            )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        return [
            dict(vals, name=self.env._("%(name)s (copy)", name=campaign.name))
            for campaign, vals in zip(self, vals_list, strict=True)
        ]

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        self._check_office_action()
        self.write({"state": "running"})

    def action_done(self):
        self._check_office_action()
        self.write({"state": "done"})

    def action_cancel(self):
        self._check_office_action()
        self.write({"state": "cancel"})

    def action_draft(self):
        self._check_office_action()
        self.write({"state": "draft"})

    def action_create_mailing(self):
        """Prepare an email to the campaign's audiences, tracked by the campaign."""
        self.ensure_one()
        self._check_office_action()
        if self.state not in ("approved", "running"):
            raise UserError(
                self.env._("Emails are sent once the campaign is approved.")
            )
        mailing = self.env["mailing.mailing"].create(self._prepare_mailing_vals())
        return {
            "type": "ir.actions.act_window",
            "res_model": "mailing.mailing",
            "res_id": mailing.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def action_view_mailings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mass_mailing.mailing_mailing_action_mail"
        )
        action["domain"] = [("campaign_id", "=", self.utm_campaign_id.id)]
        action["context"] = {
            "default_campaign_id": self.utm_campaign_id.id,
            "default_mailing_type": "mail",
        }
        return action

    def action_view_milestones(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_campaign_milestone_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_view_events(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.event_event_action_comms"
        )
        action["domain"] = [("campaign_id", "in", self.ids)]
        action["context"] = {
            "default_is_comms_event": True,
            "default_campaign_id": self[:1].id,
        }
        return action

    def _action_view_media(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_view_materials(self):
        return self._action_view_media("comms_office.comms_material_action")

    def action_view_publications(self):
        return self._action_view_media("comms_office.comms_publication_action")

    def action_view_coverage(self):
        return self._action_view_media("comms_office.comms_coverage_action")

    def action_export_indicators(self):
        return self.env.ref(
            "comms_office.action_report_comms_indicator_xlsx"
        ).report_action(self.indicator_ids)

    # ------------------------------------------------------------
    # APPROVAL
    # ------------------------------------------------------------

    def _comms_on_approved(self):
        self.write({"state": "approved"})

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _check_office_action(self):
        self.env["res.users"]._comms_check_role(
            "officer",
            self.env._(
                "start, finish, cancel or reset a campaign, or prepare its emails"
            ),
        )

    def _check_can_start(self, state):
        not_approved = self.filtered(
            lambda c: (
                c.state not in ("approved", "running", "done")
                and not c._comms_may_go_out()
            )
        )
        if not_approved:
            raise UserError(
                self.env._(
                    "A campaign cannot start before it is approved: %(names)s.",
                    names=", ".join(not_approved.mapped("name")),
                )
            )

    def _prepare_mailing_vals(self):
        self.ensure_one()
        lists = self.audience_ids.mailing_list_ids
        vals = {
            "subject": self.name,
            "mailing_type": "mail",
            "campaign_id": self.utm_campaign_id.id,
            "user_id": self.env.user.id,
        }
        if lists or not self.audience_ids.partner_ids:
            vals.update(
                {
                    "mailing_model_id": self.env["ir.model"]._get_id("mailing.list"),
                    "contact_list_ids": [(6, 0, lists.ids)],
                }
            )
        else:
            vals.update(
                {
                    "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "mailing_domain": repr(
                        [("id", "in", self.audience_ids.partner_ids.ids)]
                    ),
                }
            )
        return vals

    def _get_report_lang(self):
        return self.env.context.get("lang") or self.env.user.lang or "en_US"

    def _comms_indicator_values(self):
        """Values the module knows for the indicators, per campaign.

        Return ``{campaign_id: {source: value}}`` where ``source`` is a value
        of ``comms.indicator.auto_source``. Extend it (call ``super()`` and
        add keys) to feed new automatic sources; it must stay a batch method.
        """
        media = self.env["comms.indicator"]._get_media_values(self, "campaign_id")
        return {
            campaign.id: {
                **media[campaign.id],
                "mailing_count": campaign.mailing_count,
                "mailing_sent": campaign.mailing_sent,
                "mailing_delivered": campaign.mailing_delivered,
                "mailing_opened": campaign.mailing_opened,
                "mailing_clicked": campaign.mailing_clicked,
                "mailing_bounced": campaign.mailing_bounced,
                "audience_size": campaign.audience_size,
                "audience_reached": campaign.mailing_delivered,
                "milestone_done": campaign.milestone_done_count,
                "event_count": campaign.event_count,
                "guest_invited": campaign.event_guest_invited,
                "guest_attended": campaign.event_guest_attended,
                "attendance_rate": campaign.event_attendance_rate,
            }
            for campaign in self
        }

    def _get_event_report_lines(self):
        """The campaign's events and their attendance, for the evaluation
        report (printed by anyone who reads the campaign)."""
        self.ensure_one()
        events = (
            self.env["event.event"]
            .sudo()
            .search([("campaign_id", "=", self.id)], order="date_begin, id")
        )
        values = events._comms_indicator_values()
        return [
            {
                "name": event.name,
                "type": event.event_type_id.name or "",
                "date": event.date_begin,
                "date_tz": event.date_tz,
                "invited": values[event.id]["guest_invited"],
                "expected": event.guest_expected_count,
                "attended": values[event.id]["guest_attended"],
                "rate": values[event.id]["attendance_rate"],
                "rate_display": event.attendance_rate_display,
            }
            for event in events
        ]
