# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestAnnouncementConfirmLink(HttpCase):
    """The link of the email opens that recipient's confirmation, and nothing
    else; opening it does not confirm, its button does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nurse = mail_new_test_user(
            cls.env,
            login="link_nurse",
            groups="comms_office.group_comms_user",
            name="Link Nurse",
            lang="en_US",
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="link_officer",
            groups="comms_office.group_comms_officer",
            name="Link Officer",
        )
        cls.manager = mail_new_test_user(
            cls.env,
            login="link_manager",
            groups="comms_office.group_comms_manager",
            name="Link Manager",
        )
        department = cls.env["comms.department"].create(
            {"name": "Link ward", "member_ids": [(6, 0, cls.nurse.ids)]}
        )
        cls.announcement = (
            cls.env["comms.announcement"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Drill on Thursday",
                    "body": "<p>Join your post.</p>",
                    "audience_type": "department",
                    "department_ids": [(6, 0, department.ids)],
                    "is_mandatory": True,
                }
            )
        )
        cls.announcement.action_request_approval()
        cls.announcement.with_user(cls.manager)._comms_decide(True)
        cls.announcement.with_user(cls.officer).action_send()
        cls.recipient = cls.announcement.sudo().recipient_ids

    def test_link_shows_then_confirms_once(self):
        path = f"/comms/announcement/{self.recipient.id}/{self.recipient.confirm_token}"
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Drill on Thursday", response.text)
        self.assertFalse(self.recipient.date_confirmed, "opening does not confirm")
        csrf = self._csrf(response)
        response = self.url_open(path, data={"csrf_token": csrf})
        self.assertEqual(response.status_code, 200)
        self.recipient.invalidate_recordset()
        first = self.recipient.date_confirmed
        self.assertTrue(first)
        self.assertIn("your reading is confirmed", response.text)
        self.url_open(path, data={"csrf_token": csrf})
        self.recipient.invalidate_recordset()
        self.assertEqual(self.recipient.date_confirmed, first)

    def test_wrong_or_foreign_token(self):
        token = self.recipient.confirm_token
        for path in (
            f"/comms/announcement/{self.recipient.id}/not-the-token",
            f"/comms/announcement/{self.recipient.id + 1}/{token}",
            f"/comms/announcement/{self.recipient.id}/",
        ):
            self.assertEqual(self.url_open(path).status_code, 404, path)
        # the secret opens no chatter: portal's token key is another field
        self.assertNotIn("access_token", self.recipient._fields)

    def _csrf(self, response):
        marker = 'name="csrf_token" value="'
        start = response.text.index(marker) + len(marker)
        return response.text[start : response.text.index('"', start)]
