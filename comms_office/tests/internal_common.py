# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CommsCommon


class CommsInternalCommon(CommsCommon):
    """Two departments with their staff, and an announcement helper."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_nurse = mail_new_test_user(
            cls.env,
            login="comms_nurse",
            groups="comms_office.group_comms_user",
            name="Nurse of Pediatrics",
            email="nurse@hospital.test",
            lang="ar_001",
        )
        cls.user_surgeon = mail_new_test_user(
            cls.env,
            login="comms_surgeon",
            groups="comms_office.group_comms_user",
            name="Surgeon",
            email="surgeon@hospital.test",
        )
        Department = cls.env["comms.department"]
        cls.dept_pediatrics = Department.create(
            {
                "name": "Pediatrics",
                "head_id": cls.user_staff.id,
                "member_ids": [(6, 0, (cls.user_staff | cls.user_nurse).ids)],
            }
        )
        cls.dept_surgery = Department.create(
            {"name": "Surgery", "member_ids": [(6, 0, cls.user_surgeon.ids)]}
        )
        cls.company.comms_head_id = cls.user_manager

    @classmethod
    def _announcement(cls, **values):
        vals = {
            "name": "New hand hygiene protocol",
            "body": "<p>From Monday, the new protocol applies.</p>",
            "audience_type": "department",
            "department_ids": [(6, 0, cls.dept_pediatrics.ids)],
            "is_mandatory": True,
        }
        vals.update(values)
        return cls.env["comms.announcement"].with_user(cls.user_officer).create(vals)

    def _approve_and_send(self, announcement):
        announcement.with_user(self.user_officer).action_request_approval()
        self._review(announcement, self.user_manager)
        if announcement.commits_institution:
            self._review(announcement, self.user_director)
        self.assertEqual(announcement.state, "approved")
        announcement.with_user(self.user_officer).action_send()
        return announcement
