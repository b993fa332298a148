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


@tagged("post_install", "-at_install")
class TestCitizenPhoneTour(HttpCase):
    """The citizen's pages on a phone."""

    browser_size = "390x844"
    touch_enabled = True

    def test_tour_citizen_on_a_phone(self):
        self.env["res.lang"]._activate_lang("ar_001")
        self.env["res.lang"]._activate_lang("fr_FR")
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("comms_office.complaint_rate_limit", "50")
        params.set_param("comms_office.complaint_min_fill_seconds", "0")
        self.start_tour("/ar/comms/complaint", "comms_office_citizen_phone_tour")
        complaint = self.env["comms.complaint"].search(
            [("subject", "=", "موعد الأشعة في قسم Radiologie")]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.channel, "web")
        self.assertEqual(complaint.lang, "ar_001")
        self.assertEqual(complaint.complainant_name, "أمينة سعدي")
        self.assertEqual(complaint.complainant_email, "amina.saadi@example.dz")
        self.assertTrue(complaint.consent)
        self.assertIn("Le rendez-vous était à 9 h.", complaint.description)
