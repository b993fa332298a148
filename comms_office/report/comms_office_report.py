# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

OFFICE_REPORT_KINDS = [
    ("campaign", "Campaign"),
    ("event", "Event"),
    ("guest", "Guest"),
    ("recommendation", "Recommendation"),
]


class CommsOfficeReport(models.Model):
    """The office's programme of work in one analysis: campaigns running,
    events and their attendance, recommendations open and overdue.

    One query per kind; each kind has its slot in the ids
    (``source id * 4 + slot``).
    """

    _name = "comms.office.report"
    _description = "Office Activity Analysis"
    _auto = False
    _order = "date desc"
    # what the view reads: pending changes of these fields are flushed first
    _depends = {
        "comms.campaign": ["name", "state", "date_start", "company_id"],
        "event.event": ["is_comms_event", "date_begin", "campaign_id", "company_id"],
        "event.registration": ["event_id", "state", "rsvp_status"],
        "comms.recommendation": [
            "state",
            "date_due",
            "campaign_id",
            "event_id",
            "company_id",
        ],
    }

    kind = fields.Selection(OFFICE_REPORT_KINDS, readonly=True)
    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    campaign_id = fields.Many2one("comms.campaign", readonly=True)
    event_id = fields.Many2one("event.event", readonly=True)
    recommendation_id = fields.Many2one("comms.recommendation", readonly=True)
    campaign_count = fields.Integer(string="Campaigns", readonly=True)
    running_count = fields.Integer(string="Campaigns Running", readonly=True)
    event_count = fields.Integer(string="Events", readonly=True)
    guest_count = fields.Integer(
        string="Guests", readonly=True, help="Guests invited who did not decline."
    )
    attended_count = fields.Integer(string="Attended", readonly=True)
    attendance_rate = fields.Float(
        string="Attendance (%)",
        aggregator="avg",
        readonly=True,
        help="Attended among the guests who did not decline.",
    )
    recommendation_count = fields.Integer(string="Recommendations", readonly=True)
    recommendation_open_count = fields.Integer(
        string="Recommendations Open", readonly=True
    )
    recommendation_overdue_count = fields.Integer(
        string="Recommendations Overdue",
        readonly=True,
        help="Open past their due date.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT c.id * 4 AS id,
                           'campaign' AS kind,
                           c.date_start AS date,
                           c.company_id,
                           c.id AS campaign_id,
                           NULL::int AS event_id,
                           NULL::int AS recommendation_id,
                           1 AS campaign_count,
                           (c.state = 'running')::int AS running_count,
                           0 AS event_count,
                           0 AS guest_count,
                           0 AS attended_count,
                           NULL::float AS attendance_rate,
                           0 AS recommendation_count,
                           0 AS recommendation_open_count,
                           0 AS recommendation_overdue_count
                      FROM comms_campaign c
                    UNION ALL
                    SELECT e.id * 4 + 1 AS id,
                           'event' AS kind,
                           e.date_begin::date AS date,
                           e.company_id,
                           e.campaign_id,
                           e.id AS event_id,
                           NULL::int AS recommendation_id,
                           0, 0, 1, 0, 0, NULL::float, 0, 0, 0
                      FROM event_event e
                     WHERE e.is_comms_event
                    UNION ALL
                    SELECT r.id * 4 + 2 AS id,
                           'guest' AS kind,
                           e.date_begin::date AS date,
                           e.company_id,
                           e.campaign_id,
                           e.id AS event_id,
                           NULL::int AS recommendation_id,
                           0, 0, 0,
                           1 AS guest_count,
                           (r.state = 'done')::int AS attended_count,
                           CASE WHEN r.state = 'done' THEN 100.0 ELSE 0.0 END
                               AS attendance_rate,
                           0, 0, 0
                      FROM event_registration r
                      JOIN event_event e ON e.id = r.event_id
                     WHERE e.is_comms_event
                       AND r.state != 'cancel'
                       AND COALESCE(r.rsvp_status, '') != 'declined'
                    UNION ALL
                    SELECT rec.id * 4 + 3 AS id,
                           'recommendation' AS kind,
                           rec.date_due AS date,
                           rec.company_id,
                           rec.campaign_id,
                           rec.event_id,
                           rec.id AS recommendation_id,
                           0, 0, 0, 0, 0, NULL::float,
                           1 AS recommendation_count,
                           (rec.state IN ('open', 'in_progress'))::int
                               AS recommendation_open_count,
                           (rec.state IN ('open', 'in_progress')
                            AND rec.date_due < CURRENT_DATE)::int
                               AS recommendation_overdue_count
                      FROM comms_recommendation rec
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
