# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .internal_common import CommsInternalCommon


@tagged("post_install", "-at_install")
class TestAnnouncement(CommsInternalCommon):
    def test_approval_before_it_goes_out(self):
        announcement = self._announcement()
        office = announcement.with_user(self.user_officer)
        with self.assertRaises(UserError):
            office.action_send()
        # an approved state is reached through the approval only
        with self.assertRaises(UserError):
            office.write({"state": "approved"})
        office.action_request_approval()
        self.assertIn(self.user_manager, announcement.review_ids.reviewer_ids)
        self.assertNotIn(self.user_officer, announcement.review_ids.reviewer_ids)
        self._review(announcement, self.user_manager)
        self.assertEqual(announcement.state, "approved")
        self.assertFalse(announcement.approval_director_required)

    def test_director_approves_what_commits_the_institution(self):
        announcement = self._announcement(commits_institution=True)
        announcement.with_user(self.user_officer).action_request_approval()
        self._review(announcement, self.user_manager)
        self.assertEqual(announcement.state, "draft")
        self._review(announcement, self.user_director)
        self.assertEqual(announcement.state, "approved")

    def test_audience_by_department_and_role(self):
        archived = mail_new_test_user(
            self.env,
            login="comms_retired",
            groups="comms_office.group_comms_user",
            name="Retired Nurse",
        )
        self.dept_pediatrics.member_ids |= archived
        archived.active = False
        # the head of pediatrics also works in surgery: one recipient only
        self.dept_surgery.member_ids |= self.user_staff
        announcement = self._announcement(
            department_ids=[(6, 0, (self.dept_pediatrics | self.dept_surgery).ids)]
        )
        users = announcement._resolve_audience()
        self.assertEqual(users, self.user_staff | self.user_nurse | self.user_surgeon)
        by_role = self._announcement(
            audience_type="role",
            department_ids=[(5,)],
            group_ids=[(6, 0, self.env.ref("comms_office.group_comms_officer").ids)],
        )
        users = by_role._resolve_audience()
        self.assertIn(self.user_officer, users)
        self.assertIn(self.user_director, users)
        self.assertNotIn(self.user_nurse, users)
        self.assertEqual(len(users), len(set(users.ids)))
        everyone = self._announcement(audience_type="everyone", department_ids=[(5,)])
        users = everyone._resolve_audience()
        self.assertIn(self.user_employee, users)
        self.assertNotIn(archived, users)
        self.assertFalse(users.filtered("share"))

    def test_no_post_in_a_channel_the_sender_cannot_reach(self):
        private = self.env["discuss.channel"].create(
            {"name": "Direction board", "channel_type": "channel"}
        )
        announcement = self._announcement()
        office = announcement.with_user(self.user_officer)
        with self.assertRaises(UserError):
            office.write({"channel_ids": [(4, private.id)]})
        self.assertNotIn(private, announcement.channel_ids)
        # a channel the officer belongs to may be added
        private._add_members(users=self.user_officer)
        office.write({"channel_ids": [(4, private.id)]})
        self.assertIn(private, announcement.channel_ids)

    def test_send_mail_discuss_board(self):
        channel = self.env["discuss.channel"].create(
            {"name": "Pediatrics", "channel_type": "channel"}
        )
        self.dept_pediatrics.channel_id = channel
        announcement = self._announcement()
        self.assertEqual(announcement.channel_ids, channel)
        self._approve_and_send(announcement)
        self.assertEqual(announcement.state, "sent")
        recipients = announcement.recipient_ids
        self.assertEqual(recipients.user_id, self.user_staff | self.user_nurse)
        self.assertEqual(set(recipients.department_id), {self.dept_pediatrics})
        # the Discuss channel got the announcement
        self.assertIn("New hand hygiene protocol", channel.message_ids[0].body)
        # a mass mailing to the recipients, queued, tracked per email
        mailing = announcement.mailing_ids
        self.assertEqual(mailing.state, "in_queue")
        self.assertEqual(mailing.mailing_model_real, "comms.announcement.recipient")
        nurse = recipients.filtered(lambda r: r.user_id == self.user_nurse)
        staff = recipients - nurse
        bodies = mailing._render_field("body_html", recipients.ids)
        self.assertIn(nurse.confirm_url, bodies[nurse.id])
        self.assertNotIn(staff.confirm_url, bodies[nurse.id])
        mailing.action_send_mail()
        self.env.flush_all()
        traces = self.env["mailing.trace"].search(
            [("mass_mailing_id", "=", mailing.id)]
        )
        self.assertEqual(set(traces.mapped("res_id")), set(recipients.ids))
        self.assertEqual(
            set(traces.mapped("email")), {"nurse@hospital.test", staff.email}
        )
        # the notice board of the nurse shows it, to confirm
        board = (
            self.env["comms.announcement"]
            .with_user(self.user_nurse)
            .search([("is_current", "=", True)])
        )
        self.assertEqual(board, announcement)
        self.assertEqual(board.my_confirmation, "todo")
        # the surgeon sees nothing of it
        self.assertFalse(
            self.env["comms.announcement"].with_user(self.user_surgeon).search([])
        )

    def test_confirmation_once_with_its_time(self):
        announcement = self._approve_and_send(self._announcement())
        as_nurse = announcement.with_user(self.user_nurse)
        with freeze_time("2026-03-10 08:30:00"):
            as_nurse.action_confirm_read()
        nurse = announcement.recipient_ids.filtered(
            lambda r: r.user_id == self.user_nurse
        )
        self.assertEqual(nurse.date_confirmed, datetime(2026, 3, 10, 8, 30))
        with freeze_time("2026-03-12 10:00:00"):
            as_nurse.action_confirm_read()
            self.assertFalse(nurse._confirm())
        nurse.invalidate_recordset()
        self.assertEqual(nurse.date_confirmed, datetime(2026, 3, 10, 8, 30))
        as_nurse.invalidate_recordset()
        self.assertEqual(as_nurse.my_confirmation, "done")
        # nobody confirms for someone else, or writes a confirmation
        staff = announcement.recipient_ids - nurse
        with self.assertRaises(AccessError):
            staff.with_user(self.user_nurse).action_confirm()
        with self.assertRaises(AccessError):
            nurse.with_user(self.user_nurse).write({"date_confirmed": False})
        with self.assertRaises(AccessError):
            nurse.with_user(self.user_officer).write({"date_confirmed": False})
        with self.assertRaises(AccessError):
            self.env["comms.announcement.recipient"].with_user(
                self.user_officer
            ).create(
                {"announcement_id": announcement.id, "user_id": self.user_surgeon.id}
            )
        counts = announcement._comms_confirmation_by_department()
        self.assertEqual(counts[self.dept_pediatrics], (2, 1))
        self.assertEqual(announcement.confirmed_count, 1)

    def test_reminder_after_the_delay(self):
        with freeze_time("2026-03-08 08:00:00"):
            announcement = self._announcement(reminder_days=2)
            self._approve_and_send(announcement)
            announcement.with_user(self.user_nurse).action_confirm_read()
        Announcement = self.env["comms.announcement"]
        with freeze_time("2026-03-09 08:00:00"):
            Announcement._cron_remind_unconfirmed()
        self.assertFalse(announcement.date_reminded)
        self.assertEqual(len(announcement.mailing_ids), 1)
        with freeze_time("2026-03-10 08:00:00"):
            Announcement._cron_remind_unconfirmed()
        self.assertEqual(announcement.date_reminded, datetime(2026, 3, 10, 8, 0))
        reminder = announcement.mailing_ids.filtered(
            lambda m: m.subject.startswith("Reminder")
        )
        self.assertEqual(len(reminder), 1)
        self.assertEqual(
            self.env["comms.announcement.recipient"]
            .search(reminder._get_recipients_domain())
            .user_id,
            self.user_staff,
        )
        # reminded once
        with freeze_time("2026-03-11 08:00:00"):
            Announcement._cron_remind_unconfirmed()
        self.assertEqual(len(announcement.mailing_ids), 2)

    def test_staff_cannot_write_or_send(self):
        announcement = self._approve_and_send(self._announcement())
        self.assertAccess(announcement, "r---", user=self.user_nurse)
        self.assertAccess(announcement, "rwc-", user=self.user_officer)
        with self.assertRaises(AccessError):
            self.env["comms.announcement"].with_user(self.user_nurse).create(
                {"name": "Fake", "audience_type": "everyone"}
            )
        with self.assertRaises(AccessError):
            announcement.with_user(self.user_nurse).action_remind()
        draft = self._announcement(name="Not yet")
        self.assertAccess(draft, "R---", user=self.user_nurse)

    def test_newsletter_content(self):
        with freeze_time("2026-02-10 09:00:00"):
            material = (
                self.env["comms.material"]
                .with_user(self.user_officer)
                .create(
                    {"name": "The new maternity ward opens", "material_type": "article"}
                )
            )
            material.with_user(self.user_officer).action_request_approval()
            self._review(material, self.user_manager)
            draft = (
                self.env["comms.material"]
                .with_user(self.user_officer)
                .create(
                    {"name": "A draft that is not ready", "material_type": "article"}
                )
            )
            sent = self._approve_and_send(self._announcement(name="Blood drive"))
        with freeze_time("2026-03-02 09:00:00"):
            newsletter = (
                self.env["comms.announcement"]
                .with_user(self.user_officer)
                .action_new_newsletter()
            )
        self.assertEqual(newsletter.kind, "newsletter")
        self.assertEqual(str(newsletter.newsletter_month), "2026-02-01")
        self.assertIn("The new maternity ward opens", newsletter.body)
        self.assertIn(sent.name, newsletter.body)
        self.assertNotIn(draft.name, newsletter.body)
        # reviewed and sent like an announcement
        self._approve_and_send(newsletter)
        self.assertEqual(newsletter.state, "sent")
        self.assertIn(self.user_surgeon, newsletter.recipient_ids.user_id)
