# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

PROGRAM_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("running", "Running"),
    ("done", "Done"),
    ("evaluated", "Evaluated"),
    ("cancel", "Cancelled"),
]
KNOWLEDGE_METHODS = [
    ("none", "No results yet"),
    ("paired", "Paired"),
    ("unpaired", "Unpaired"),
]


class CommsAwarenessProgram(models.Model):
    """A health education and awareness programme: a topic, its audiences
    and partners, a logic model read top-down (inputs, activities, outputs,
    outcomes, impact) with SMART objectives as indicators, sessions in the
    communes and a knowledge test before and after."""

    _name = "comms.awareness.program"
    _description = "Awareness Programme"
    _inherit = ["mail.thread", "mail.activity.mixin", "comms.approval.mixin"]
    _order = "date_start desc, id desc"

    _state_to = ["approved", "running", "done", "evaluated"]
    _approval_content_fields = [
        "name",
        "topic",
        "audience_ids",
        "partner_ids",
        "budget",
        "date_start",
        "date_end",
    ]

    name = fields.Char(required=True, tracking=True)
    topic = fields.Char(string="Health Topic", tracking=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    health_day_id = fields.Many2one(
        "comms.health.day", index="btree_not_null", tracking=True
    )
    health_day_year = fields.Integer(
        compute="_compute_health_day_year",
        store=True,
        readonly=False,
        help="The year of the health day this programme serves.",
    )
    state = fields.Selection(
        PROGRAM_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    # people, partners and dates
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    audience_ids = fields.Many2many(
        "comms.audience",
        string="Target Audiences",
        help="Pupils, parents, patients, women of childbearing age, elderly "
        "people, staff…",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Partners",
        help="Schools, associations, imams and mosques, communal councils, the "
        "health directorate…",
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    budget = fields.Monetary(tracking=True)
    budget_spent = fields.Monetary(string="Spent", tracking=True)
    # logic model, read top-down
    logic_inputs = fields.Html(
        string="Inputs", help="People, money, materials and partners put in."
    )
    logic_activities = fields.Html(
        string="Programme Activities",
        help="What the programme does: sessions, visits…",
    )
    logic_outputs = fields.Html(
        string="Outputs", help="What it produces: sessions held, people reached…"
    )
    logic_outcomes = fields.Html(
        string="Outcomes", help="What changes for the audience: knowledge, habits."
    )
    logic_impact = fields.Html(
        string="Impact", help="The change in public health it contributes to."
    )
    indicator_ids = fields.One2many(
        "comms.indicator", "program_id", string="Objectives", copy=True
    )
    # sessions and reach
    session_ids = fields.One2many("comms.awareness.session", "program_id")
    session_planned = fields.Integer(
        string="Sessions Planned", help="Sessions the programme intends to hold."
    )
    session_count = fields.Integer(string="Sessions", compute="_compute_sessions")
    session_held_count = fields.Integer(
        string="Sessions Held", compute="_compute_sessions"
    )
    reach_total = fields.Integer(string="People Reached", compute="_compute_reach")
    reach_female = fields.Integer(string="Women Reached", compute="_compute_reach")
    reach_male = fields.Integer(string="Men Reached", compute="_compute_reach")
    commune_count = fields.Integer(string="Communes", compute="_compute_reach")
    materials_distributed = fields.Integer(compute="_compute_sessions")
    material_ids = fields.One2many("comms.material", "program_id", string="Materials")
    # knowledge before and after
    pretest_survey_id = fields.Many2one(
        "survey.survey",
        string="Pre-test",
        domain="[('scoring_type', '!=', 'no_scoring')]",
        help="A scored survey answered before the sessions.",
    )
    posttest_survey_id = fields.Many2one(
        "survey.survey",
        string="Post-test",
        domain="[('scoring_type', '!=', 'no_scoring')]",
        help="A scored survey answered after the sessions: the same one as "
        "the pre-test, or another.",
    )
    knowledge_method = fields.Selection(
        KNOWLEDGE_METHODS, string="Method", compute="_compute_knowledge"
    )
    knowledge_pre_count = fields.Integer(
        string="Pre-tests", compute="_compute_knowledge"
    )
    knowledge_post_count = fields.Integer(
        string="Post-tests", compute="_compute_knowledge"
    )
    knowledge_paired_count = fields.Integer(
        string="Participants Paired",
        compute="_compute_knowledge",
        help="Participants who answered both tests.",
    )
    knowledge_pre_score = fields.Float(
        string="Mean Score Before (%)", compute="_compute_knowledge", digits=(5, 1)
    )
    knowledge_post_score = fields.Float(
        string="Mean Score After (%)", compute="_compute_knowledge", digits=(5, 1)
    )
    knowledge_gain = fields.Float(
        string="Knowledge Gain (points)", compute="_compute_knowledge", digits=(5, 1)
    )
    knowledge_improved_rate = fields.Float(
        string="Improved (%)",
        compute="_compute_knowledge",
        digits=(5, 1),
        help="Share of the paired participants whose score went up.",
    )
    knowledge_summary = fields.Char(
        string="How It Was Measured", compute="_compute_knowledge"
    )
    recommendations = fields.Html()

    _dates_check = models.Constraint(
        "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "A programme cannot end before it starts.",
    )
    _budget_positive = models.Constraint(
        "CHECK(budget >= 0 AND budget_spent >= 0 AND session_planned >= 0)",
        "Budgets and planned sessions cannot be negative.",
    )

    @api.depends("health_day_id", "date_end")
    def _compute_health_day_year(self):
        for program in self:
            program.health_day_year = (
                program.health_day_id and program.date_end and program.date_end.year
            ) or False

    @api.depends("session_ids.state", "session_ids.materials_handed")
    def _compute_sessions(self):
        counts = defaultdict(lambda: defaultdict(int))
        materials = defaultdict(int)
        for program, state, count, handed in self.env[
            "comms.awareness.session"
        ]._read_group(
            [("program_id", "in", self.ids)],
            ["program_id", "state"],
            ["__count", "materials_handed:sum"],
        ):
            counts[program.id][state] = count
            materials[program.id] += handed
        for program in self:
            by_state = counts[program._origin.id]
            program.session_count = sum(by_state.values())
            program.session_held_count = by_state["done"]
            program.materials_distributed = materials[program._origin.id]

    @api.depends("session_ids.attendance_line_ids.count")
    def _compute_reach(self):
        reach = self._get_reach()
        for program in self:
            values = reach[program._origin.id]
            program.reach_total = values["total"]
            program.reach_female = values["female"]
            program.reach_male = values["male"]
            program.commune_count = len(values["communes"])

    @api.depends_context("lang")
    def _compute_knowledge(self):
        results = self._get_knowledge_results()
        for program in self:
            result = results[program._origin.id]
            program.knowledge_method = result["method"]
            program.knowledge_pre_count = result["pre_count"]
            program.knowledge_post_count = result["post_count"]
            program.knowledge_paired_count = result["paired_count"]
            program.knowledge_pre_score = result["pre_score"]
            program.knowledge_post_score = result["post_score"]
            program.knowledge_gain = result["gain"]
            program.knowledge_improved_rate = result["improved_rate"]
            program.knowledge_summary = program._knowledge_summary(result)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def write(self, vals):
        if vals.get("state") in ("running", "done", "evaluated"):
            self._check_can_start()
        res = super().write(vals)
        if {"name", "state", "active"} & set(vals):
            self.session_ids._comms_mirror_sync()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(p.state in ("running", "done", "evaluated") for p in self):
            raise UserError(
                self.env._("A programme that started cannot be deleted: archive it.")
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        self._check_office_action()
        self.write({"state": "running"})

    def action_done(self):
        self._check_office_action()
        self.write({"state": "done"})

    def action_evaluate(self):
        self.env["res.users"]._comms_check_role(
            "manager", self.env._("mark a programme evaluated")
        )
        not_done = self.filtered(lambda p: p.state != "done")
        if not_done:
            raise UserError(
                self.env._(
                    "Only a programme that is done can be evaluated: %(names)s.",
                    names=", ".join(not_done.mapped("name")),
                )
            )
        self.write({"state": "evaluated"})

    def action_cancel(self):
        self._check_office_action()
        self.write({"state": "cancel"})

    def action_draft(self):
        self._check_office_action()
        self.write({"state": "draft"})

    def action_view_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_awareness_session_action"
        )
        action["domain"] = [("program_id", "=", self.id)]
        action["context"] = {"default_program_id": self.id}
        return action

    def action_enter_test(self):
        """Type in a test answered on paper."""
        self.ensure_one()
        self._check_office_action()
        return {
            "type": "ir.actions.act_window",
            "res_model": "comms.awareness.test.entry",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_program_id": self.id},
        }

    def action_view_test_answers(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Test Answers"),
            "res_model": "survey.user_input",
            "views": [(False, "list"), (False, "form")],
            "domain": [("comms_program_id", "=", self.id)],
        }

    def action_export_results(self):
        return self.env.ref(
            "comms_office.action_report_comms_awareness_program_xlsx"
        ).report_action(self)

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
            self.env._("start, finish, cancel or reset a programme, or type its tests"),
        )

    def _check_can_start(self):
        not_approved = self.filtered(
            lambda p: (
                p.state not in ("approved", "running", "done", "evaluated")
                and not p._comms_may_go_out()
            )
        )
        if not_approved:
            raise UserError(
                self.env._(
                    "A programme cannot start before it is approved: %(names)s.",
                    names=", ".join(not_approved.mapped("name")),
                )
            )

    def _get_reach(self):
        """People reached per programme, in one grouped query: ``{program_id:
        {"total", "female", "male", "communes": {commune_id: people}}}``."""
        reach = defaultdict(
            lambda: {"total": 0, "female": 0, "male": 0, "communes": {}}
        )
        # the figures leave the sessions: whoever reads the programme reads them
        for program, commune, sex, count in (
            self.env["comms.awareness.attendance"]
            .sudo()
            ._read_group(
                [("program_id", "in", self.ids), ("session_id.state", "=", "done")],
                ["program_id", "commune_id", "sex"],
                ["count:sum"],
            )
        ):
            values = reach[program.id]
            values["total"] += count
            values[sex] += count
            communes = values["communes"]
            communes[commune.id] = communes.get(commune.id, 0) + count
        return reach

    def _get_reach_by_commune(self):
        """Rows of the reach by commune, sex and age band (one programme)."""
        self.ensure_one()
        Attendance = self.env["comms.awareness.attendance"].sudo()
        rows = defaultdict(lambda: defaultdict(int))
        for commune, sex, band, count in Attendance._read_group(
            [("program_id", "=", self.id), ("session_id.state", "=", "done")],
            ["commune_id", "sex", "age_band"],
            ["count:sum"],
        ):
            rows[commune][sex] += count
            rows[commune][band] += count
            rows[commune]["total"] += count
        return sorted(rows.items(), key=lambda item: -item[1]["total"])

    def _get_knowledge_results(self):
        """Knowledge before and after, per programme, in one query.

        A participant is the same person in both tests when the answers share
        a contact, else an email, else the participant code typed in from the
        paper sheet; several answers of one person in one test count as
        their mean. Where some participants answered both tests, the figures
        are those of these pairs (paired): their mean scores, the mean of
        their gains and the share who improved. Otherwise they compare the
        mean of all pre-tests with the mean of all post-tests (unpaired), and
        nobody can be said to have improved.
        """
        results = defaultdict(
            lambda: {
                "method": "none",
                "pre_count": 0,
                "post_count": 0,
                "paired_count": 0,
                "pre_score": 0.0,
                "post_score": 0.0,
                "gain": 0.0,
                "improved_rate": 0.0,
            }
        )
        program_ids = [program_id for program_id in self._origin.ids if program_id]
        if not program_ids:
            return results
        UserInput = self.env["survey.user_input"]
        UserInput.flush_model(
            [
                "comms_program_id",
                "comms_test_phase",
                "partner_id",
                "email",
                "nickname",
                "state",
                "scoring_percentage",
            ]
        )
        self.env.cr.execute(
            SQL(
                """
                WITH scores AS (
                    SELECT ui.comms_program_id AS program_id,
                           ui.comms_test_phase AS phase,
                           COALESCE('p' || ui.partner_id,
                                    'e' || NULLIF(lower(trim(ui.email)), ''),
                                    'n' || NULLIF(lower(trim(ui.nickname)), ''),
                                    'i' || ui.id) AS who,
                           AVG(ui.scoring_percentage) AS score
                      FROM survey_user_input ui
                     WHERE ui.comms_program_id = ANY(%(ids)s)
                       AND ui.comms_test_phase IS NOT NULL
                       AND ui.state = 'done'
                  GROUP BY 1, 2, 3
                ), pairs AS (
                    SELECT pre.program_id, pre.score AS pre, post.score AS post
                      FROM scores pre
                      JOIN scores post
                        ON post.program_id = pre.program_id
                       AND post.who = pre.who
                       AND post.phase = 'post'
                     WHERE pre.phase = 'pre'
                ), everyone AS (
                    SELECT program_id,
                           COUNT(*) FILTER (WHERE phase = 'pre') AS pre_count,
                           AVG(score) FILTER (WHERE phase = 'pre') AS pre_score,
                           COUNT(*) FILTER (WHERE phase = 'post') AS post_count,
                           AVG(score) FILTER (WHERE phase = 'post') AS post_score
                      FROM scores
                  GROUP BY program_id
                ), paired AS (
                    SELECT program_id,
                           COUNT(*) AS paired_count,
                           AVG(pre) AS pre_score,
                           AVG(post) AS post_score,
                           AVG(post - pre) AS gain,
                           COUNT(*) FILTER (WHERE post > pre) AS improved
                      FROM pairs
                  GROUP BY program_id
                )
                SELECT e.program_id, e.pre_count, e.pre_score, e.post_count,
                       e.post_score, COALESCE(p.paired_count, 0), p.pre_score,
                       p.post_score, p.gain, COALESCE(p.improved, 0)
                  FROM everyone e
             LEFT JOIN paired p ON p.program_id = e.program_id
                """,
                ids=program_ids,
            )
        )
        for row in self.env.cr.fetchall():
            (program_id, pre_count, pre_score, post_count, post_score) = row[:5]
            paired_count, paired_pre, paired_post, gain, improved = row[5:]
            result = results[program_id]
            result.update(pre_count=pre_count, post_count=post_count)
            if paired_count:
                result.update(
                    method="paired",
                    paired_count=paired_count,
                    pre_score=paired_pre,
                    post_score=paired_post,
                    gain=gain,
                    improved_rate=100.0 * improved / paired_count,
                )
            elif pre_count and post_count:
                result.update(
                    method="unpaired",
                    pre_score=pre_score,
                    post_score=post_score,
                    gain=post_score - pre_score,
                )
            else:
                result.update(pre_score=pre_score or 0.0, post_score=post_score or 0.0)
        return results

    def _knowledge_summary(self, result):
        """The method, said with the figure."""
        if result["method"] == "paired":
            return self.env._(
                "Paired: %(paired)s participants answered both tests "
                "(%(pre)s pre-tests, %(post)s post-tests in all).",
                paired=result["paired_count"],
                pre=result["pre_count"],
                post=result["post_count"],
            )
        if result["method"] == "unpaired":
            return self.env._(
                "Unpaired: nobody can be matched across the tests; mean of "
                "%(pre)s pre-tests against mean of %(post)s post-tests.",
                pre=result["pre_count"],
                post=result["post_count"],
            )
        return self.env._(
            "Not measured yet: %(pre)s pre-tests and %(post)s post-tests.",
            pre=result["pre_count"],
            post=result["post_count"],
        )

    def _comms_indicator_values(self):
        """Values the module knows for the indicators, per programme (see
        ``comms.campaign._comms_indicator_values``)."""
        media = self.env["comms.indicator"]._get_media_values(self, "program_id")
        knowledge = self._get_knowledge_results()
        return {
            program.id: {
                **media[program.id],
                "session_held": program.session_held_count,
                "session_held_rate": (
                    100.0 * program.session_held_count / program.session_planned
                    if program.session_planned
                    else 0.0
                ),
                "people_reached": program.reach_total,
                "people_reached_female": program.reach_female,
                "commune_reached": program.commune_count,
                # points and percentages to the tenth, as the form shows them
                "knowledge_gain": round(knowledge[program.id]["gain"], 1),
                "knowledge_improved_rate": round(
                    knowledge[program.id]["improved_rate"], 1
                ),
                "materials_distributed": program.materials_distributed,
            }
            for program in self
        }

    def _get_knowledge_chart(self):
        """The bars of the before/after chart of the report, drawn as SVG by
        the server (wkhtmltopdf runs no script): mean scores on a 0-100 axis
        150 points high, with their labels in the reader's language."""
        self.ensure_one()
        Lang = self.env["res.lang"]
        lang = Lang._get_data(code=self.env.lang or "en_US")
        measured = self.knowledge_method != "none"

        bars = []
        for x, label, value, color in (
            (70, self.env._("Before"), self.knowledge_pre_score, "#9DB4C0"),
            (180, self.env._("After"), self.knowledge_post_score, "#2E7D32"),
        ):
            height = round(1.5 * max(min(value, 100.0), 0.0), 1) if measured else 0
            bars.append(
                {
                    # right to left, "before" stands on the right
                    "x": 260 - x if lang.direction == "rtl" else x,
                    "y": 170 - height,
                    "height": height,
                    "color": color,
                    "label": label,
                    "value_label": Lang._comms_format_percentage(
                        value if measured else None, digits=1
                    ),
                }
            )
        gain = self.knowledge_gain
        return {
            "bars": bars,
            "pre_label": bars[0]["value_label"],
            "post_label": bars[1]["value_label"],
            "gain_label": (
                self.env._(
                    "%(sign)s%(points)s points",
                    sign="+" if gain > 0 else "",
                    points=f"{gain:.1f}".replace(".", lang.decimal_point or "."),
                )
                if measured
                else "–"
            ),
            "improved_label": Lang._comms_format_percentage(
                self.knowledge_improved_rate if measured else None, digits=0
            ),
        }

    def _get_report_lang(self):
        return self.env.context.get("lang") or self.env.user.lang or "en_US"
