# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL, ormcache

# the public never sees a count under this: a small cell could name a person
PUBLIC_MIN_COUNT = 5
# quarters shown on the public transparency page, the current one included
PUBLIC_QUARTERS = 8

from ..models.comms_complaint import (
    COMPLAINT_CHANNELS,
    COMPLAINT_KINDS,
    COMPLAINT_OUTCOMES,
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATES,
)


class CommsComplaintReport(models.Model):
    """Complaints as the director and the public figures read them: one line
    per entry of the register with its counts, so that every figure is a
    grouped read (received, open, overdue, acknowledged and answered on time,
    working days to answer, satisfaction). Nothing names the person.

    Days are the institution's: a moment is read in its calendar's time zone,
    and the working days to answer are those stored on the complaint when
    the answer went out, counted on the company's working calendar.
    """

    _name = "comms.complaint.report"
    _description = "Complaint Analysis"
    _auto = False
    _order = "date_received desc"
    _rec_name = "complaint_id"
    # what the view reads: pending changes of these fields are flushed first
    _depends = {
        "comms.complaint": [
            "company_id",
            "date_received",
            "date_acknowledged",
            "date_answered",
            "date_ack_deadline",
            "date_answer_deadline",
            "kind",
            "channel",
            "state",
            "category_id",
            "department_id",
            "outcome",
            "severity",
            "satisfaction",
            "answered_on_time",
            "working_days_to_answer",
            "corrective_action_public",
        ],
        "res.company": ["comms_calendar_id"],
        "resource.calendar": ["tz"],
    }

    complaint_id = fields.Many2one("comms.complaint", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    date_answered = fields.Datetime(string="Answered On", readonly=True)
    kind = fields.Selection(COMPLAINT_KINDS, string="Type", readonly=True)
    channel = fields.Selection(COMPLAINT_CHANNELS, readonly=True)
    state = fields.Selection(COMPLAINT_STATES, string="Status", readonly=True)
    category_id = fields.Many2one("comms.complaint.category", readonly=True)
    department_id = fields.Many2one(
        "comms.department", string="Department Concerned", readonly=True
    )
    outcome = fields.Selection(COMPLAINT_OUTCOMES, readonly=True)
    severity = fields.Selection(COMPLAINT_SEVERITIES, readonly=True)
    is_open = fields.Boolean(string="Still Open", readonly=True)
    is_overdue = fields.Boolean(string="Past Deadline", readonly=True)
    corrective_action_public = fields.Boolean(
        string="Public Corrective Action", readonly=True
    )
    received_count = fields.Integer(string="Received", readonly=True)
    open_count = fields.Integer(string="Open", readonly=True)
    overdue_count = fields.Integer(string="Overdue", readonly=True)
    acknowledged_count = fields.Integer(string="Acknowledged", readonly=True)
    ack_on_time_count = fields.Integer(string="Acknowledged on Time", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    on_time_count = fields.Integer(string="Answered on Time", readonly=True)
    on_time_rate = fields.Float(
        string="Answered on Time (%)",
        aggregator="avg",
        readonly=True,
        help="100 for an answer sent by its deadline, 0 for a late one; "
        "complaints not answered yet do not count.",
    )
    working_days_to_answer = fields.Float(
        string="Working Days to Answer",
        aggregator="avg",
        readonly=True,
        help="Working days from receipt to answer on the institution's "
        "calendar, weekends and holidays left out.",
    )
    satisfaction_score = fields.Float(
        string="Satisfaction (1-5)",
        aggregator="avg",
        readonly=True,
        help="The complainants' rating on the status page, from 1 (very "
        "dissatisfied) to 5 (very satisfied); unrated complaints do not count.",
    )
    rated_count = fields.Integer(string="Rated", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT c.id AS id,
                           c.id AS complaint_id,
                           c.company_id,
                           c.date_received,
                           c.date_answered,
                           c.kind,
                           c.channel,
                           c.state,
                           c.category_id,
                           c.department_id,
                           c.outcome,
                           c.severity,
                           c.state IN ('new', 'acknowledged', 'investigation')
                               AS is_open,
                           (c.state IN ('new', 'acknowledged', 'investigation')
                            AND ((c.state = 'new'
                                  AND c.date_ack_deadline < CURRENT_DATE)
                                 OR c.date_answer_deadline < CURRENT_DATE))
                               AS is_overdue,
                           COALESCE(c.corrective_action_public, FALSE)
                               AS corrective_action_public,
                           1 AS received_count,
                           (c.state IN ('new', 'acknowledged', 'investigation'))::int
                               AS open_count,
                           (c.state IN ('new', 'acknowledged', 'investigation')
                            AND ((c.state = 'new'
                                  AND c.date_ack_deadline < CURRENT_DATE)
                                 OR c.date_answer_deadline < CURRENT_DATE))::int
                               AS overdue_count,
                           (c.date_acknowledged IS NOT NULL)::int
                               AS acknowledged_count,
                           (c.date_acknowledged IS NOT NULL
                            AND (c.date_acknowledged AT TIME ZONE 'UTC'
                                 AT TIME ZONE COALESCE(rc.tz, 'Africa/Algiers'))::date
                                <= c.date_ack_deadline)::int AS ack_on_time_count,
                           (c.date_answered IS NOT NULL)::int AS answered_count,
                           COALESCE(c.answered_on_time, FALSE)::int AS on_time_count,
                           CASE WHEN c.date_answered IS NOT NULL
                                THEN CASE WHEN c.answered_on_time
                                          THEN 100.0 ELSE 0.0 END
                           END AS on_time_rate,
                           CASE WHEN c.date_answered IS NOT NULL
                                THEN c.working_days_to_answer
                           END AS working_days_to_answer,
                           c.satisfaction::float AS satisfaction_score,
                           (c.satisfaction IS NOT NULL)::int AS rated_count
                      FROM comms_complaint c
                      LEFT JOIN res_company co ON co.id = c.company_id
                      LEFT JOIN resource_calendar rc ON rc.id = co.comms_calendar_id
                )
                """,
                SQL.identifier(self._table),
            )
        )

    # ------------------------------------------------------------
    # PUBLIC FIGURES
    # ------------------------------------------------------------

    @api.model
    def _comms_public_figures(self, company_id, lang, today):
        """The complaints register as the public may see it, for the public
        transparency page: per quarter and per category, received, answered,
        answered on time and the median working days to answer; and the
        corrective actions the head of office made public, in the words of
        their public summary. Counts under ``PUBLIC_MIN_COUNT`` are ``None``
        (shown as "fewer than 5"), and so is every figure computed on them.

        Cached per company, language and day: the page is public and the
        figures change with the register, not with each visit.
        """
        return self._comms_public_figures_cached(company_id, lang, str(today))

    @ormcache("company_id", "lang", "day")
    def _comms_public_figures_cached(self, company_id, lang, day):
        # sudo: the public reads aggregates of the register, never a line
        Report = self.sudo().with_context(lang=lang)
        company = Report.env["res.company"].browse(company_id)
        tz = company.comms_calendar_id.tz or "Africa/Algiers"
        Report.flush_model()
        Report.env.cr.execute(
            SQL(
                """
                WITH register AS (
                    SELECT r.*,
                           date_trunc('quarter',
                               r.date_received AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s
                           )::date AS quarter
                      FROM %(view)s r
                     WHERE r.company_id = %(company)s
                       AND r.kind = 'complaint'
                       AND r.state != 'cancel'
                )
                SELECT quarter,
                       SUM(received_count),
                       SUM(answered_count),
                       SUM(on_time_count),
                       percentile_cont(0.5) WITHIN GROUP
                           (ORDER BY working_days_to_answer)
                  FROM register
                 WHERE quarter >= date_trunc('quarter', %(day)s::date)
                                  - %(span)s * INTERVAL '3 months'
                 GROUP BY quarter
                 ORDER BY quarter DESC
                """,
                tz=tz,
                view=SQL.identifier(self._table),
                company=company_id,
                day=day,
                span=PUBLIC_QUARTERS - 1,
            )
        )
        quarters = [
            dict(
                self._comms_public_cells(received, answered, on_time, median),
                name=Report.env._(
                    "Q%(quarter)s %(year)s",
                    quarter=(quarter.month - 1) // 3 + 1,
                    year=quarter.year,
                ),
            )
            for quarter, received, answered, on_time, median in (
                Report.env.cr.fetchall()
            )
        ]
        Report.env.cr.execute(
            SQL(
                """
                SELECT r.category_id,
                       SUM(r.received_count),
                       SUM(r.answered_count),
                       SUM(r.on_time_count),
                       percentile_cont(0.5) WITHIN GROUP
                           (ORDER BY r.working_days_to_answer)
                  FROM %(view)s r
                 WHERE r.company_id = %(company)s
                   AND r.kind = 'complaint'
                   AND r.state != 'cancel'
                   AND r.date_received >= %(day)s::date - INTERVAL '12 months'
                 GROUP BY r.category_id
                 ORDER BY SUM(r.received_count) DESC
                """,
                view=SQL.identifier(self._table),
                company=company_id,
                day=day,
            )
        )
        rows = Report.env.cr.fetchall()
        names = {
            category.id: category.name
            for category in Report.env["comms.complaint.category"].browse(
                [row[0] for row in rows if row[0]]
            )
        }
        categories = [
            dict(
                self._comms_public_cells(received, answered, on_time, median),
                name=names.get(category_id) or Report.env._("Other"),
            )
            for category_id, received, answered, on_time, median in rows
        ]
        # "you said, we did": the public summary and its category, nothing else
        actions = Report.env["comms.complaint"].search_read(
            [
                ("company_id", "=", company_id),
                ("corrective_action_public", "=", True),
                ("public_action_summary", "!=", False),
            ],
            ["category_id", "public_action_summary", "date_answered"],
            order="date_answered desc, id desc",
            limit=30,
        )
        return {
            "quarters": quarters,
            "categories": categories,
            "actions": [
                {
                    "category": action["category_id"] and action["category_id"][1],
                    "summary": action["public_action_summary"],
                    "year": action["date_answered"] and action["date_answered"].year,
                }
                for action in actions
            ],
        }

    @api.model
    def _comms_public_cells(self, received, answered, on_time, median):
        """One line of public figures, with the small cells suppressed."""

        def shown(count):
            return count if count and count >= PUBLIC_MIN_COUNT else None

        answered_shown = shown(answered)
        return {
            "received": shown(received),
            "answered": answered_shown,
            "on_time": shown(on_time) if answered_shown else None,
            "on_time_rate": (
                round(100.0 * on_time / answered, 1) if answered_shown else None
            ),
            "median_days": (
                round(median, 1) if answered_shown and median is not None else None
            ),
        }
