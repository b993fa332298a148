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
        sheet = workbook.add_worksheet(self.env._("Summary")[:31])
        if rtl:
            sheet.right_to_left()
        sheet.set_column(0, 0, 44)
        sheet.set_column(1, 1, 18)
        sheet.write(0, 0, self.env._("Annual Activity Report"), formats["title"])
        sheet.write(1, 0, report["company"].name, formats["bold"])
        sheet.write(2, 0, self.env._("Year"), formats["bold"])
        sheet.write_number(2, 1, report["year"])
        complaints = report["complaints"]
        lines = [
            (self.env._("Campaigns"), report["campaigns"]["count"]),
            (self.env._("Materials approved"), report["materials"]["count"]),
            (self.env._("Publications"), report["materials"]["publications"]),
            (self.env._("Press releases sent"), report["press"]["sent"]),
            (self.env._("Press releases opened"), report["press"]["opened"]),
            (self.env._("Media inquiries"), report["inquiries"]["count"]),
            (self.env._("Clippings"), report["coverage"]["count"]),
            (self.env._("Events"), report["events"]["count"]),
            (self.env._("Guests"), report["events"]["guests"]),
            (self.env._("Attended"), report["events"]["attended"]),
            (self.env._("Complaints received"), complaints["received"]),
            (self.env._("Complaints answered"), complaints["answered"]),
            (self.env._("Complaints answered on time"), complaints["on_time"]),
            (
                self.env._("Working days to answer (average)"),
                complaints["working_days"],
            ),
            (self.env._("Satisfaction (1 to 5)"), complaints["satisfaction"]),
            (self.env._("Recommendations"), report["recommendations"]["count"]),
            (self.env._("Recommendations open"), report["recommendations"]["open"]),
            (
                self.env._("Recommendations overdue"),
                report["recommendations"]["overdue"],
            ),
        ]
        for row, (label, value) in enumerate(lines, start=4):
            sheet.write(row, 0, label, formats["cell"])
            if value is None:
                sheet.write_blank(row, 1, None, formats["cell"])
            else:
                sheet.write_number(row, 1, value, formats["cell"])

    def _tables(self, report):
        complaints = report["complaints"]
        return [
            (
                self.env._("Campaigns"),
                [
                    self.env._("Campaign"),
                    self.env._("Status"),
                    self.env._("Events"),
                    self.env._("Guests"),
                    self.env._("Attended"),
                ],
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
                self.env._("Publications"),
                [
                    self.env._("Channel"),
                    self.env._("Publications"),
                    self.env._("Reach"),
                ],
                [
                    [line["name"], line["count"], line["reach"]]
                    for line in report["materials"]["by_channel"]
                ],
            ),
            (
                self.env._("Coverage"),
                [self.env._("Outlet"), self.env._("Clippings"), self.env._("Reach")],
                [
                    [line["name"], line["count"], line["reach"]]
                    for line in report["coverage"]["by_outlet"]
                ],
            ),
            (
                self.env._("Events"),
                [self.env._("Event"), self.env._("Guests"), self.env._("Attended")],
                [
                    [line["name"], line["guests"], line["attended"]]
                    for line in report["events"]["lines"]
                ],
            ),
            (
                self.env._("Complaints by month"),
                [self.env._("Month"), self.env._("Complaints")],
                [[line["name"], line["count"]] for line in complaints["by_month"]],
            ),
            (
                self.env._("Complaint categories"),
                [self.env._("Category"), self.env._("Complaints")],
                [
                    [line["name"], line["count"]]
                    for line in complaints["top_categories"]
                ],
            ),
            (
                self.env._("Complaint departments"),
                [self.env._("Department"), self.env._("Complaints")],
                [
                    [line["name"], line["count"]]
                    for line in complaints["top_departments"]
                ],
            ),
        ]
