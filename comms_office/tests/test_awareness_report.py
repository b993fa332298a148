# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

from openpyxl import load_workbook

from odoo.tests import tagged

from .awareness_common import CommsAwarenessCommon


@tagged("post_install", "-at_install")
class TestAwarenessReport(CommsAwarenessCommon):
    """The programme report (PDF, right to left in Arabic, with its chart
    drawn by the server) and the XLSX export of sessions and results."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program.write(
            {
                "logic_inputs": "<p>Two nurses, 3000 leaflets</p>",
                "logic_impact": "<p>Fewer late diagnoses</p>",
                "recommendations": "<p>Go back to the mosques in spring</p>",
            }
        )
        cls._session(
            name="Ibn Khaldoun school",
            lines=[("female", "0_14", 30), ("male", "0_14", 25)],
        )
        cls._session(
            name="El Feth mosque",
            commune=cls.commune_berrouaghia,
            lines=[("male", "25_64", 40)],
        )
        cls._answers(
            [("pre", "A", 1), ("post", "A", 3), ("pre", "B", 2), ("post", "B", 4)]
        )

    def _render_html(self, lang):
        report = self.env.ref("comms_office.action_report_comms_awareness_program")
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(lang=lang)
            ._render_qweb_html(report, self.program.ids)
        )
        return html.decode()

    def test_report_content(self):
        html = self._render_html("en_US")
        for text in (
            "Awareness Programme Report",
            "Diabetes: know the signs",
            "Two nurses, 3000 leaflets",
            "Fewer late diagnoses",
            "Ibn Khaldoun school",
            "Berrouaghia",
            "Go back to the mosques in spring",
            "+50.0 points",
            "Paired: 2 participants answered both tests",
            "<svg",
        ):
            self.assertIn(text, html)
        # the bars: 37.5 % → 56.25 points high, 87.5 % → 131.25
        self.assertIn('height="56.2"', html)
        self.assertIn('height="131.2"', html)

    def test_report_arabic_right_to_left(self):
        html = self._render_html("ar_001")
        self.assertIn('dir="rtl"', html)
        self.assertNotIn('dir="rtl"', self._render_html("fr_FR"))

    def test_report_pdf(self):
        report = self.env.ref("comms_office.action_report_comms_awareness_program")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, self.program.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_xlsx_sessions_reach_and_knowledge(self):
        action = self.program.with_user(self.user_officer).action_export_results()
        self.assertEqual(action["report_type"], "xlsx")
        report = self.env.ref("comms_office.action_report_comms_awareness_program_xlsx")
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx(report, self.program.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        book = load_workbook(io.BytesIO(content))
        sessions = list(book["Sessions"].iter_rows(values_only=True))
        self.assertEqual(len(sessions), 3)
        self.assertEqual(sum(row[7] for row in sessions[1:]), 95)
        reach = list(book["Reach"].iter_rows(values_only=True))
        self.assertEqual(sum(row[4] for row in reach[1:]), 95)
        knowledge = list(book["Knowledge"].iter_rows(values_only=True))
        self.assertEqual(knowledge[1][1], "Paired")
        self.assertEqual(knowledge[1][7], 50.0)
