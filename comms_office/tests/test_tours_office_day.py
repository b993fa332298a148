# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestOfficeDayTours(HttpCase):
    """Each role opens the app on its work and does its first task there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = mail_new_test_user(
            cls.env,
            login="tour_day_officer",
            groups="comms_office.group_comms_officer",
            name="Tour Day Officer",
            lang="ar_001",
        )
        cls.head = mail_new_test_user(
            cls.env,
            login="tour_day_head",
            groups="comms_office.group_comms_manager",
            name="Tour Day Head",
            lang="fr_FR",
        )
        cls.director = mail_new_test_user(
            cls.env,
            login="tour_day_director",
            groups="comms_office.group_comms_director",
            name="Tour Day Director",
        )
        cls.emergency_head = mail_new_test_user(
            cls.env,
            login="tour_day_emergency",
            groups="comms_office.group_comms_user",
            name="Tour Day Emergency Head",
            lang="fr_FR",
        )
        Department = cls.env["comms.department"]
        cls.emergency = Department.create(
            {"name": "Tour Urgences", "head_id": cls.emergency_head.id}
        )
        cls.maternity = Department.create({"name": "Tour Maternité"})

    def _review(self, record, user, comment="OK."):
        action = record.with_user(user).validate_tier()
        self.env["comment.wizard"].with_user(user).with_context(
            **action["context"]
        ).create({"comment": comment}).add_comment()

    def _complaint(self, subject, **vals):
        return self.env["comms.complaint"].create(
            {"subject": subject, "description": "Tour.", **vals}
        )

    def test_officer_lands_on_their_work(self):
        complaint = self._complaint("Tour: bruit la nuit")
        self.env["event.event"].create(
            {
                "name": "Tour open day",
                "is_comms_event": True,
                "user_id": self.officer.id,
                "date_begin": datetime.now() - timedelta(hours=1),
                "date_end": datetime.now() + timedelta(hours=3),
            }
        )
        self.start_tour(
            "/odoo", "comms_office_day_officer_tour", login=self.officer.login
        )
        self.assertEqual(complaint.state, "acknowledged")

    def test_head_lands_on_the_overview(self):
        self._complaint(
            "Tour: dossier perdu",
            date_received=fields.Datetime.now() - timedelta(days=40),
        )
        campaign = self.env["comms.campaign"].create(
            {"name": "Tour campagne de dépistage", "user_id": self.officer.id}
        )
        campaign.with_user(self.officer).action_request_approval()
        self.start_tour("/odoo", "comms_office_day_head_tour", login=self.head.login)
        self.assertEqual(campaign.state, "approved")
        self.assertIn(self.head, campaign.approved_by_ids)

    def test_director_sees_what_comes_next(self):
        self.env.company.comms_director_budget_threshold = 1000.0
        to_sign, coming = self.env["comms.campaign"].create(
            [
                {"name": "Tour budget à signer", "budget": 5000.0},
                {"name": "Tour budget suivant", "budget": 5000.0},
            ]
        )
        (to_sign | coming).with_user(self.officer).action_request_approval()
        self._review(to_sign, self.head)
        self.start_tour(
            "/odoo", "comms_office_day_director_tour", login=self.director.login
        )
        self.assertEqual(to_sign.state, "approved")
        self.assertEqual(to_sign.approved_by_ids, self.head | self.director)
        self.assertEqual(coming.state, "draft")
        self.assertEqual(coming.validation_status, "pending")

    def test_department_head_hands_back_findings(self):
        complaint = self._complaint(
            "Tour: attente aux urgences", department_id=self.emergency.id
        )
        self._complaint("Tour: maternité", department_id=self.maternity.id)
        complaint.with_user(self.officer).action_acknowledge()
        complaint.with_user(self.officer).activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Que s'est-il passé ?",
            user_id=self.emergency_head.id,
        )
        self.start_tour(
            "/odoo", "comms_office_day_department_tour", login=self.emergency_head.login
        )
        self.assertIn("Deux infirmiers", complaint.investigation_notes)
        self.assertEqual(
            complaint.corrective_action, "Un infirmier d'astreinte est prévu."
        )
        self.assertFalse(
            complaint.activity_ids.filtered(lambda a: a.user_id == self.emergency_head)
        )
        self.assertEqual(
            complaint.activity_ids.filtered(
                lambda a: a.user_id == self.officer
            ).activity_type_id,
            self.env.ref("mail.mail_activity_data_todo"),
        )
