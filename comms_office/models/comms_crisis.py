# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from .comms_crisis_scenario import CRISIS_SEVERITIES

CRISIS_STATES = [
    ("proposed", "Proposed"),
    ("draft", "Prepared"),
    ("initial", "Initial"),
    ("maintenance", "Maintenance"),
    ("resolution", "Resolution"),
    ("evaluation", "Evaluation"),
    ("closed", "Closed"),
]
# the phases in which the cell works and the clocks run
ACTIVE_STATES = ("initial", "maintenance", "resolution")
# CERC: the first statement within 2 hours, then reassessments
CLOCK_HOURS = [
    ("first_statement", 2),
    ("reassess_12", 12),
    ("reassess_24", 24),
    ("reassess_36", 36),
    ("reassess_48", 48),
]
# early warning: a cluster of complaints about one department or category
CLUSTER_SIZE_PARAM = "comms_office.crisis_cluster_size"
CLUSTER_HOURS_PARAM = "comms_office.crisis_cluster_hours"
NEGATIVE_COVERAGE_PARAM = "comms_office.crisis_negative_coverage"


class CommsCrisis(models.Model):
    """A crisis, after CDC's Crisis and Emergency Risk Communication: prepared
    (or proposed by the early warning), activated, worked through its phases,
    closed with a review."""

    _name = "comms.crisis"
    _description = "Crisis"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_activated desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    scenario_id = fields.Many2one(
        "comms.crisis.scenario", tracking=True, index="btree_not_null"
    )
    severity = fields.Selection(
        CRISIS_SEVERITIES, required=True, default="2", tracking=True
    )
    state = fields.Selection(
        CRISIS_STATES,
        string="Phase",
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    is_drill = fields.Boolean(
        string="Exercise",
        tracking=True,
        help="A drill runs like a crisis, is labelled as an exercise on "
        "everything it sends and stays out of the statistics.",
    )
    known_facts = fields.Text(string="What Is Known", tracking=True)
    unknown_facts = fields.Text(string="What Is Not Known Yet")
    date_activated = fields.Datetime(string="Activated On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    lead_id = fields.Many2one(
        "res.users",
        string="Cell Lead",
        compute="_compute_cell_roles",
        store=True,
    )
    medical_expert_id = fields.Many2one(
        "res.users",
        compute="_compute_cell_roles",
        store=True,
        help="Reviews the crisis statements for the facts of care.",
    )
    member_ids = fields.One2many("comms.crisis.member", "crisis_id", string="Cell")
    member_count = fields.Integer(compute="_compute_member_count")
    channel_id = fields.Many2one(
        "discuss.channel", string="Crisis Room", readonly=True, copy=False
    )
    meeting_id = fields.Many2one(
        "calendar.event", string="First Cell Meeting", readonly=True, copy=False
    )
    clock_ids = fields.One2many("comms.crisis.clock", "crisis_id", string="Clocks")
    next_clock_id = fields.Many2one("comms.crisis.clock", compute="_compute_next_clock")
    next_clock_due = fields.Datetime(
        string="Next Deadline", compute="_compute_next_clock"
    )
    next_clock_countdown = fields.Char(
        string="Time Left", compute="_compute_next_clock"
    )
    log_ids = fields.One2many("comms.crisis.log", "crisis_id", string="Timeline")
    statement_ids = fields.One2many(
        "comms.material",
        "crisis_id",
        string="Statements",
        domain=[("material_type", "=", "statement")],
    )
    statement_count = fields.Integer(compute="_compute_counts")
    rumour_ids = fields.One2many("comms.rumour", "crisis_id", string="Rumours")
    rumour_count = fields.Integer(compute="_compute_counts")
    inquiry_ids = fields.One2many("comms.inquiry", "crisis_id", string="Inquiries")
    inquiry_count = fields.Integer(compute="_compute_counts")
    coverage_ids = fields.One2many("comms.coverage", "crisis_id")
    coverage_count = fields.Integer(compute="_compute_counts")
    message_map_ids = fields.One2many(
        "comms.message.map", "crisis_id", string="Message Maps"
    )
    scenario_message_map_ids = fields.One2many(
        related="scenario_id.message_map_ids", string="Scenario Message Maps"
    )
    recommendation_ids = fields.One2many(
        "comms.recommendation", "crisis_id", string="Recommendations"
    )
    indicator_ids = fields.One2many("comms.indicator", "crisis_id", string="Indicators")
    # the review that closes the crisis
    review_worked = fields.Html(string="What Worked")
    review_not_worked = fields.Html(string="What Did Not Work")
    # early warning
    warning_note = fields.Text(string="Early Warning", readonly=True, copy=False)
    warning_department_id = fields.Many2one(
        "comms.department", readonly=True, copy=False
    )
    warning_category_id = fields.Many2one(
        "comms.complaint.category", readonly=True, copy=False
    )

    @api.depends("member_ids.role", "member_ids.user_id")
    def _compute_cell_roles(self):
        for crisis in self:
            members = crisis.member_ids
            crisis.lead_id = members.filtered(lambda m: m.role == "lead")[:1].user_id
            crisis.medical_expert_id = members.filtered(
                lambda m: m.role == "medical_expert"
            )[:1].user_id

    @api.depends("member_ids")
    def _compute_member_count(self):
        for crisis in self:
            crisis.member_count = len(crisis.member_ids)

    @api.depends("clock_ids.date_due", "clock_ids.date_done")
    def _compute_next_clock(self):
        now = fields.Datetime.now()
        for crisis in self:
            pending = crisis.clock_ids.filtered(lambda c: not c.date_done).sorted(
                "date_due"
            )
            clock = pending[:1] if crisis.state in ACTIVE_STATES else pending[:0]
            crisis.next_clock_id = clock
            crisis.next_clock_due = clock.date_due
            crisis.next_clock_countdown = (
                clock._countdown_label(now) if clock else False
            )

    def _compute_counts(self):
        for field, model in (
            ("statement_count", "comms.material"),
            ("rumour_count", "comms.rumour"),
            ("inquiry_count", "comms.inquiry"),
            ("coverage_count", "comms.coverage"),
        ):
            domain = Domain("crisis_id", "in", self.ids)
            if model == "comms.material":
                domain &= Domain("material_type", "=", "statement")
            counts = dict(
                self.env[model]._read_group(domain, ["crisis_id"], ["__count"])
            )
            for crisis in self:
                crisis[field] = counts.get(crisis, 0)

    @api.onchange("scenario_id")
    def _onchange_scenario_id(self):
        if self.scenario_id and not self.member_ids:
            self.member_ids = self.scenario_id._crisis_member_commands()
            self.severity = self.scenario_id.default_severity

    @api.depends("name", "is_drill")
    def _compute_display_name(self):
        for crisis in self:
            if crisis.is_drill:
                crisis.display_name = f"[{crisis._drill_label()}] {crisis.name}"
            else:
                crisis.display_name = crisis.name

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        Scenario = self.env["comms.crisis.scenario"]
        for vals in vals_list:
            if vals.get("scenario_id") and not vals.get("member_ids"):
                scenario = Scenario.browse(vals["scenario_id"])
                vals["member_ids"] = scenario._crisis_member_commands()
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_activated(self):
        if any(crisis.date_activated for crisis in self):
            raise UserError(
                self.env._("A crisis that was activated is kept: close it instead.")
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_activate(self):
        """Alert the cell, open the crisis room, book the first meeting and
        start the clocks: all crises at once, whatever their cell's size."""
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("activate a crisis")
        )
        started = self.filtered(lambda c: c.state not in ("proposed", "draft"))
        if started:
            raise UserError(
                self.env._(
                    "%(names)s is already activated.",
                    names=", ".join(started.mapped("display_name")),
                )
            )
        empty = self.filtered(lambda c: not c.member_ids)
        if empty:
            raise UserError(
                self.env._(
                    "Name the crisis cell of %(names)s before activating it.",
                    names=", ".join(empty.mapped("display_name")),
                )
            )
        now = fields.Datetime.now()
        self.write({"state": "initial", "date_activated": now})
        self._crisis_start_clocks(now)
        for crisis in self:
            crisis._crisis_alert_members()
            crisis._crisis_open_room()
            crisis._crisis_book_meeting(now)
            crisis._crisis_schedule_checklist()
        self._crisis_log(
            "activation",
            lambda c: c.env._(
                "Crisis activated (severity: %(severity)s). %(facts)s",
                severity=dict(c._fields["severity"]._description_selection(c.env)).get(
                    c.severity
                ),
                facts=c.known_facts or "",
            ),
        )
        return True

    def action_draft_statement(self):
        """Draft the next numbered statement from the scenario's template."""
        self.ensure_one()
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("draft a crisis statement")
        )
        number = self.statement_count + 1
        title = self.env._(
            "Statement %(version)s: %(crisis)s",
            version=f"v{number}",
            crisis=self.name,
        )
        body = self.scenario_id.holding_statement or Markup("")
        if self.is_drill:
            label = self._drill_label()
            title = f"[{label}] {title}"
            body = Markup("<p><strong>%s</strong></p>") % label + body
        statement = self.env["comms.material"].create(
            {
                "name": title,
                "material_type": "statement",
                "crisis_id": self.id,
                "crisis_version": number,
                "company_id": self.company_id.id,
                "body": body,
            }
        )
        self._crisis_log(
            "statement",
            lambda c: c.env._("Statement v%(number)s drafted.", number=number),
        )
        return self._crisis_open(statement)

    def action_maintenance(self):
        return self._crisis_set_phase("maintenance", ACTIVE_STATES)

    def action_resolve(self):
        return self._crisis_set_phase("resolution", ACTIVE_STATES)

    def action_evaluate(self):
        return self._crisis_set_phase("evaluation", ACTIVE_STATES)

    def action_close(self):
        self._crisis_set_phase("closed", ("evaluation",))
        self.write({"date_closed": fields.Datetime.now()})
        return True

    def action_view_statements(self):
        return self._crisis_open_list("comms.material", "statement_ids")

    def action_view_rumours(self):
        return self._crisis_open_list("comms.rumour", "rumour_ids")

    def action_view_inquiries(self):
        return self._crisis_open_list("comms.inquiry", "inquiry_ids")

    def action_view_coverage(self):
        return self._crisis_open_list("comms.coverage", "coverage_ids")

    def action_print_report(self):
        return self.env.ref("comms_office.action_report_comms_crisis").report_action(
            self
        )

    def action_open_room(self):
        self.ensure_one()
        if not self.channel_id:
            return False
        return {
            "type": "ir.actions.client",
            "tag": "mail.action_discuss",
            "params": {"active_id": self.channel_id.id},
        }

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_early_warning(self):
        """Propose a crisis to the head of office when complaints cluster on
        one department or category, or negative coverage spikes. Nothing is
        activated: a person decides."""
        params = self.env["ir.config_parameter"].sudo()
        size = int(params.get_param(CLUSTER_SIZE_PARAM, 5))
        hours = int(params.get_param(CLUSTER_HOURS_PARAM, 48))
        negative = int(params.get_param(NEGATIVE_COVERAGE_PARAM, 5))
        since = fields.Datetime.now() - timedelta(hours=hours)
        Complaint = self.env["comms.complaint"]
        clusters = []
        recent = Domain("date_received", ">=", since) & Domain("kind", "=", "complaint")
        for field in ("department_id", "category_id"):
            for company, record, count in Complaint._read_group(
                recent & Domain(field, "!=", False),
                ["company_id", field],
                ["__count"],
                having=[("__count", ">=", size)],
            ):
                clusters.append((company, field, record, count))
        # a cluster already proposed or worked on in the window is not proposed again
        open_crises = self.with_context(active_test=False).search(
            Domain("create_date", ">=", since) | Domain("state", "in", ACTIVE_STATES)
        )
        taken = {("department_id", c.warning_department_id.id) for c in open_crises} | {
            ("category_id", c.warning_category_id.id) for c in open_crises
        }
        proposals = []
        for company, field, record, count in clusters:
            if (field, record.id) in taken:
                continue
            note = self.env._(
                "%(count)s complaints about %(subject)s in %(hours)s hours.",
                count=count,
                subject=record.display_name,
                hours=hours,
            )
            proposals.append(
                {
                    "company_id": company.id,
                    "field": field,
                    "record": record,
                    "note": note,
                }
            )
        Coverage = self.env["comms.coverage"]
        for company, count in Coverage._read_group(
            Domain("date", ">=", since.date()) & Domain("tone", "=", "negative"),
            ["company_id"],
            ["__count"],
            having=[("__count", ">=", negative)],
        ):
            if any(
                c.warning_note
                and not c.warning_department_id
                and not c.warning_category_id
                for c in open_crises
                if c.company_id == company
            ):
                continue
            proposals.append(
                {
                    "company_id": company.id,
                    "field": False,
                    "record": False,
                    "note": self.env._(
                        "%(count)s negative clippings in %(hours)s hours.",
                        count=count,
                        hours=hours,
                    ),
                }
            )
        return self._crisis_propose(proposals)

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _drill_label(self):
        return self.env._("EXERCISE")

    def _crisis_label(self, text):
        """Prefix ``text`` with the exercise label for a drill."""
        self.ensure_one()
        return f"[{self._drill_label()}] {text}" if self.is_drill else text

    def _crisis_log(self, kind, describe, source=False):
        """Append one timeline entry per crisis; ``describe(crisis)`` says what
        happened."""
        if not self:
            return self.env["comms.crisis.log"]
        return (
            self.env["comms.crisis.log"]
            .sudo()
            .create(
                [
                    {
                        "crisis_id": crisis.id,
                        "kind": kind,
                        "name": describe(crisis),
                        "source": source,
                        "user_id": self.env.user.id,
                    }
                    for crisis in self
                ]
            )
        )

    @api.model
    def _crisis_log_created(self, records, kind):
        """Put new inquiries or clippings of a crisis on its timeline."""
        for crisis in records.crisis_id:
            linked = records.filtered(lambda r, c=crisis: r.crisis_id == c)
            crisis._crisis_log(
                kind,
                lambda c, r=linked: c.env._(
                    "%(what)s: %(names)s",
                    what=c.env["ir.model"]._get(r._name).name,
                    names="; ".join(r.mapped("display_name")),
                ),
            )

    def _crisis_set_phase(self, state, from_states):
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("move a crisis to its next phase")
        )
        wrong = self.filtered(lambda c: c.state not in from_states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(names)s cannot move to this phase now.",
                    names=", ".join(wrong.mapped("display_name")),
                )
            )
        self.write({"state": state})
        label = dict(self._fields["state"]._description_selection(self.env))[state]
        self._crisis_log("phase", lambda c: c.env._("Phase: %(phase)s.", phase=label))
        return True

    def _crisis_start_clocks(self, start):
        self.env["comms.crisis.clock"].sudo().create(
            [
                {
                    "crisis_id": crisis.id,
                    "kind": kind,
                    "date_due": start + timedelta(hours=hours),
                }
                for crisis in self
                for kind, hours in CLOCK_HOURS
            ]
        )

    def _crisis_alert_members(self):
        """Alert the whole cell at once: a message in their inbox, an email,
        an activity, and a text message when Odoo can send them."""
        self.ensure_one()
        users = self.member_ids.user_id
        partners = users.partner_id
        subject = self._crisis_label(
            self.env._("Crisis activated: %(name)s", name=self.name)
        )
        body = Markup("<p>%s</p><p>%s</p>") % (
            self.env._(
                "The crisis cell is activated. Join the crisis room and the first "
                "cell meeting."
            ),
            self.known_facts or "",
        )
        self.message_subscribe(partner_ids=partners.ids)
        self.message_post(
            subject=subject,
            body=body,
            partner_ids=partners.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        # an email to the members who read their notifications in Odoo: the
        # others had it by email already
        inbox = users.filtered(lambda u: u.notification_type == "inbox").partner_id
        if inbox:
            self.env["mail.mail"].sudo().create(
                {
                    "subject": subject,
                    "body_html": body,
                    "recipient_ids": [(6, 0, inbox.ids)],
                    "model": self._name,
                    "res_id": self.id,
                    "auto_delete": False,
                }
            )
        activity_type = self.env.ref("comms_office.mail_activity_type_comms_crisis")
        model_id = self.env["ir.model"]._get_id(self._name)
        # mail.activity's create subscribes and notifies each assignee in
        # turn: the cell is subscribed above in one go, so the activities are
        # inserted together (ORM create, sudo: the office alerts people who
        # cannot create activities themselves) and the assignees' activity
        # counters refreshed together
        models.Model.create(
            self.env["mail.activity"].sudo(),
            [
                {
                    "res_model_id": model_id,
                    "res_id": self.id,
                    "activity_type_id": activity_type.id,
                    "summary": subject,
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                }
                for user in users
            ],
        )
        users._bus_send(
            "mail.activity/updated", {"activity_created": True, "count_diff": 1}
        )
        self._crisis_send_sms(subject)
        self._crisis_log(
            "alert",
            lambda c: c.env._(
                "%(count)s cell members alerted: %(names)s.",
                count=len(users),
                names=", ".join(users.mapped("name")),
            ),
        )

    def _crisis_send_sms(self, text):
        """Text the members' phones when the SMS module is installed; the
        module works without it."""
        self.ensure_one()
        if "sms.sms" not in self.env:
            return
        numbers = [m.phone for m in self.member_ids if m.phone]
        if numbers:
            self.env["sms.sms"].sudo().create(
                [{"number": number, "body": text} for number in numbers]
            )

    def _crisis_open_room(self):
        self.ensure_one()
        # sudo: the crisis room is created by the office for the cell, whose
        # members need not be allowed to create channels themselves
        channel = (
            self.env["discuss.channel"]
            .sudo()
            .create(
                {
                    "name": self._crisis_label(
                        self.env._("Crisis room: %(name)s", name=self.name)
                    ),
                    "channel_type": "channel",
                    "description": self.known_facts or False,
                    # the whole cell at once (adding members one by one costs
                    # queries for each)
                    "channel_member_ids": [
                        Command.create({"partner_id": partner.id})
                        for partner in self.member_ids.user_id.partner_id
                    ],
                }
            )
        )
        self.sudo().channel_id = channel

    def _crisis_book_meeting(self, start):
        self.ensure_one()
        partners = self.member_ids.user_id.partner_id
        # the members were alerted already: the meeting sends no invitation
        meeting = (
            self.env["calendar.event"]
            .sudo()
            .with_context(no_mail_to_attendees=True, dont_notify=True)
            .create(
                {
                    "name": self._crisis_label(
                        self.env._("Crisis cell meeting: %(name)s", name=self.name)
                    ),
                    "start": start + timedelta(minutes=30),
                    "stop": start + timedelta(minutes=90),
                    "user_id": (self.lead_id or self.env.user).id,
                    "partner_ids": [(6, 0, partners.ids)],
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": self.id,
                }
            )
        )
        self.sudo().meeting_id = meeting

    def _crisis_schedule_checklist(self):
        """Schedule the scenario's action checklist on the crisis."""
        self.ensure_one()
        plan = self.scenario_id.activity_plan_id
        if not plan:
            return
        self.env["mail.activity.schedule"].with_context(
            active_model=self._name, active_ids=self.ids
        ).create(
            {
                "plan_id": plan.id,
                "plan_date": fields.Date.context_today(self),
                "plan_on_demand_user_id": (self.lead_id or self.env.user).id,
            }
        ).action_schedule_plan()

    def _crisis_propose(self, proposals):
        """Create proposed crises with a drafted holding statement, and ask
        the head of office to decide."""
        if not proposals:
            return self.browse()
        Scenario = self.env["comms.crisis.scenario"]
        categories = [p["record"].id for p in proposals if p["field"] == "category_id"]
        scenarios = Scenario.search(
            Domain("kind", "in", ("care_incident", "rumour"))
            | Domain("complaint_category_ids", "in", categories)
        )
        default = scenarios.filtered(lambda s: s.kind == "care_incident")[:1]
        vals_list = []
        for proposal in proposals:
            scenario = default
            if proposal["field"] == "category_id":
                scenario = (
                    scenarios.filtered(
                        lambda s, p=proposal: p["record"] in s.complaint_category_ids
                    )[:1]
                    or default
                )
            elif not proposal["field"]:
                scenario = (
                    scenarios.filtered(lambda s: s.kind == "rumour")[:1] or default
                )
            vals_list.append(
                {
                    "name": proposal["note"],
                    "company_id": proposal["company_id"],
                    "scenario_id": scenario.id,
                    "state": "proposed",
                    "severity": scenario.default_severity or "2",
                    "warning_note": proposal["note"],
                    "known_facts": proposal["note"],
                    "warning_department_id": proposal["field"] == "department_id"
                    and proposal["record"].id,
                    "warning_category_id": proposal["field"] == "category_id"
                    and proposal["record"].id,
                }
            )
        crises = self.create(vals_list)
        managers = self.env.ref("comms_office.group_comms_manager").all_user_ids
        managers = managers.filtered(lambda u: not u.share and u.active)
        for crisis in crises:
            crisis.action_draft_statement()
            for user in managers:
                crisis.activity_schedule(
                    "comms_office.mail_activity_type_comms_crisis",
                    summary=crisis.env._("Early warning: decide on this crisis"),
                    note=crisis.warning_note,
                    user_id=user.id,
                )
        return crises

    def _crisis_on_statements_published(self, statements):
        """A statement went out: it is on the timeline, and the first one
        keeps the 2-hour clock."""
        now = fields.Datetime.now()
        for statement in statements:
            crisis = statement.crisis_id
            crisis._crisis_log(
                "statement",
                lambda c, s=statement: c.env._(
                    "Statement v%(number)s published: %(name)s",
                    number=s.crisis_version,
                    name=s.name,
                ),
            )
        self.clock_ids.filtered(
            lambda c: c.kind == "first_statement" and not c.date_done
        ).sudo().write({"date_done": now})

    def _crisis_open(self, record):
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }

    def _crisis_open_list(self, model, field):
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "res_model": model,
            "name": self._fields[field].get_description(self.env)["string"],
            "view_mode": "list,form",
            "domain": [("id", "in", self[field].ids)],
            "context": {"default_crisis_id": self.id},
        }
        if model == "comms.material":
            action["context"]["default_material_type"] = "statement"
        if model == "comms.rumour":
            action["view_mode"] = "kanban,list,form"
        return action

    def _crisis_timeline(self):
        """The timeline in the order it happened, read in one query however
        long it is (for the report)."""
        self.ensure_one()
        return self.env["comms.crisis.log"].search_fetch(
            Domain("crisis_id", "=", self.id),
            ["date", "kind", "name", "user_id", "source"],
            order="date, id",
        )

    def _comms_indicator_values(self):
        """The crisis's own figures for its indicators, in one batch."""
        values = self.env["comms.indicator"]._get_media_values(self, "crisis_id")
        clocks = self.env["comms.crisis.clock"]._read_group(
            Domain("crisis_id", "in", self.ids),
            ["crisis_id", "is_kept"],
            ["__count"],
        )
        kept = {}
        for crisis, is_kept, count in clocks:
            total, done = kept.get(crisis.id, (0, 0))
            kept[crisis.id] = (total + count, done + (count if is_kept else 0))
        rumours = self.env["comms.rumour"]._read_group(
            Domain("crisis_id", "in", self.ids) & Domain("date_answered", "!=", False),
            ["crisis_id", "answered_on_time"],
            ["__count"],
        )
        on_time = {}
        for crisis, punctual, count in rumours:
            total, done = on_time.get(crisis.id, (0, 0))
            on_time[crisis.id] = (total + count, done + (count if punctual else 0))
        first = dict(
            self.env["comms.crisis.clock"]._read_group(
                Domain("crisis_id", "in", self.ids)
                & Domain("kind", "=", "first_statement")
                & Domain("date_done", "!=", False),
                ["crisis_id"],
                ["date_done:min"],
            )
        )
        for crisis in self:
            crisis_values = values.setdefault(crisis.id, {})
            total, done = kept.get(crisis.id, (0, 0))
            crisis_values["crisis_clocks_kept"] = 100.0 * done / total if total else 0.0
            total, done = on_time.get(crisis.id, (0, 0))
            crisis_values["crisis_rumours_on_time"] = (
                100.0 * done / total if total else 0.0
            )
            done_at = first.get(crisis)
            crisis_values["crisis_first_statement_minutes"] = (
                (done_at - crisis.date_activated).total_seconds() / 60
                if done_at and crisis.date_activated
                else 0.0
            )
        return values
