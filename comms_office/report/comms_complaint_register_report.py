# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from ..models.comms_complaint import (
    COMPLAINT_CHANNELS,
    COMPLAINT_KINDS,
    COMPLAINT_OUTCOMES,
    COMPLAINT_STATES,
)


class CommsComplaintRegisterReport(models.Model):
    """The complaints and petitions register: one line per complaint with
    what the monthly table sent to the Mediator of the Republic counts, and
    nothing that names the person."""

    _name = "comms.complaint.register.report"
    _description = "Complaints Register Analysis"
    _auto = False
    _order = "date_received desc"
    _rec_name = "complaint_id"
    # what the view reads: pending changes of these fields are flushed first
    _depends = {
        "comms.complaint": [
            "company_id",
            "date_received",
            "kind",
            "channel",
            "state",
            "category_id",
            "department_id",
            "date_answered",
            "answered_on_time",
            "outcome",
        ],
    }

    complaint_id = fields.Many2one("comms.complaint", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    kind = fields.Selection(COMPLAINT_KINDS, string="Type", readonly=True)
    channel = fields.Selection(COMPLAINT_CHANNELS, readonly=True)
    state = fields.Selection(COMPLAINT_STATES, string="Status", readonly=True)
    category_id = fields.Many2one("comms.complaint.category", readonly=True)
    department_id = fields.Many2one(
        "comms.department", string="Department Concerned", readonly=True
    )
    outcome = fields.Selection(COMPLAINT_OUTCOMES, readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    on_time_count = fields.Integer(string="Answered on Time", readonly=True)

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
                           c.kind,
                           c.channel,
                           c.state,
                           c.category_id,
                           c.department_id,
                           c.outcome,
                           (c.date_answered IS NOT NULL)::int AS answered_count,
                           COALESCE(c.answered_on_time, FALSE)::int AS on_time_count
                      FROM comms_complaint c
                )
                """,
                SQL.identifier(self._table),
            )
        )

    @api.model
    def _get_register_data(self, date_from, date_to, company=None):
        """Figures of the register table of ``company``, for the entries
        received from ``date_from`` to ``date_to`` included.

        The table counts complaints (grievances), by category, department and
        outcome; petitions, suggestions and compliments are entries of the
        register too, counted apart. The on-time rate is
        that of the complaints answered among the period's entries.
        """
        company = company or self.env.company
        base = (
            Domain("company_id", "=", company.id)
            & Domain("date_received", ">=", datetime.combine(date_from, time.min))
            & Domain(
                "date_received",
                "<",
                datetime.combine(date_to + timedelta(days=1), time.min),
            )
        )
        # the labels of the register itself, as the office reads them
        Complaint = self.env["comms.complaint"]

        def labelled(field):
            labels = dict(Complaint._fields[field]._description_selection(self.env))
            return [
                {field: value, "name": labels[value], "count": count}
                for value, count in self._read_group(base, [field], ["__count"])
            ]

        by_category = [
            {
                "name": category.name or self.env._("Not categorised"),
                "count": count,
                "answered": answered or 0,
                "on_time": on_time or 0,
            }
            for category, count, answered, on_time in self._read_group(
                base & Domain("kind", "=", "complaint"),
                ["category_id"],
                ["__count", "answered_count:sum", "on_time_count:sum"],
            )
        ]
        by_department = [
            {
                "name": department.name or self.env._("No department"),
                "count": count,
                "answered": answered or 0,
                "on_time": on_time or 0,
            }
            for department, count, answered, on_time in self._read_group(
                base & Domain("kind", "=", "complaint"),
                ["department_id"],
                ["__count", "answered_count:sum", "on_time_count:sum"],
            )
        ]
        outcomes = dict(Complaint._fields["outcome"]._description_selection(self.env))
        by_outcome = [
            {
                "outcome": outcome,
                "name": outcomes.get(outcome) or self.env._("Not decided yet"),
                "count": count,
            }
            for outcome, count in self._read_group(
                base & Domain("kind", "=", "complaint"), ["outcome"], ["__count"]
            )
        ]
        total = sum(row["count"] for row in by_category)
        total_answered = sum(row["answered"] for row in by_category)
        total_on_time = sum(row["on_time"] for row in by_category)
        on_time_rate = (
            round(100.0 * total_on_time / total_answered, 1) if total_answered else None
        )
        by_kind = labelled("kind")
        entries = sum(row["count"] for row in by_kind)
        petitions = sum(row["count"] for row in by_kind if row["kind"] == "petition")
        return {
            "company": company,
            "date_from": date_from,
            "date_to": date_to,
            # complaints
            "total": total,
            "answered": total_answered,
            "on_time": total_on_time,
            "on_time_rate": on_time_rate,
            "on_time_rate_display": self.env["res.lang"]._comms_format_percentage(
                on_time_rate
            ),
            "by_category": by_category,
            "by_department": by_department,
            "by_outcome": by_outcome,
            # every entry of the register
            "entries": entries,
            "petitions": petitions,
            "others": entries - total - petitions,
            "by_channel": labelled("channel"),
            "by_state": labelled("state"),
            "by_kind": by_kind,
        }

    @api.model
    def _get_registers(self, periods):
        """The register of each period chosen (``comms.complaint.register.wizard``),
        by its id, as the PDF and the XLSX print it."""
        return {
            period.id: dict(
                self._get_register_data(
                    period.date_from, period.date_to, period.company_id
                ),
                period=period.name,
            )
            for period in periods
        }
