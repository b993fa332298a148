# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ReportComplaintRegisterXlsx(models.AbstractModel):
    _name = "report.comms_office.report_complaint_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Complaints Register (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        cell = workbook.add_format({"border": 1})
        registers = self.env["comms.complaint.register.report"]._get_registers(objs)
        for register in registers.values():
            sheet = workbook.add_worksheet(register["period"][:31])
            if self.env["res.lang"]._get_data(code=self.env.lang).direction == "rtl":
                sheet.right_to_left()
            sheet.set_column(0, 0, 32)
            sheet.set_column(1, 4, 16)
            sheet.write(0, 0, self.env._("Complaints and Petitions Register"), title)
            sheet.write(3, 0, self.env._("Complaints"), bold)
            sheet.write(1, 0, register["company"].name, bold)
            sheet.write(2, 0, self.env._("Period"), bold)
            sheet.write(2, 1, register["period"])
            row = 4
            sheet.write_row(
                row,
                0,
                [
                    self.env._("Category"),
                    self.env._("Received"),
                    self.env._("Answered"),
                    self.env._("Answered on Time"),
                ],
                header,
            )
            for line in register["by_category"]:
                row += 1
                sheet.write_row(
                    row,
                    0,
                    [line["name"], line["count"], line["answered"], line["on_time"]],
                    cell,
                )
            row += 1
            sheet.write_row(
                row,
                0,
                [
                    self.env._("Total complaints"),
                    register["total"],
                    register["answered"],
                    register["on_time"],
                ],
                header,
            )
            row += 2
            sheet.write(row, 0, self.env._("On-time Rate (%)"), bold)
            if register["on_time_rate"] is None:
                sheet.write(row, 1, register["on_time_rate_display"])
            else:
                sheet.write_number(row, 1, register["on_time_rate"])
            sheet.write(
                row,
                2,
                self.env._(
                    "complaints answered within the deadline, among the complaints "
                    "answered"
                ),
            )
            row += 1
            sheet.write(row, 0, self.env._("Petitions"), bold)
            sheet.write_number(row, 1, register["petitions"])
            row += 1
            sheet.write(row, 0, self.env._("Suggestions and compliments"), bold)
            sheet.write_number(row, 1, register["others"])
            row += 1
            sheet.write(row, 0, self.env._("All entries"), bold)
            sheet.write_number(row, 1, register["entries"])
            row += 2
            sheet.write_row(
                row,
                0,
                [
                    self.env._("Department Concerned"),
                    self.env._("Received"),
                    self.env._("Answered"),
                    self.env._("Answered on Time"),
                ],
                header,
            )
            for line in register["by_department"]:
                row += 1
                sheet.write_row(
                    row,
                    0,
                    [line["name"], line["count"], line["answered"], line["on_time"]],
                    cell,
                )
            for label, key in (
                (self.env._("Outcome"), "by_outcome"),
                (self.env._("Channel"), "by_channel"),
                (self.env._("Status"), "by_state"),
                (self.env._("Type"), "by_kind"),
            ):
                row += 2
                sheet.write_row(row, 0, [label, self.env._("Count")], header)
                for line in register[key]:
                    row += 1
                    sheet.write_row(row, 0, [line["name"], line["count"]], cell)
