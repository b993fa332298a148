# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class CommsEditorialCalendar(models.Model):
    """Everything the office has planned, on one calendar.

    A SQL view that unites one query per kind of entry. Modules that bring
    new kinds (events, publications, programme sessions, health days) add a
    value to ``kind`` and a query to ``_editorial_queries``; each kind keeps
    its own slot in the ids (``source id * _id_slots + slot``).
    """

    _name = "comms.editorial.calendar"
    _description = "Editorial Calendar"
    _auto = False
    _order = "date_start, id"
    _id_slots = 16

    name = fields.Char(readonly=True)
    kind = fields.Selection(
        [
            ("campaign", "Campaign"),
            ("milestone", "Milestone"),
            ("event", "Event"),
            ("publication", "Publication"),
            ("session", "Awareness Session"),
            ("health_day", "Health Day"),
        ],
        readonly=True,
    )
    date_start = fields.Date(string="Start", readonly=True)
    date_stop = fields.Date(string="End", readonly=True)
    campaign_id = fields.Many2one("comms.campaign", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(model_field="res_model", readonly=True)
    channel_ids = fields.Many2many(related="campaign_id.channel_ids", string="Channels")
    audience_ids = fields.Many2many(
        related="campaign_id.audience_ids", string="Audiences"
    )

    @api.depends_context("lang")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        # a publication shows where it went out, in the reader's language; the
        # name of the entry is shown to whoever reads the calendar
        entries = self.filtered(lambda e: e.res_model == "comms.publication")
        publications = (
            self.env["comms.publication"].sudo().browse(entries.mapped("res_id"))
        )
        names = {p.id: p.display_name for p in publications.exists()}
        for entry in entries:
            entry.display_name = names.get(entry.res_id, entry.name)
        # a health day is named in the reader's language (the view reads the
        # source text)
        entries = self.filtered(lambda e: e.res_model == "comms.health.day")
        days = self.env["comms.health.day"].sudo().browse(entries.mapped("res_id"))
        names = {day.id: day.name for day in days.exists()}
        for entry in entries:
            entry.display_name = names.get(entry.res_id, entry.name)
        return res

    def _editorial_queries(self):
        """One SELECT per kind, all with the columns of the view."""
        slots = self._id_slots
        return [
            SQL(
                """
                SELECT c.id * %(slots)s AS id,
                       'campaign' AS kind,
                       c.name AS name,
                       c.date_start AS date_start,
                       COALESCE(c.date_end, c.date_start) AS date_stop,
                       c.id AS campaign_id,
                       c.user_id AS user_id,
                       c.company_id AS company_id,
                       'comms.campaign' AS res_model,
                       c.id AS res_id
                  FROM comms_campaign c
                 WHERE c.date_start IS NOT NULL
                   AND c.active
                   AND c.state != 'cancel'
                """,
                slots=slots,
            ),
            SQL(
                """
                SELECT m.id * %(slots)s + 1 AS id,
                       'milestone' AS kind,
                       m.name AS name,
                       COALESCE(m.date_start, m.date_deadline) AS date_start,
                       m.date_deadline AS date_stop,
                       m.campaign_id AS campaign_id,
                       m.user_id AS user_id,
                       c.company_id AS company_id,
                       'comms.campaign.milestone' AS res_model,
                       m.id AS res_id
                  FROM comms_campaign_milestone m
                  JOIN comms_campaign c ON c.id = m.campaign_id
                 WHERE m.state != 'cancel'
                   AND c.active
                   AND c.state != 'cancel'
                """,
                slots=slots,
            ),
            # office events, named in their own language, on their days in
            # their time zone; channels and audiences are those of the
            # campaign the event serves
            SQL(
                """
                SELECT e.id * %(slots)s + 2 AS id,
                       'event' AS kind,
                       COALESCE(e.name->>e.lang, e.name->>'en_US') AS name,
                       (e.date_begin AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(e.date_tz, 'UTC'))::date
                           AS date_start,
                       (e.date_end AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(e.date_tz, 'UTC'))::date
                           AS date_stop,
                       e.campaign_id AS campaign_id,
                       e.user_id AS user_id,
                       COALESCE(e.company_id, c.company_id) AS company_id,
                       'event.event' AS res_model,
                       e.id AS res_id
                  FROM event_event e
             LEFT JOIN comms_campaign c ON c.id = e.campaign_id
                 WHERE e.is_comms_event
                   AND e.active
                   AND e.kanban_state != 'cancel'
                """,
                slots=slots,
            ),
            SQL(
                """
                SELECT p.id * %(slots)s + 5 AS id,
                       'publication' AS kind,
                       p.name AS name,
                       p.date AS date_start,
                       p.date AS date_stop,
                       p.campaign_id AS campaign_id,
                       p.user_id AS user_id,
                       p.company_id AS company_id,
                       'comms.publication' AS res_model,
                       p.id AS res_id
                  FROM comms_publication p
                """,
                slots=slots,
            ),
            # sessions of awareness programmes, on their days in the time zone
            # of the programme's responsible (the office's)
            SQL(
                """
                SELECT s.id * %(slots)s + 10 AS id,
                       'session' AS kind,
                       pr.name || ': ' || s.name AS name,
                       (s.date_begin AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(rp.tz, 'UTC'))::date AS date_start,
                       (s.date_end AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(rp.tz, 'UTC'))::date AS date_stop,
                       NULL::integer AS campaign_id,
                       pr.user_id AS user_id,
                       pr.company_id AS company_id,
                       'comms.awareness.session' AS res_model,
                       s.id AS res_id
                  FROM comms_awareness_session s
                  JOIN comms_awareness_program pr ON pr.id = s.program_id
             LEFT JOIN res_users ru ON ru.id = pr.user_id
             LEFT JOIN res_partner rp ON rp.id = ru.partner_id
                 WHERE s.active
                   AND s.state != 'cancel'
                   AND pr.active
                   AND pr.state != 'cancel'
                """,
                slots=slots,
            ),
            # the health days the office follows, every year from last year to
            # the year after next, by their rule (see comms.health.day._get_dates);
            # each year of a day keeps its own id
            SQL(
                """
                SELECT ((h.id * 100 + y.year - 2000) * %(slots)s + 11) AS id,
                       'health_day' AS kind,
                       COALESCE(h.name->>'en_US', '') AS name,
                       CASE h.date_rule
                           WHEN 'fixed' THEN make_date(
                               y.year, h.month_int,
                               LEAST(h.day, EXTRACT(DAY FROM y.month_end)::int))
                           WHEN 'last_week' THEN (y.month_end - 6)
                           ELSE make_date(y.year, h.month_int, 1)
                       END AS date_start,
                       CASE h.date_rule
                           WHEN 'fixed' THEN make_date(
                               y.year, h.month_int,
                               LEAST(h.day, EXTRACT(DAY FROM y.month_end)::int))
                               + GREATEST(h.duration_days, 1) - 1
                           ELSE y.month_end
                       END AS date_stop,
                       NULL::integer AS campaign_id,
                       h.user_id AS user_id,
                       NULL::integer AS company_id,
                       'comms.health.day' AS res_model,
                       h.id AS res_id
                  FROM comms_health_day h
            CROSS JOIN LATERAL (
                    SELECT g.year,
                           (make_date(g.year, h.month_int, 1)
                               + INTERVAL '1 month' - INTERVAL '1 day')::date
                               AS month_end
                      FROM generate_series(
                               EXTRACT(YEAR FROM CURRENT_DATE)::int - 1,
                               EXTRACT(YEAR FROM CURRENT_DATE)::int + 2
                           ) AS g(year)
                   ) y
                 WHERE h.is_followed
                   AND h.active
                """,
                slots=slots,
            ),
        ]

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(" UNION ALL ").join(self._editorial_queries()),
            )
        )

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
            "target": "current",
        }
