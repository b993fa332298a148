# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.comms_coverage import COVERAGE_TONES

MEDIA_REPORT_KINDS = [
    ("inquiry", "Inquiry"),
    ("dispatch", "Press Dispatch"),
    ("coverage", "Coverage"),
]


class CommsMediaReport(models.Model):
    """The office's work with the media in one analysis: journalists'
    inquiries and how fast they were answered, press releases sent and
    opened, and the coverage that came of them, by outlet, tone and month.

    One query per kind; each kind has its slot in the ids
    (``source id * 4 + slot``).
    """

    _name = "comms.media.report"
    _description = "Media Analysis"
    _auto = False
    _order = "date desc"
    # what the view reads: pending changes of these fields are flushed first
    _depends = {
        "comms.inquiry": [
            "date_received",
            "date_deadline",
            "date_answered",
            "stage",
            "outlet_id",
            "campaign_id",
            "company_id",
        ],
        "comms.material.dispatch": ["material_id", "partner_id", "date_sent", "state"],
        "comms.material": ["campaign_id", "material_type", "company_id"],
        "comms.coverage": [
            "date",
            "outlet_id",
            "tone",
            "reach",
            "material_id",
            "campaign_id",
            "company_id",
        ],
        "res.partner": ["parent_id"],
        "res.company": ["comms_calendar_id"],
        "resource.calendar": ["tz"],
    }

    kind = fields.Selection(MEDIA_REPORT_KINDS, readonly=True)
    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    outlet_id = fields.Many2one("res.partner", readonly=True)
    campaign_id = fields.Many2one("comms.campaign", readonly=True)
    material_id = fields.Many2one("comms.material", readonly=True)
    inquiry_id = fields.Many2one("comms.inquiry", readonly=True)
    coverage_id = fields.Many2one("comms.coverage", readonly=True)
    tone = fields.Selection(COVERAGE_TONES, readonly=True)
    inquiry_count = fields.Integer(string="Inquiries", readonly=True)
    inquiry_on_time_rate = fields.Float(
        string="Inquiries Answered on Time (%)",
        aggregator="avg",
        readonly=True,
        help="100 for an answer sent by the deadline, 0 for a late answer or "
        "an unanswered inquiry past its deadline.",
    )
    sent_count = fields.Integer(string="Press Releases Sent", readonly=True)
    opened_count = fields.Integer(string="Opened", readonly=True)
    open_rate = fields.Float(
        string="Open Rate (%)",
        aggregator="avg",
        readonly=True,
        help="Opened among the press dispatches delivered.",
    )
    coverage_count = fields.Integer(string="Clippings", readonly=True)
    reach = fields.Integer(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                    SELECT i.id * 4 AS id,
                           'inquiry' AS kind,
                           (i.date_received AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(rc.tz, 'Africa/Algiers'))::date
                               AS date,
                           i.company_id,
                           i.outlet_id,
                           i.campaign_id,
                           NULL::int AS material_id,
                           i.id AS inquiry_id,
                           NULL::int AS coverage_id,
                           NULL::varchar AS tone,
                           1 AS inquiry_count,
                           CASE
                               WHEN i.date_answered IS NOT NULL
                                   THEN CASE WHEN i.date_answered <= i.date_deadline
                                             THEN 100.0 ELSE 0.0 END
                               WHEN i.stage != 'cancel'
                                    AND i.date_deadline < NOW() AT TIME ZONE 'UTC'
                                   THEN 0.0
                           END AS inquiry_on_time_rate,
                           0 AS sent_count,
                           0 AS opened_count,
                           NULL::float AS open_rate,
                           0 AS coverage_count,
                           0 AS reach
                      FROM comms_inquiry i
                      LEFT JOIN res_company co ON co.id = i.company_id
                      LEFT JOIN resource_calendar rc ON rc.id = co.comms_calendar_id
                    UNION ALL
                    SELECT d.id * 4 + 1 AS id,
                           'dispatch' AS kind,
                           (d.date_sent AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(rc.tz, 'Africa/Algiers'))::date
                               AS date,
                           m.company_id,
                           p.parent_id AS outlet_id,
                           m.campaign_id,
                           d.material_id,
                           NULL::int AS inquiry_id,
                           NULL::int AS coverage_id,
                           NULL::varchar AS tone,
                           0 AS inquiry_count,
                           NULL::float AS inquiry_on_time_rate,
                           (d.state NOT IN ('queued', 'cancel'))::int AS sent_count,
                           (d.state IN ('opened', 'replied'))::int AS opened_count,
                           CASE WHEN d.state IN ('delivered', 'opened', 'replied')
                                THEN CASE WHEN d.state IN ('opened', 'replied')
                                          THEN 100.0 ELSE 0.0 END
                           END AS open_rate,
                           0 AS coverage_count,
                           0 AS reach
                      FROM comms_material_dispatch d
                      JOIN comms_material m ON m.id = d.material_id
                      LEFT JOIN res_partner p ON p.id = d.partner_id
                      LEFT JOIN res_company co ON co.id = m.company_id
                      LEFT JOIN resource_calendar rc ON rc.id = co.comms_calendar_id
                    UNION ALL
                    SELECT v.id * 4 + 2 AS id,
                           'coverage' AS kind,
                           v.date,
                           v.company_id,
                           v.outlet_id,
                           v.campaign_id,
                           v.material_id,
                           NULL::int AS inquiry_id,
                           v.id AS coverage_id,
                           v.tone,
                           0 AS inquiry_count,
                           NULL::float AS inquiry_on_time_rate,
                           0 AS sent_count,
                           0 AS opened_count,
                           NULL::float AS open_rate,
                           1 AS coverage_count,
                           COALESCE(v.reach, 0) AS reach
                      FROM comms_coverage v
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
