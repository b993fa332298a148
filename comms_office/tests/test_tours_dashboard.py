# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ar_001")
        cls.director = mail_new_test_user(
            cls.env,
            login="comms_tour_director_dashboard",
            groups="comms_office.group_comms_director",
            name="Tour Dashboard Director",
            lang="ar_001",
        )
        Complaint = cls.env["comms.complaint"]
        Complaint.create(
            [
                {
                    "subject": "Tour: dossier en retard",
                    "description": "Tour.",
                    "date_received": fields.Datetime.now() - timedelta(days=60),
                },
                {"subject": "Tour: dans les délais", "description": "Tour."},
            ]
        )

    def test_director_drills_into_overdue_complaints(self):
        self.start_tour(
            "/odoo",
            "comms_office_dashboard_director_tour",
            login=self.director.login,
        )
