# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .complaint_common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintDeadlines(ComplaintCommon):
    def test_reference_per_year(self):
        first = self.env["comms.complaint"].create(
            {
                "subject": "Paper 2025",
                "description": "Written in the register",
                "channel": "paper",
                "date_received": datetime(2025, 11, 3, 9, 0),
            }
        )
        self.assertTrue(first.name.startswith("REC-2025-"), first.name)
        self.assertTrue(self.complaint_emergency.name.startswith("REC-"))
        self.assertNotEqual(
            self.complaint_emergency.name, self.complaint_maternity.name
        )
        self.assertTrue(self.complaint_emergency.access_token)

    def _paper(self, received, **values):
        return self.env["comms.complaint"].create(
            {
                "subject": "Paper register",
                "description": "Entered later",
                "channel": "paper",
                "date_received": received,
                **values,
            }
        )

    def test_reference_year_in_local_time(self):
        """The register's year is the year in Algiers (UTC+1): 23:30 UTC on
        31 December is already the new year there."""
        self.assertTrue(
            self._paper(datetime(2024, 12, 31, 23, 30)).name.startswith("REC-2025-")
        )
        self.assertTrue(
            self._paper(datetime(2024, 12, 31, 22, 59)).name.startswith("REC-2024-")
        )

    def test_reference_per_company(self):
        """Each institution keeps its own register, numbered from 1."""
        other = self.env["res.company"].create({"name": "EPH Autre"})
        received = datetime(2025, 6, 1, 9, 0)
        ours = self._paper(received)
        first, second = self.env["comms.complaint"].create(
            [
                {
                    "subject": f"Paper {index}",
                    "description": "Written in the register",
                    "channel": "paper",
                    "date_received": received,
                    "company_id": other.id,
                }
                for index in range(2)
            ]
        )
        self.assertEqual(
            (first.name, second.name), ("REC-2025-00001", "REC-2025-00002")
        )
        self.assertEqual(other._comms_complaint_sequence().company_id, other)
        self.assertEqual(ours.name, "REC-2025-00001")

    def test_reference_unique_per_company(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._paper(datetime(2025, 6, 1, 9, 0), name=self.complaint_emergency.name)
            self.env.flush_all()

    @users("comms_officer")
    def test_deadline_across_weekend_and_holiday(self):
        """Wednesday 31 December 2025: New Year's Day (Thursday) is a holiday,
        Friday and Saturday are the weekend, Yennayer (12 January) is off."""
        complaint = self.env["comms.complaint"].create(
            {
                "subject": "Paper register",
                "description": "Entered later",
                "channel": "paper",
                # 10:00 in Algiers
                "date_received": datetime(2025, 12, 31, 9, 0),
            }
        )
        # Sunday 4, Monday 5, Tuesday 6 January
        self.assertEqual(complaint.date_ack_deadline, date(2026, 1, 6))
        # 5 days the week of the 4th, 4 the week of the 11th (12 off), 5, 5,
        # then Sunday 1 February is the 20th working day
        self.assertEqual(complaint.date_answer_deadline, date(2026, 2, 1))

    @users("comms_officer")
    def test_deadline_received_on_weekend(self):
        complaint = self.env["comms.complaint"].create(
            {
                "subject": "By phone",
                "description": "Friday call",
                "channel": "phone",
                "date_received": datetime(2026, 3, 6, 10, 0),  # a Friday
            }
        )
        # Sunday 8, Monday 9, Tuesday 10
        self.assertEqual(complaint.date_ack_deadline, date(2026, 3, 10))

    @users("comms_officer")
    def test_deadline_follows_settings(self):
        self.company.comms_answer_days = 1
        complaint = self.env["comms.complaint"].create(
            {
                "subject": "Quick",
                "description": "One day",
                "date_received": datetime(2026, 3, 5, 8, 0),  # Thursday
            }
        )
        self.assertEqual(complaint.date_answer_deadline, date(2026, 3, 8))

    @users("comms_officer")
    def test_overdue_activities_without_duplicates(self):
        with freeze_time("2026-03-01 08:00:00"):
            late = self.env["comms.complaint"].create(
                {
                    "subject": "Late",
                    "description": "Never acknowledged",
                    "department_id": self.dept_emergency.id,
                }
            )
            on_time = self.env["comms.complaint"].create(
                {"subject": "Fresh", "description": "Today", "channel": "desk"}
            )
        self.assertEqual(late.user_id, self.user_head_emergency)
        deadline_type = self.env.ref(
            "comms_office.mail_activity_type_complaint_deadline"
        )
        with freeze_time("2026-03-10 08:00:00"):
            self.assertTrue(late.is_overdue)
            self.assertIn(
                late, self.env["comms.complaint"].search([("is_overdue", "=", True)])
            )
            self.env["comms.complaint"].sudo()._cron_deadline_activities()
            self.env["comms.complaint"].sudo()._cron_deadline_activities()
        activities = late.activity_ids.filtered(
            lambda a: a.activity_type_id == deadline_type
        )
        self.assertEqual(
            activities.user_id, self.user_head_emergency | self.user_manager
        )
        self.assertEqual(len(activities), 2, "one each, never twice")
        self.assertIn("overdue", activities[0].summary)
        self.assertEqual(activities[0].date_deadline, late.date_ack_deadline)
        # created on the 1st, acknowledged... not: answer due in March, not soon
        self.assertFalse(
            on_time.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == deadline_type
                    and a.user_id == self.user_head_emergency
                )
            )
        )

    @users("comms_officer")
    def test_soon_due_activity(self):
        with freeze_time("2026-03-01 08:00:00"):
            complaint = self.env["comms.complaint"].create(
                {"subject": "Soon", "description": "x", "channel": "desk"}
            )
        # acknowledge by Wednesday 4 March: on Monday 2 it is due soon
        with freeze_time("2026-03-02 08:00:00"):
            self.env["comms.complaint"]._cron_deadline_activities()
        activity = complaint.activity_ids
        self.assertEqual(activity.user_id, self.user_manager)
        self.assertIn("due soon", activity.summary)

    @users("comms_officer")
    @freeze_time("2026-03-02 09:00:00")
    def test_health_safety_triage_today(self):
        complaint = self.env["comms.complaint"].create(
            {
                "subject": "Syringe on the floor",
                "description": "Corridor of the 1st floor",
                "category_id": self.cat_hygiene.id,
                "department_id": self.dept_maternity.id,
            }
        )
        self.assertTrue(complaint.health_safety)
        self.assertTrue(complaint.is_sensitive)
        self.assertEqual(complaint.priority, "1")
        triage = complaint.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("comms_office.mail_activity_type_complaint_triage")
            )
        )
        self.assertEqual(triage.user_id, self.user_head_maternity | self.user_manager)
        self.assertEqual(set(triage.mapped("date_deadline")), {date(2026, 3, 2)})


