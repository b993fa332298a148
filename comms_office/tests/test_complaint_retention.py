# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.comms_complaint import CommsComplaint
from .complaint_common import ComplaintCommon

LOGGER = "odoo.addons.comms_office.models.comms_complaint"


@tagged("post_install", "-at_install")
class TestComplaintRetention(ComplaintCommon):
    """Law 18-07: past the retention period, nothing tells who complained."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.comms_complaint_retention_years = 5
        cls.long_ago = datetime.now() - timedelta(days=6 * 366)
        cls.lately = datetime.now() - timedelta(days=366)

    def _old(self, **values):
        return self.env["comms.complaint"].create(
            {
                "subject": "Attente de Nadia Ancienne",
                "description": "Nadia Ancienne a attendu six heures.",
                "channel": "desk",
                "complainant_name": "Nadia Ancienne",
                "complainant_email": "nadia@example.dz",
                "date_received": self.long_ago,
                **values,
            }
        )

    def _flush_tracking(self):
        """Write the tracking values, as the end of a transaction does (a
        record is only tracked once the transaction that made it is over)."""
        self.env.flush_all()
        self.env.cr.flush()

    def _run_cron(self, batch_size=100, time_left=1.0):
        """Run the job as the scheduler would, its commits recorded instead."""
        with patch.object(
            type(self.env["ir.cron"]), "_commit_progress", return_value=time_left
        ) as progress:
            self.env["comms.complaint"]._cron_anonymize(batch_size=batch_size)
        return progress

    def test_every_state_past_retention(self):
        """Never acknowledged, under investigation, answered, cancelled or
        closed: past the period after its last step, a complaint is
        anonymised; a recent step keeps it."""
        received = self._old()
        investigated = self._old(state="investigation")
        answered = self._old(state="answered", date_answered=self.long_ago)
        cancelled = self._old(state="cancel", date_closed=self.long_ago)
        closed = self._old(
            state="closed", date_answered=self.long_ago, date_closed=self.long_ago
        )
        answered_lately = self._old(state="answered", date_answered=self.lately)
        closed_lately = self._old(state="closed", date_closed=self.lately)
        recent = self.complaint_emergency
        self._run_cron()
        for complaint in received | investigated | answered | cancelled | closed:
            with self.subTest(state=complaint.state):
                self.assertTrue(complaint.anonymized)
                self.assertFalse(complaint.complainant_name)
                self.assertNotIn("Nadia", complaint.subject + complaint.description)
        for complaint in answered_lately | closed_lately | recent:
            with self.subTest(state=complaint.state):
                self.assertFalse(complaint.anonymized)
                self.assertTrue(complaint.complainant_name)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_everything_that_names_the_person_goes(self):
        """The texts of the handling, the approval's comments and rejection
        reason, the chatter with its tracking values and mails, attachments
        and activities: nothing of them is left."""
        complaint = self._old(severity="high")
        self._flush_tracking()
        complaint.action_acknowledge()
        complaint.action_investigate()
        complaint.write(
            {
                "subject": "Nadia Ancienne attend encore",
                "investigation_notes": "<p>Nadia Ancienne est connue du service.</p>",
                "answer": "<p>Madame Nadia Ancienne, nous regrettons.</p>",
                "corrective_action": "Rappeler Nadia Ancienne chaque semaine.",
            }
        )
        complaint.action_send_answer()
        self._review(
            complaint,
            self.user_manager,
            comment="Ne pas citer Nadia Ancienne.",
            approve=False,
        )
        self.assertIn("Nadia", complaint.approval_rejection_reason)
        complaint.message_post(body="Nadia Ancienne a rappelé.")
        complaint.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Rappeler Nadia Ancienne",
            user_id=self.user_officer.id,
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": "lettre-nadia.txt",
                "raw": b"Nadia Ancienne",
                "res_model": complaint._name,
                "res_id": complaint.id,
            }
        )
        self._flush_tracking()
        messages = self.env["mail.message"].search(
            [("model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        tracking = messages.tracking_value_ids
        mails = self.env["mail.mail"].search([("mail_message_id", "in", messages.ids)])
        self.assertIn("Nadia Ancienne attend encore", tracking.mapped("new_value_char"))
        self.assertTrue(mails, "the acknowledgment")
        reviews = complaint.review_ids
        self.assertIn("Nadia", " ".join(reviews.mapped("comment")))
        self._run_cron()
        self.assertTrue(complaint.anonymized)
        for field in (
            "investigation_notes",
            "answer",
            "corrective_action",
            "approval_rejection_reason",
            "access_token",
        ):
            self.assertFalse(complaint[field], field)
        self.assertFalse(messages.exists())
        self.assertFalse(tracking.exists())
        self.assertFalse(mails.exists())
        self.assertFalse(attachment.exists())
        self.assertFalse(complaint.activity_ids)
        self.assertEqual(reviews.exists(), reviews, "who approved stays")
        self.assertFalse(any(reviews.mapped("comment")))
        # what the statistics need stays
        self.assertEqual(complaint.severity, "high")
        self.assertTrue(complaint.name.startswith("REC-"))

    def test_contacts_that_are_something_else_stay(self):
        """A journalist who once complained stays a journalist; a contact
        still named by a recent complaint or by a user stays; a contact that
        stood only for the complainant goes."""
        only_complainant = self.env["res.partner"].create(
            {"name": "Nadia Ancienne", "email": "nadia@example.dz"}
        )
        still_complaining = self.env["res.partner"].create({"name": "Karim Encore"})
        journalist = self.journalist_daily
        employee = self.user_staff.partner_id
        for partner in (only_complainant, still_complaining, journalist, employee):
            self._old(complainant_partner_id=partner.id)
        self.complaint_emergency.complainant_partner_id = still_complaining
        self._run_cron()
        self.assertFalse(only_complainant.exists())
        self.assertTrue(still_complaining.exists())
        self.assertTrue(journalist.exists())
        self.assertTrue(journalist.is_media)
        self.assertIn(journalist, self.media_list.partner_ids)
        self.assertTrue(employee.exists())

    def test_batches_and_progress(self):
        """Each batch is committed with the count of those left, so that the
        scheduler runs the job again; through the scheduler, all are done."""
        complaints = self.env["comms.complaint"]
        for _index in range(5):
            complaints |= self._old()
        progress = self._run_cron(batch_size=2, time_left=0)
        self.assertEqual(len(complaints.filtered("anonymized")), 2)
        progress.assert_called_once_with(2, remaining=3)
        cron = self.env.ref("comms_office.ir_cron_complaint_anonymize")
        cron.code = "model._cron_anonymize(batch_size=2)"
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertTrue(all(complaints.mapped("anonymized")))

    def test_one_bad_record_does_not_stop_the_run(self):
        complaints = self._old() | self._old() | self._old()
        bad = complaints[1]
        anonymize = CommsComplaint._anonymize

        def fragile(records):
            anonymize(records)
            if records == bad:
                raise ValueError("broken record")

        with (
            patch.object(CommsComplaint, "_anonymize", fragile),
            self.assertLogs(LOGGER, "ERROR") as logs,
        ):
            progress = self._run_cron()
        self.assertEqual(complaints.mapped("anonymized"), [True, False, True])
        self.assertEqual(bad.complainant_name, "Nadia Ancienne", "rolled back")
        self.assertIn(f"Complaint {bad.id} could not be anonymised", logs.output[0])
        progress.assert_called_once_with(2, remaining=0)

    def test_flood_counts_are_forgotten(self):
        flood = self.env["comms.complaint.flood"]
        self.assertTrue(getattr(type(flood)._gc_fingerprints, "_autovacuum", False))
        row = flood.create(
            {
                "fingerprint": base64.b64encode(b"sender").decode(),
                "hour": datetime.now() - timedelta(days=1, hours=1),
                "count": 3,
            }
        )
        flood._gc_fingerprints()
        self.assertFalse(row.exists())
