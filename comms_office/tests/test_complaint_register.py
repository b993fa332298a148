# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import re
from datetime import datetime

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .complaint_common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintRegister(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Complaint = cls.env["comms.complaint"]
        common = {"description": "x"}
        cls.march = Complaint.create(
            [
                {
                    **common,
                    "subject": "Waiting 1",
                    "channel": "web",
                    "category_id": cls.cat_waiting.id,
                    "date_received": datetime(2026, 3, 2, 9, 0),
                },
                {
                    **common,
                    "subject": "Waiting 2",
                    "channel": "email",
                    "category_id": cls.cat_waiting.id,
                    "date_received": datetime(2026, 3, 10, 9, 0),
                },
                {
                    **common,
                    "subject": "Billing",
                    "channel": "paper",
                    "category_id": cls.cat_billing.id,
                    "date_received": datetime(2026, 3, 31, 20, 0),
                },
            ]
        )
        # answered on time, and late
        cls.march[0].write(
            {"state": "answered", "date_answered": datetime(2026, 3, 5, 9, 0)}
        )
        cls.march[2].write(
            {"state": "closed", "date_answered": datetime(2026, 5, 20, 9, 0)}
        )
        # another month: not counted
        Complaint.create(
            {
                **common,
                "subject": "April",
                "category_id": cls.cat_billing.id,
                "date_received": datetime(2026, 4, 1, 9, 0),
            }
        )

    def _wizard(self):
        return self.env["comms.complaint.register.wizard"].create(
            {"month": "3", "year": 2026}
        )

    @users("comms_officer")
    def test_register_figures(self):
        wizard = self._wizard()
        data = self.env["comms.complaint.register.report"]._get_register_data(
            wizard.date_from, wizard.date_to, wizard.company_id
        )
        self.assertEqual(data["total"], 3)
        self.assertEqual(data["answered"], 2)
        self.assertEqual(data["on_time"], 1)
        self.assertEqual(data["on_time_rate"], 50.0)
        by_category = {line["name"]: line for line in data["by_category"]}
        self.assertEqual(by_category["Waiting Time"]["count"], 2)
        self.assertEqual(by_category["Waiting Time"]["on_time"], 1)
        self.assertEqual(by_category["Billing"]["count"], 1)
        self.assertEqual(
            {line["name"]: line["count"] for line in data["by_channel"]},
            {"Web Form": 1, "Email": 1, "Paper Register": 1},
        )
        self.assertEqual(
            {line["name"]: line["count"] for line in data["by_state"]},
            {"Received": 1, "Answered": 1, "Closed": 1},
        )

    @users("comms_officer")
    def test_register_is_the_office_s(self):
        """The register lines count complaints; they name nobody, and only
        the office reads them."""
        Register = self.env["comms.complaint.register.report"]
        lines = Register.search([("complaint_id", "in", self.march.ids)])
        self.assertEqual(len(lines), 3)
        for field in self.env["comms.complaint"]._comms_identity_fields:
            self.assertNotIn(field, Register._fields)
        with self.assertRaises(AccessError):
            Register.with_user(self.user_staff).search([])

    @users("comms_officer")
    def test_register_pdf(self):
        wizard = self._wizard()
        action = wizard.action_print_pdf()
        self.assertEqual(action["report_type"], "qweb-pdf")
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "comms_office.action_report_comms_complaint_register_wizard_pdf",
                wizard.ids,
            )
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        # Debian's wkhtmltopdf draws web fonts as outlines: read the page's text
        # from the HTML it printed
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "comms_office.action_report_comms_complaint_register_wizard_pdf", wizard.ids
        )
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))
        self.assertIn("Complaints and Petitions Register", text)
        self.assertIn("March 2026", text)
        # the user's language may run right to left: read the line both ways
        self.assertRegex(text, r"Waiting Time\s+2\s+1\s+1")
        self.assertRegex(text, r"Total complaints\s+3\s+2\s+1")
        self.assertIn("50.0 %", text)

    @users("comms_officer")
    def test_register_xlsx(self):
        wizard = self._wizard()
        self.assertEqual(wizard.action_print_xlsx()["report_type"], "xlsx")
        content, report_type = self.env["ir.actions.report"]._render(
            "comms_office.action_report_comms_complaint_register_wizard_xlsx",
            wizard.ids,
        )
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [
            [cell for cell in row if cell is not None]
            for row in sheet.iter_rows(values_only=True)
        ]
        self.assertIn(["Period", "March 2026"], rows)
        self.assertIn(["Waiting Time", 2, 1, 1], rows)
        self.assertIn(["Billing", 1, 1, 0], rows)
        self.assertIn(["Total complaints", 3, 2, 1], rows)
        self.assertIn(
            [
                "On-time Rate (%)",
                50,
                (
                    "complaints answered within the deadline, among the complaints "
                    "answered"
                ),
            ],
            rows,
        )
        self.assertIn(["Suggestions and compliments", 0], rows)
        self.assertIn(["Paper Register", 1], rows)

    @users("comms_officer")
    def test_receipt_pdf(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        self.assertEqual(complaint.action_print_receipt()["report_type"], "qweb-pdf")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "comms_office.action_report_comms_complaint_receipt", complaint.ids
            )[0]
            .decode()
        )
        self.assertIn(complaint.name, html)
        self.assertIn(complaint.access_token, html)