@tagged("post_install", "-at_install")
class TestComplaintFlow(ComplaintCommon):
    def _investigate(self, complaint, answer="<p>Nous avons renforcé la garde.</p>"):
        complaint.action_acknowledge()
        complaint.action_investigate()
        complaint.answer = answer
        self.assertEqual(complaint.state, "investigation")

    @users("comms_officer")
    def test_answer_not_sensitive_from_chatter(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        self._investigate(complaint)
        self.assertTrue(complaint.date_acknowledged)
        complaint.action_send_answer()
        self.assertEqual(complaint.state, "answered")
        self.assertTrue(complaint.answered_on_time)
        message = complaint.message_ids.filtered(
            lambda m: (
                m.subtype_id == self.env.ref("comms_office.mt_comms_complaint_sent")
            )
        )[0]
        self.assertFalse(message.partner_ids)
        self.assertEqual(message.outgoing_email_to, "salima@example.dz")
        self.assertIn("renforcé la garde", message.body)
        mail = (
            self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        )
        self.assertEqual(mail.email_to, "salima@example.dz")
        self.assertFalse(mail.recipient_ids)
        self.assertIn("renforcé la garde", mail.body_html)
        with self.assertRaises(UserError):
            complaint.action_close()  # outcome missing
        complaint.write({"outcome": "founded", "corrective_action": "Second doctor"})
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")

    def _approval_activities(self, complaint):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "comms.complaint"),
                ("res_id", "=", complaint.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("comms_office.mail_activity_type_comms_approval").id,
                ),
            ]
        )

    def _decide(self, complaint, user, comment, approve=True):
        self._review(complaint, user, comment, approve=approve)

    @users("comms_officer")
    def test_sensitive_answer_needs_head_approval(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        complaint.severity = "high"
        self.assertTrue(complaint.is_sensitive)
        self._investigate(complaint)
        complaint.action_send_answer()
        self.assertEqual(complaint.state, "investigation")
        self.assertEqual(complaint.validation_status, "pending")
        self.assertIn(self.user_manager, complaint.review_ids.reviewer_ids)
        activities = self._approval_activities(complaint)
        self.assertIn(self.user_manager, activities.user_id)
        self.assertNotIn(self.user_officer, activities.user_id)
        self.assertEqual(len(activities), len(activities.user_id), "one each")
        with self.assertRaises(UserError):
            complaint.action_send_answer()
        # the officer cannot approve, the head of office can
        self.assertFalse(complaint.can_review)
        self.assertTrue(complaint.with_user(self.user_manager).can_review)

        # rejected: still under investigation, the reason shown, review done
        self._decide(complaint, self.user_manager, "Too vague.", approve=False)
        self.assertEqual(complaint.validation_status, "rejected")
        self.assertEqual(complaint.state, "investigation")
        self.assertEqual(complaint.approval_rejection_reason, "Too vague.")
        self.assertFalse(self._approval_activities(complaint))
        self.assertTrue(
            self.env["mail.message"].search(
                [
                    ("model", "=", "comms.complaint"),
                    ("res_id", "=", complaint.id),
                    (
                        "mail_activity_type_id",
                        "=",
                        self.env.ref(
                            "comms_office.mail_activity_type_comms_approval"
                        ).id,
                    ),
                ]
            ),
            "the review is done, not deleted",
        )
        bodies = " ".join(complaint.message_ids.mapped("body"))
        self.assertIn("Rejected by Head of Office", bodies)
        self.assertIn("Too vague.", bodies)
        with self.assertRaises(UserError):
            complaint.action_send_answer()

        # revised and resubmitted, then approved: sent by the officer
        complaint.answer = "<p>Un second médecin assure la garde de nuit.</p>"
        complaint.action_request_approval()
        self.assertEqual(complaint.validation_status, "pending")
        self.assertIn(self.user_manager, self._approval_activities(complaint).user_id)
        self._decide(complaint, self.user_manager, "Clear now.")
        self.assertEqual(complaint.validation_status, "validated")
        self.assertEqual(complaint.state, "investigation", "not answered yet")
        self.assertFalse(complaint.approval_rejection_reason)
        self.assertTrue(complaint.approval_date)
        self.assertFalse(self._approval_activities(complaint))
        bodies = " ".join(complaint.message_ids.mapped("body"))
        self.assertIn("Approved by Head of Office", bodies)
        self.assertIn("Clear now.", bodies)
        complaint.action_send_answer()
        self.assertEqual(complaint.state, "answered")
        self.assertIn(
            "salima@example.dz",
            " ".join(filter(None, complaint.message_ids.mapped("outgoing_email_to"))),
        )
        sent = complaint.message_ids.filtered(lambda m: m.outgoing_email_to)
        self.assertIn("second médecin", sent[0].body)

    @users("comms_officer")
    def test_editing_approved_answer_asks_again(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        complaint.severity = "high"
        self._investigate(complaint)
        complaint.action_send_answer()
        self._decide(complaint, self.user_manager, "Fine.")
        self.assertEqual(complaint.validation_status, "validated")
        # what is not the answer changes freely
        complaint.outcome = "founded"
        self.assertEqual(complaint.validation_status, "validated")
        complaint.answer = "<p>Autre réponse.</p>"
        self.assertEqual(complaint.state, "investigation")
        self.assertEqual(complaint.validation_status, "pending")
        self.assertIn(self.user_manager, self._approval_activities(complaint).user_id)
        self.assertIn(
            "a new approval is requested",
            " ".join(complaint.message_ids.mapped("body")),
        )
        with self.assertRaises(UserError):
            complaint.action_send_answer()
        self._decide(complaint, self.user_manager, "Fine again.")
        complaint.action_send_answer()
        self.assertEqual(complaint.state, "answered")

    @users("comms_officer")
    def test_not_sensitive_needs_no_approval(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        self.assertFalse(complaint.is_sensitive)
        self._investigate(complaint)
        self.assertFalse(complaint.need_validation)
        complaint.action_send_answer()
        self.assertEqual(complaint.state, "answered")
        self.assertFalse(complaint.review_ids)
        self.assertFalse(self._approval_activities(complaint))

    @users("comms_officer")
    def test_cancel_ends_the_approval_round(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        complaint.severity = "high"
        self._investigate(complaint)
        complaint.action_send_answer()
        self.assertTrue(self._approval_activities(complaint))
        complaint.action_cancel()
        self.assertFalse(complaint.review_ids)
        self.assertFalse(self._approval_activities(complaint))

    @users("comms_officer")
    def test_answer_without_email_given_at_desk(self):
        complaint = self.complaint_maternity.with_user(self.env.user)
        self._investigate(complaint, "<p>Réparé.</p>")
        self.assertTrue(complaint.action_send_answer())
        self.assertEqual(complaint.state, "answered")

    @users("comms_officer")
    def test_empty_answer_refused(self):
        complaint = self.complaint_maternity.with_user(self.env.user)
        self._investigate(complaint, False)
        with self.assertRaises(UserError):
            complaint.action_send_answer()

    @users("comms_officer")
    def test_acknowledgment_mail(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        complaint.action_acknowledge()
        self.assertEqual(complaint.state, "acknowledged")
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "comms.complaint"), ("res_id", "=", complaint.id)])
        )
        self.assertEqual(mail.email_to, "salima@example.dz")
        self.assertIn(complaint.name, mail.subject)
        self.assertIn(complaint.access_token, mail.body_html)

    @freeze_time("2026-03-10 09:00:00")
    def test_anonymisation_after_retention(self):
        self.company.comms_complaint_retention_years = 5
        old, recent = self.complaint_emergency, self.complaint_maternity
        old.message_post(body="Reply from Salima", message_type="comment")
        partner = self.env["res.partner"].create(
            {"name": "Salima Test", "email": "salima@example.dz"}
        )
        old.complainant_partner_id = partner
        (old | recent).write({"state": "closed", "outcome": "founded"})
        old.write(
            {"date_received": datetime(2019, 4, 1), "date_closed": datetime(2019, 5, 2)}
        )
        recent.date_closed = datetime(2026, 3, 9, 9, 0)
        open_old = self.env["comms.complaint"].create(
            {
                "subject": "Still open",
                "description": "x",
                "complainant_name": "Open Person",
                "date_received": datetime(2018, 1, 1),
            }
        )
        with self.enter_registry_test_mode():
            self.env.ref(
                "comms_office.ir_cron_complaint_anonymize"
            ).method_direct_trigger()
        self.assertTrue(old.anonymized)
        self.assertFalse(old.complainant_name)
        self.assertFalse(old.complainant_email)
        self.assertFalse(old.complainant_phone)
        self.assertFalse(old.access_token)
        self.assertNotIn("Quatre heures", old.description)
        self.assertFalse(old.message_ids)
        self.assertFalse(partner.exists() and partner.active)
        # the statistics stay
        self.assertEqual(old.category_id, self.cat_waiting)
        self.assertEqual(old.channel, "phone")
        self.assertEqual(old.outcome, "founded")
        self.assertEqual(old.complainant_display, "Anonymised")
        self.assertFalse(recent.anonymized)
        self.assertEqual(recent.complainant_name, "Karim Test")
        # never closed, received long ago: forgotten as well
        self.assertTrue(open_old.anonymized)

    @users("comms_officer")
    def test_satisfaction_and_reopen_states(self):
        complaint = self.complaint_maternity.with_user(self.env.user)
        complaint.action_cancel()
        self.assertEqual(complaint.state, "cancel")
        complaint.action_reset()
        self.assertEqual(complaint.state, "new")
