# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CommsAwarenessProgramXlsx(models.AbstractModel):
    """Sessions, attendance and knowledge results of programmes, for the
    office's own tables."""

    _name = "report.comms_office.report_awareness_program_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Awareness Programme XLSX Export"

    def _sheet(self, workbook, name, headers, bold):
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        sheet = workbook.add_worksheet(name)
        if lang.direction == "rtl":
            sheet.right_to_left()
        for col, (label, width) in enumerate(headers):
            sheet.set_column(col, col, width)
            sheet.write(0, col, label, bold)
        sheet.freeze_panes(1, 0)
        return sheet

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        number = workbook.add_format({"num_format": "#,##0.0"})
        date = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        Session = self.env["comms.awareness.session"]
        Attendance = self.env["comms.awareness.attendance"]
        Program = self.env["comms.awareness.program"]
        labels = Session.fields_get(
            ["program_id", "date_begin", "name", "commune_id", "place", "partner_id"]
            + ["attendance_planned", "attendance_total", "attendance_female"]
            + ["attendance_male", "materials_handed", "state"]
        )
        states = dict(labels["state"]["selection"])
        columns = [
            ("program_id", 30),
            ("date_begin", 18),
            ("name", 34),
            ("commune_id", 20),
            ("place", 26),
            ("partner_id", 26),
            ("attendance_planned", 12),
            ("attendance_total", 12),
            ("attendance_female", 12),
            ("attendance_male", 12),
            ("materials_handed", 12),
            ("state", 12),
        ]
        headers = [(labels[name]["string"], width) for name, width in columns]
        title = self.env._("Sessions")
        sheet = self._sheet(workbook, title, headers, bold)
        sessions = Session.search([("program_id", "in", objs.ids)])
        for row, session in enumerate(sessions, start=1):
            sheet.write(row, 0, session.program_id.name)
            sheet.write_datetime(row, 1, session.date_begin, date)
            sheet.write(row, 2, session.name)
            sheet.write(row, 3, session.commune_id.name)
            sheet.write(row, 4, session.place or "")
            sheet.write(row, 5, session.partner_id.name or "")
            sheet.write_number(row, 6, session.attendance_planned)
            sheet.write_number(row, 7, session.attendance_total)
            sheet.write_number(row, 8, session.attendance_female)
            sheet.write_number(row, 9, session.attendance_male)
            sheet.write_number(row, 10, session.materials_handed)
            sheet.write(row, 11, states.get(session.state, ""))

        # reach by commune, sex and age band, held sessions only
        labels = Attendance.fields_get(["program_id", "commune_id", "sex", "age_band"])
        sexes = dict(labels["sex"]["selection"])
        bands = dict(labels["age_band"]["selection"])
        headers = [
            (labels[name]["string"], width)
            for name, width in (
                ("program_id", 30),
                ("commune_id", 20),
                ("sex", 12),
                ("age_band", 14),
            )
        ]
        people = self.env._("People")
        headers.append((people, 12))
        title = self.env._("Reach")
        sheet = self._sheet(workbook, title, headers, bold)
        groups = Attendance._read_group(
            [("program_id", "in", objs.ids), ("session_id.state", "=", "done")],
            ["program_id", "commune_id", "sex", "age_band"],
            ["count:sum"],
        )
        for row, (program, commune, sex, band, count) in enumerate(groups, start=1):
            sheet.write(row, 0, program.name)
            sheet.write(row, 1, commune.name)
            sheet.write(row, 2, sexes.get(sex, ""))
            sheet.write(row, 3, bands.get(band, ""))
            sheet.write_number(row, 4, count)

        labels = Program.fields_get(
            ["name", "knowledge_method", "knowledge_pre_count", "knowledge_post_count"]
            + ["knowledge_paired_count", "knowledge_pre_score", "knowledge_post_score"]
            + ["knowledge_gain", "knowledge_improved_rate", "knowledge_summary"]
        )
        methods = dict(labels["knowledge_method"]["selection"])
        columns = [
            ("name", 30),
            ("knowledge_method", 14),
            ("knowledge_pre_count", 12),
            ("knowledge_post_count", 12),
            ("knowledge_paired_count", 12),
            ("knowledge_pre_score", 14),
            ("knowledge_post_score", 14),
            ("knowledge_gain", 14),
            ("knowledge_improved_rate", 14),
            ("knowledge_summary", 60),
        ]
        headers = [(labels[name]["string"], width) for name, width in columns]
        title = self.env._("Knowledge")
        sheet = self._sheet(workbook, title, headers, bold)
        for row, program in enumerate(objs, start=1):
            sheet.write(row, 0, program.name)
            sheet.write(row, 1, methods.get(program.knowledge_method, ""))
            sheet.write_number(row, 2, program.knowledge_pre_count)
            sheet.write_number(row, 3, program.knowledge_post_count)
            sheet.write_number(row, 4, program.knowledge_paired_count)
            sheet.write_number(row, 5, program.knowledge_pre_score, number)
            sheet.write_number(row, 6, program.knowledge_post_score, number)
            sheet.write_number(row, 7, program.knowledge_gain, number)
            sheet.write_number(row, 8, program.knowledge_improved_rate, number)
            sheet.write(row, 9, program.knowledge_summary)
