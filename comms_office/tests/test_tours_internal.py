# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestToursInternal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_fr").active = True
        cls.env["ir.module.module"]._load_module_terms(["comms_office"], ["fr_FR"])
        cls.head = mail_new_test_user(
            cls.env,
            login="tour_dept_head",
            groups="comms_office.group_comms_user",
            name="Chef Pédiatrie",
            lang="fr_FR",
        )
        cls.nurse = mail_new_test_user(
            cls.env,
            login="tour_nurse",
            groups="comms_office.group_comms_user",
            name="Infirmière Tour",
            lang="fr_FR",
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="tour_int_officer",
            groups="comms_office.group_comms_officer",
            name="Officer Tour",
        )
        cls.manager = mail_new_test_user(
            cls.env,
            login="tour_int_head",
            groups="comms_office.group_comms_manager",
            name="Head Tour",
        )
        cls.department = cls.env["comms.department"].create(
            {
                "name": "Pédiatrie Tour",
                "head_id": cls.head.id,
                "member_ids": [(6, 0, (cls.head | cls.nurse).ids)],
            }
        )

    def test_tour_request_to_material(self):
        self.start_tour(
            "/odoo", "comms_office_request_file_tour", login="tour_dept_head"
        )
        request = self.env["comms.request"].search(
            [("name", "=", "Annoncer l'ouverture de l'hôpital de jour")]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.requester_id, self.head)
        self.assertEqual(request.department_id, self.department)
        self.assertTrue(request.date_deadline)

        self.start_tour(
            "/odoo", "comms_office_request_plan_tour", login="tour_int_officer"
        )
        self.assertEqual(request.state, "planned")
        self.assertTrue(request.material_id)
        self.assertEqual(request.material_id.name, request.name)

        self.start_tour(
            "/odoo", "comms_office_request_follow_tour", login="tour_dept_head"
        )

    def test_tour_mandatory_announcement_confirmed(self):
        announcement = (
            self.env["comms.announcement"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Protocole tour",
                    "body": "<p>Lavage des mains.</p>",
                    "audience_type": "department",
                    "department_ids": [(6, 0, self.department.ids)],
                    "is_mandatory": True,
                }
            )
        )
        announcement.action_request_approval()
        announcement.with_user(self.manager)._comms_decide(True)
        announcement.with_user(self.officer).action_send()
        self.start_tour(
            "/odoo", "comms_office_announcement_confirm_tour", login="tour_nurse"
        )
        nurse = announcement.recipient_ids.filtered(lambda r: r.user_id == self.nurse)
        self.assertTrue(nurse.date_confirmed)
        head = announcement.recipient_ids - nurse
        self.assertFalse(head.date_confirmed)
