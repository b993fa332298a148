# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.comms_inquiry import INQUIRY_CHANNELS, INQUIRY_STAGES


class CommsInquiryReport(models.Model):
    """Media inquiries and how fast they were answered.

    The on-time rate averages 100 for an answer sent before the deadline and
    0 for a late one or for an unanswered inquiry past its deadline; open
    inquiries still in time do not count yet, declined ones never. The counts
    beside it say what it stands on: answered, answered on time, late
    (answered late or overdue), overdue (open past the deadline) and
    unassigned (open, nobody holds it).
    """

    _name = "comms.inquiry.report"
    _description = "Media Inquiry Analysis"
    _auto = False
    _order = "date_received desc"
    _rec_name = "inquiry_id"
    # what the view reads: pending changes of these fields are flushed first
    _depends = {
        "comms.inquiry": [
            "date_received",
            "date_deadline",
            "date_answered",
            "channel",
            "stage",
            "user_id",
            "spokesperson_id",
            "beat_id",
            "outlet_id",
            "campaign_id",
            "company_id",
            "is_sensitive",
            "crisis_id",
        ],
        "comms.crisis": ["is_drill"],
    }

    inquiry_id = fields.Many2one("comms.inquiry", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    date_deadline = fields.Datetime(string="Deadline", readonly=True)
    date_answered = fields.Datetime(string="Answered On", readonly=True)
    channel = fields.Selection(INQUIRY_CHANNELS, string="Received By", readonly=True)
    stage = fields.Selection(INQUIRY_STAGES, readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned To", readonly=True)
    spokesperson_id = fields.Many2one("comms.spokesperson", readonly=True)
    beat_id = fields.Many2one("comms.media.beat", string="Topic", readonly=True)
    outlet_id = fields.Many2one("res.partner", readonly=True)
    campaign_id = fields.Many2one("comms.campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    is_sensitive = fields.Boolean(string="Sensitive", readonly=True)
    inquiry_count = fields.Integer(string="Inquiries", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    on_time_count = fields.Integer(string="Answered on Time", readonly=True)
    late_count = fields.Integer(
        string="Late",
        readonly=True,
        help="Answered after the deadline, or still open past it.",
    )
    overdue_count = fields.Integer(
        string="Overdue",
        readonly=True,
        help="Still open past the deadline: counted as late in the on-time rate.",
    )
    unassigned_count = fields.Integer(
        string="Unassigned",
        readonly=True,
        help="Open inquiries nobody holds yet.",
    )
    on_time_rate = fields.Float(
        string="On-Time Rate (%)",
        aggregator="avg",
        readonly=True,
        help="Answered by the deadline, among the inquiries answered or overdue; "
        "open inquiries still in time and declined ones are not counted.",
    )
    response_hours = fields.Float(
        string="Hours to Answer", aggregator="avg", readonly=True
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT i.id AS id,
                           i.id AS inquiry_id,
                           i.date_received,
                           i.date_deadline,
                           i.date_answered,
                           i.channel,
                           i.stage,
                           i.user_id,
                           i.spokesperson_id,
                           i.beat_id,
                           i.outlet_id,
                           i.campaign_id,
                           i.company_id,
                           i.is_sensitive,
                           1 AS inquiry_count,
                           (i.date_answered IS NOT NULL)::int AS answered_count,
                           (i.date_answered IS NOT NULL
                            AND i.date_answered <= i.date_deadline)::int
                               AS on_time_count,
                           (COALESCE(i.date_answered, NOW() AT TIME ZONE 'UTC')
                               > i.date_deadline
                            AND i.stage != 'cancel')::int AS late_count,
                           (i.date_answered IS NULL
                            AND i.stage IN ('new', 'in_progress')
                            AND i.date_deadline < NOW() AT TIME ZONE 'UTC')::int
                               AS overdue_count,
                           (i.stage IN ('new', 'in_progress')
                            AND i.user_id IS NULL)::int AS unassigned_count,
                           CASE
                               WHEN i.date_answered IS NOT NULL
                                   THEN CASE WHEN i.date_answered <= i.date_deadline
                                             THEN 100.0 ELSE 0.0 END
                               WHEN i.stage != 'cancel'
                                    AND i.date_deadline < NOW() AT TIME ZONE 'UTC'
                                   THEN 0.0
                           END AS on_time_rate,
                           EXTRACT(EPOCH FROM i.date_answered - i.date_received)
                               / 3600.0 AS response_hours
                      FROM comms_inquiry i
                      -- the questions of an exercise are not the press's
                      LEFT JOIN comms_crisis c ON c.id = i.crisis_id
                     WHERE c.is_drill IS NOT TRUE
                )
                """,
                SQL.identifier(self._table),
            )
        )
