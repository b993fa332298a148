# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .complaint_common import ComplaintCommon

RECEIPT = "comms_office.action_report_comms_complaint_receipt"
FILE_COPY = "comms_office.action_report_comms_complaint_receipt_file"


@tagged("post_install", "-at_install", "security")
class TestComplaintReceipt(ComplaintCommon):
    """The receipt handed to the complainant carries their private link; the
    copy kept in the office's file does not. Only the office prints either."""

    def _render(self, report, complaints):
        return (
            self.env["ir.actions.report"]
            ._render_qweb_html(report, complaints.ids)[0]
            .decode()
        )

    @users("comms_officer")
    def test_two_receipts(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        token = self.complaint_emergency.access_token
        self.assertTrue(token)
        for_complainant = self._render(RECEIPT, complaint)
        self.assertIn(complaint.name, for_complainant)
        self.assertIn(token, for_complainant)
        self.assertIn("Receipt of your request", for_complainant)
        file_copy = self._render(FILE_COPY, complaint)
        self.assertIn(complaint.name, file_copy)
        self.assertIn("Salima Test", file_copy)
        self.assertNotIn(token, file_copy)
        self.assertNotIn("access_token", file_copy)
        self.assertNotIn("/comms/complaint/status/", file_copy)
        self.assertIn("o_comms_receipt_file_copy", file_copy)
        # the button of the form prints the complainant's copy
        action = complaint.action_print_receipt()
        self.assertEqual(action["report_name"], "comms_office.report_complaint_receipt")

    @users("comms_officer")
    def test_file_copy_of_many(self):
        complaints = (self.complaint_emergency | self.complaint_maternity).with_user(
            self.env.user
        )
        file_copy = self._render(FILE_COPY, complaints)
        for complaint in complaints.sudo():
            self.assertIn(complaint.name, file_copy)
            self.assertNotIn(complaint.access_token, file_copy)

    def test_only_the_office_prints(self):
        for xmlid in (RECEIPT, FILE_COPY):
            report = self.env.ref(xmlid)
            with self.subTest(report=xmlid):
                self.assertEqual(
                    report.group_ids, self.env.ref("comms_office.group_comms_officer")
                )
                self.assertEqual(report.binding_model_id.model, "comms.complaint")
                # the department concerned reads the complaint, prints no copy
                for user in (self.user_head_emergency, self.user_staff):
                    with (
                        self.subTest(user=user.login),
                        mute_logger("odoo.addons.base.models.ir_model"),
                        self.assertRaises(AccessError),
                    ):
                        self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                            xmlid, self.complaint_emergency.ids
                        )
