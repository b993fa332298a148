# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ReportAnnualActivityXlsx(models.AbstractModel):
    """The figures of the annual activity report, one sheet per section."""

    _name = "report.comms_office.report_annual_activity_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Annual Activity Report (XLSX Annex)"

    def generate_xlsx_report(self, workbook, data, objs):
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#DDDDDD", "border": 1}
            ),
            "cell": workbook.add_format({"border": 1}),
            "bold": workbook.add_format({"bold": True}),
        }
        rtl = self.env["res.lang"]._get_data(code=self.env.lang).direction == "rtl"
        Annual = self.env["report.comms_office.report_annual_activity"]
        for wizard in objs:
            report = Annual._get_annual_data(wizard.year, wizard.company_id)
            self._write_summary(workbook, formats, report, rtl)
            for title, columns, rows in self._tables(report):
                sheet = workbook.add_worksheet(title[:31])
                if rtl:
                    sheet.right_to_left()
                sheet.set_column(0, 0, 40)
                sheet.set_column(1, len(columns), 16)
                sheet.write_row(0, 0, columns, formats["header"])
                for index, row in enumerate(rows, start=1):
                    sheet.write_row(index, 0, row, formats["cell"])

    def _write_summary(self, workbook, formats, report, rtl):
        _ = self.env._
        sheet = workbook.add_worksheet(_("Summary")[:31])
        if rtl:
            sheet.right_to_left()
        sheet.set_column(0, 0, 44)
        sheet.set_column(1, 1, 18)
        sheet.write(0, 0, _("Annual Activity Report"), formats["title"])
        sheet.write(1, 0, report["company"].name, formats["bold"])
        sheet.write(2, 0, _("Year"), formats["bold"])
        sheet.write_number(2, 1, report["year"])
        complaints = report["complaints"]
        lines = [
            (_("Campaigns"), report["campaigns"]["count"]),
            (_("Materials approved"), report["materials"]["count"]),
            (_("Publications"), report["materials"]["publications"]),
            (_("Press releases sent"), report["press"]["sent"]),
            (_("Press releases opened"), report["press"]["opened"]),
            (_("Media inquiries"), report["inquiries"]["count"]),
            (_("Clippings"), report["coverage"]["count"]),
            (_("Events"), report["events"]["count"]),
            (_("Guests"), report["events"]["guests"]),
            (_("Attended"), report["events"]["attended"]),
            (_("Complaints received"), complaints["received"]),
            (_("Complaints answered"), complaints["answered"]),
            (_("Complaints answered on time"), complaints["on_time"]),
            (_("Working days to answer (average)"), complaints["working_days"]),
            (_("Satisfaction (1 to 5)"), complaints["satisfaction"]),
            (_("Recommendations"), report["recommendations"]["count"]),
            (_("Recommendations open"), report["recommendations"]["open"]),
            (_("Recommendations overdue"), report["recommendations"]["overdue"]),
        ]
        for row, (label, value) in enumerate(lines, start=4):
            sheet.write(row, 0, label, formats["cell"])
            if value is None:
                sheet.write_blank(row, 1, None, formats["cell"])
            else:
                sheet.write_number(row, 1, value, formats["cell"])

    def _tables(self, report):
        _ = self.env._
        complaints = report["complaints"]
        return [
            (
                _("Campaigns"),
                [_("Campaign"), _("Status"), _("Events"), _("Guests"), _("Attended")],
                [
                    [
                        line["name"],
                        line["state"],
                        line["events"],
                        line["guests"],
                        line["attended"],
                    ]
                    for line in report["campaigns"]["lines"]
                ],
            ),
            (
                _("Publications"),
                [_("Channel"), _("Publications"), _("Reach")],
                [
                    [line["name"], line["count"], line["reach"]]
                    for line in report["materials"]["by_channel"]
                ],
            ),
            (
                _("Coverage"),
                [_("Outlet"), _("Clippings"), _("Reach")],
                [
                    [line["name"], line["count"], line["reach"]]
                    for line in report["coverage"]["by_outlet"]
                ],
            ),
            (
                _("Events"),
                [_("Event"), _("Guests"), _("Attended")],
                [
                    [line["name"], line["guests"], line["attended"]]
                    for line in report["events"]["lines"]
                ],
            ),
            (
                _("Complaints by month"),
                [_("Month"), _("Complaints")],
                [[line["name"], line["count"]] for line in complaints["by_month"]],
            ),
            (
                _("Complaint categories"),
                [_("Category"), _("Complaints")],
                [
                    [line["name"], line["count"]]
                    for line in complaints["top_categories"]
                ],
            ),
            (
                _("Complaint departments"),
                [_("Department"), _("Complaints")],
                [
                    [line["name"], line["count"]]
                    for line in complaints["top_departments"]
                ],
            ),
        ]
