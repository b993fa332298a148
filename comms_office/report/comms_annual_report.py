# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time

from markupsafe import Markup, escape

from odoo import api, models
from odoo.fields import Domain

# the sections of the report, in their order, with their anchors
ANNUAL_SECTIONS = [
    "campaigns",
    "materials",
    "press",
    "inquiries",
    "coverage",
    "events",
    "complaints",
    "recommendations",
]


class ReportAnnualActivity(models.AbstractModel):
    """The office's annual activity report, for its director and its
    supervising authority: every figure is a grouped read on the reporting
    views (``comms.complaint.report``, ``comms.media.report``,
    ``comms.office.report``) or on the records' own stored fields."""

    _name = "report.comms_office.report_annual_activity"
    _description = "Annual Activity Report (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["comms.annual.report.wizard"].browse(docids)
        reports = {
            wizard.id: self._get_annual_data(wizard.year, wizard.company_id)
            for wizard in wizards
        }
        rtl = self.env["res.lang"]._get_data(code=self.env.lang).direction == "rtl"
        for report in reports.values():
            report["charts"] = {
                "complaints_by_month": self._svg_bar_chart(
                    report["complaints"]["by_month"], rtl=rtl
                ),
                "coverage_by_tone": self._svg_bar_chart(
                    report["coverage"]["by_tone"], rtl=rtl
                ),
            }
        return {
            "doc_ids": docids,
            "doc_model": "comms.annual.report.wizard",
            "docs": wizards,
            "reports": reports,
        }

    # ------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------

    @api.model
    def _get_annual_data(self, year, company=None):
        """The figures of ``year`` for ``company``, as the PDF and the XLSX
        annex print them."""
        company = company or self.env.company
        first, last = date(year, 1, 1), date(year, 12, 31)
        moment_from = datetime.combine(first, time.min)
        moment_to = datetime.combine(date(year + 1, 1, 1), time.min)
        in_company = Domain("company_id", "in", [company.id, False])
        dates = Domain("date", ">=", first) & Domain("date", "<=", last)
        Lang = self.env["res.lang"]
        return {
            "year": year,
            "company": company,
            "sections": ANNUAL_SECTIONS,
            "campaigns": self._campaign_figures(company, first, last),
            "materials": self._material_figures(company, moment_from, moment_to),
            "press": self._press_figures(in_company & dates),
            "inquiries": self._inquiry_figures(in_company & dates, Lang),
            "coverage": self._coverage_figures(in_company & dates),
            "events": self._event_figures(in_company & dates, Lang),
            "complaints": self._complaint_figures(
                in_company
                & Domain("date_received", ">=", moment_from)
                & Domain("date_received", "<", moment_to),
                Lang,
            ),
            "recommendations": self._recommendation_figures(in_company & dates),
        }

    def _campaign_figures(self, company, first, last):
        campaigns = self.env["comms.campaign"].search(
            Domain("company_id", "=", company.id)
            & Domain("state", "in", ["approved", "running", "done"])
            & (Domain("date_start", "=", False) | Domain("date_start", "<=", last))
            & (Domain("date_end", "=", False) | Domain("date_end", ">=", first)),
            order="date_start, id",
        )
        figures = {
            campaign.id: (events, guests, attended)
            for campaign, events, guests, attended in self.env[
                "comms.office.report"
            ]._read_group(
                Domain("campaign_id", "in", campaigns.ids)
                & Domain("kind", "in", ["event", "guest"]),
                ["campaign_id"],
                ["event_count:sum", "guest_count:sum", "attended_count:sum"],
            )
        }
        states = dict(campaigns._fields["state"]._description_selection(self.env))
        lines = [
            {
                "name": campaign.name,
                "state": states.get(campaign.state, ""),
                "date_start": campaign.date_start,
                "date_end": campaign.date_end,
                "events": figures.get(campaign.id, (0, 0, 0))[0],
                "guests": figures.get(campaign.id, (0, 0, 0))[1],
                "attended": figures.get(campaign.id, (0, 0, 0))[2],
            }
            for campaign in campaigns
        ]
        return {"lines": lines, "count": len(lines)}

    def _material_figures(self, company, moment_from, moment_to):
        Material = self.env["comms.material"]
        types = dict(Material._fields["material_type"]._description_selection(self.env))
        groups = Material._read_group(
            Domain("company_id", "=", company.id)
            & Domain("state", "in", ["approved", "published"])
            & Domain("create_date", ">=", moment_from)
            & Domain("create_date", "<", moment_to),
            ["material_type"],
            ["__count"],
        )
        by_type = [
            {"name": types.get(kind, kind), "count": count} for kind, count in groups
        ]
        Publication = self.env["comms.publication"]
        publications = Publication._read_group(
            Domain("company_id", "in", [company.id, False])
            & Domain("date", ">=", moment_from.date())
            & Domain("date", "<", moment_to.date()),
            ["channel_id"],
            ["__count", "reach:sum"],
        )
        by_channel = [
            {
                "name": channel.name or self.env._("Other"),
                "count": count,
                "reach": reach or 0,
            }
            for channel, count, reach in publications
        ]
        return {
            "by_type": by_type,
            "count": sum(line["count"] for line in by_type),
            "by_channel": by_channel,
            "publications": sum(line["count"] for line in by_channel),
            "reach": sum(line["reach"] for line in by_channel),
        }

    def _press_figures(self, base):
        Report = self.env["comms.media.report"]
        dispatch = base & Domain("kind", "=", "dispatch")
        [(sent, opened, open_rate)] = Report._read_group(
            dispatch, [], ["sent_count:sum", "opened_count:sum", "open_rate:avg"]
        )
        by_material = [
            {
                "name": material.display_name,
                "sent": material_sent or 0,
                "opened": material_opened or 0,
            }
            for material, material_sent, material_opened in Report._read_group(
                dispatch,
                ["material_id"],
                ["sent_count:sum", "opened_count:sum"],
                order="sent_count:sum desc",
                limit=10,
            )
        ]
        return {
            "sent": sent or 0,
            "opened": opened or 0,
            "open_rate": self.env["res.lang"]._comms_format_percentage(
                open_rate if open_rate is not None else None
            ),
            "by_material": by_material,
        }

    def _inquiry_figures(self, base, Lang):
        [(count, on_time_rate)] = self.env["comms.media.report"]._read_group(
            base & Domain("kind", "=", "inquiry"),
            [],
            ["inquiry_count:sum", "inquiry_on_time_rate:avg"],
        )
        return {
            "count": count or 0,
            "on_time_rate_value": on_time_rate,
            "on_time_rate": Lang._comms_format_percentage(on_time_rate),
        }

    def _coverage_figures(self, base):
        Report = self.env["comms.media.report"]
        coverage = base & Domain("kind", "=", "coverage")
        tones = dict(Report._fields["tone"]._description_selection(self.env))
        by_tone = [
            {"key": tone, "name": tones.get(tone, ""), "count": count or 0}
            for tone, count in Report._read_group(
                coverage, ["tone"], ["coverage_count:sum"]
            )
        ]
        by_outlet = [
            {"name": outlet.display_name, "count": count or 0, "reach": reach or 0}
            for outlet, count, reach in Report._read_group(
                coverage,
                ["outlet_id"],
                ["coverage_count:sum", "reach:sum"],
                order="coverage_count:sum desc",
                limit=10,
            )
        ]
        return {
            "count": sum(line["count"] for line in by_tone),
            "reach": sum(line["reach"] for line in by_outlet),
            "by_tone": by_tone,
            "by_outlet": by_outlet,
        }

    def _event_figures(self, base, Lang):
        Report = self.env["comms.office.report"]
        events = base & Domain("kind", "in", ["event", "guest"])
        lines = [
            {
                "name": event.display_name,
                "date": event.date_begin,
                "guests": guests or 0,
                "attended": attended or 0,
            }
            for event, guests, attended in Report._read_group(
                events,
                ["event_id"],
                ["guest_count:sum", "attended_count:sum"],
            )
        ]
        lines.sort(key=lambda line: line["date"])
        [(count, guests, attended, rate)] = Report._read_group(
            events,
            [],
            [
                "event_count:sum",
                "guest_count:sum",
                "attended_count:sum",
                "attendance_rate:avg",
            ],
        )
        return {
            "count": count or 0,
            "guests": guests or 0,
            "attended": attended or 0,
            "attendance_rate": Lang._comms_format_percentage(rate),
            "lines": lines,
        }

    def _complaint_figures(self, base, Lang):
        Report = self.env["comms.complaint.report"]
        complaints = base & Domain("kind", "=", "complaint")
        measures = [
            "received_count:sum",
            "answered_count:sum",
            "on_time_count:sum",
            "on_time_rate:avg",
            "working_days_to_answer:avg",
            "satisfaction_score:avg",
            "rated_count:sum",
        ]
        [(received, answered, on_time, rate, days, satisfaction, rated)] = (
            Report._read_group(complaints, [], measures)
        )
        kinds = dict(Report._fields["kind"]._description_selection(self.env))
        by_kind = [
            {"name": kinds.get(kind, ""), "count": count}
            for kind, count in Report._read_group(base, ["kind"], ["__count"])
        ]
        by_month = dict(
            Report._read_group(complaints, ["date_received:month"], ["__count"])
        )
        month_names = dict(
            self.env["comms.complaint.register.wizard"]
            ._fields["month"]
            ._description_selection(self.env)
        )

        def top(field, limit=5):
            return [
                {"name": record.display_name or self.env._("Not set"), "count": count}
                for record, count in Report._read_group(
                    complaints,
                    [field],
                    ["__count"],
                    order="__count desc",
                    limit=limit,
                )
            ]

        actions = self.env["comms.complaint"].search_fetch(
            base & Domain("corrective_action", "!=", False),
            ["name", "corrective_action"],
            order="date_received",
            limit=30,
        )
        point = Lang._get_data(code=self.env.lang or "en_US").decimal_point or "."

        def decimal(value):
            return f"{value:.1f}".replace(".", point) if value is not None else "—"

        return {
            "received": received or 0,
            "answered": answered or 0,
            "on_time": on_time or 0,
            "on_time_rate": Lang._comms_format_percentage(rate),
            "working_days": round(days, 1) if days is not None else None,
            "satisfaction": round(satisfaction, 1) if satisfaction else None,
            "working_days_display": decimal(days),
            "satisfaction_display": decimal(satisfaction or None),
            "rated": rated or 0,
            "by_kind": by_kind,
            "by_month": [
                {
                    "name": month_names[str(month.month)],
                    "count": by_month.get(month, 0),
                }
                for month in sorted(by_month)
            ],
            "top_categories": top("category_id"),
            "top_departments": top("department_id"),
            "corrective_actions": [
                {"name": action.name, "action": action.corrective_action}
                for action in actions
            ],
        }

    def _recommendation_figures(self, base):
        [(count, open_count, overdue)] = self.env["comms.office.report"]._read_group(
            base & Domain("kind", "=", "recommendation"),
            [],
            [
                "recommendation_count:sum",
                "recommendation_open_count:sum",
                "recommendation_overdue_count:sum",
            ],
        )
        count, open_count = count or 0, open_count or 0
        return {
            "count": count,
            "open": open_count,
            "overdue": overdue or 0,
            "closed": count - open_count,
        }

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    @api.model
    def _svg_bar_chart(self, lines, rtl=False, width=640, bar_height=22):
        """A horizontal bar chart of ``lines`` (``name``, ``count``) as inline
        SVG: drawn by the server, so it prints as it shows."""
        if not lines:
            return Markup("")
        label_width, gap = 190, 6
        top = max(line["count"] for line in lines) or 1
        plot = width - label_width - 50
        height = len(lines) * (bar_height + gap) + gap
        parts = [
            (
                f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
                f'height="{height}" viewBox="0 0 {width} {height}" '
                f'class="o_comms_chart" font-family="sans-serif" font-size="12">'
            )
        ]
        for index, line in enumerate(lines):
            y = gap + index * (bar_height + gap)
            length = round(plot * line["count"] / top)
            text_y = y + bar_height * 0.7
            if rtl:
                label_x, anchor = width - 4, "end"
                bar_x = width - label_width - length
                value_x, value_anchor = bar_x - 4, "end"
            else:
                label_x, anchor = label_width - 6, "end"
                bar_x = label_width
                value_x, value_anchor = bar_x + length + 4, "start"
            parts.append(
                f'<text x="{label_x}" y="{text_y}" text-anchor="{anchor}">'
                f"{escape(line['name'])}</text>"
                f'<rect x="{bar_x}" y="{y}" width="{length}" height="{bar_height}" '
                f'fill="#01666B"/>'
                f'<text x="{value_x}" y="{text_y}" text-anchor="{value_anchor}">'
                f"{line['count']}</text>"
            )
        parts.append("</svg>")
        return Markup("".join(parts))
