# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CommsIndicatorXlsx(models.AbstractModel):
    _name = "report.comms_office.report_indicator_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Indicators XLSX Export"

    def _indicator_columns(self):
        Indicator = self.env["comms.indicator"]
        return [
            ("campaign_id", 32),
            ("level", 12),
            ("name", 40),
            ("unit", 12),
            ("baseline", 12),
            ("target", 12),
            ("actual", 12),
            ("achievement", 14),
            ("auto_source", 24),
            ("source", 28),
        ], Indicator

    def generate_xlsx_report(self, workbook, data, objs):
        columns, Indicator = self._indicator_columns()
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        sheet = workbook.add_worksheet(self.env._("Indicators"))
        if lang.direction == "rtl":
            sheet.right_to_left()
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        number = workbook.add_format({"num_format": "#,##0.##"})
        percent = workbook.add_format({"num_format": "0%"})
        labels = Indicator.fields_get([name for name, _width in columns])
        for col, (name, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(0, col, labels[name]["string"], bold)
        levels = dict(labels["level"]["selection"])
        sources = dict(labels["auto_source"]["selection"])
        for row, indicator in enumerate(objs, start=1):
            sheet.write(row, 0, indicator.campaign_id.display_name or "")
            sheet.write(row, 1, levels.get(indicator.level, ""))
            sheet.write(row, 2, indicator.name)
            sheet.write(row, 3, indicator.unit or "")
            sheet.write_number(row, 4, indicator.baseline, number)
            sheet.write_number(row, 5, indicator.target, number)
            sheet.write_number(row, 6, indicator.actual, number)
            sheet.write_number(row, 7, indicator.achievement, percent)
            sheet.write(row, 8, sources.get(indicator.auto_source, ""))
            sheet.write(row, 9, indicator.source or "")
        sheet.freeze_panes(1, 0)
