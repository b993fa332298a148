# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase):
    def test_tour_public_form_then_answer(self):
        mail_new_test_user(
            self.env,
            login="tour_complaint_officer",
            groups="comms_office.group_comms_officer",
            name="Tour Complaint Officer",
            lang="en_US",
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_rate_limit", "50"
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_min_fill_seconds", "0"
        )
        self.start_tour(
            "/comms/complaint",
            "comms_office_complaint_tour",
            login="tour_complaint_officer",
        )
        complaint = self.env["comms.complaint"].search(
            [("subject", "=", "Tour: attente en radiologie")]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.channel, "web")
        self.assertEqual(complaint.state, "answered")
        self.assertIn("second manipulateur", complaint.answer)
        self.assertIn(
            "second manipulateur",
            " ".join(complaint.message_ids.mapped("body")),
        )
