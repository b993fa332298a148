# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users
from odoo.tools import mute_logger

from .common_media import CommsMediaCommon

NEW_EMAIL = """Return-Path: <{email_from}>
From: {email_from}
To: {to}
Subject: {subject}
Message-ID: {msg_id}
{extra}Date: Sun, 02 Mar 2025 08:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}
"""


@tagged("post_install", "-at_install")
class TestInquiry(CommsMediaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spokesperson_head = cls.env["comms.spokesperson"].create(
            {
                "user_id": cls.user_manager.id,
                "topic_ids": [(6, 0, cls.beat_health.ids)],
                "function": "Head of maternity",
            }
        )
        cls.spokesperson_backup = cls.env["comms.spokesperson"].create(
            {"partner_id": cls.citizen.id, "function": "Deputy director"}
        )
        cls.spokesperson_head.backup_id = cls.spokesperson_backup

    def _process(self, subject, msg_id, email_from, extra="", body="Bonjour"):
        raw = NEW_EMAIL.format(
            email_from=email_from,
            to=self.inquiry_alias.alias_full_name,
            subject=subject,
            msg_id=msg_id,
            extra=extra,
            body=body,
        )
        return self.env["mail.thread"].sudo().message_process(False, raw)

    @freeze_time("2025-03-02 10:00:00")
    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_inbound_email_and_reply(self):
        self.assertEqual(self.inquiry_alias.alias_full_name, "press@hopital-medea.test")
        self.company.comms_inquiry_hours = 6
        res_id = self._process(
            "Date d'ouverture de la maternité ?",
            "<q1@journal.test>",
            "Lina Journaliste <lina@journal.test>",
        )
        inquiry = self.env["comms.inquiry"].browse(res_id)
        self.assertEqual(inquiry.name, "Date d'ouverture de la maternité ?")
        self.assertEqual(inquiry.channel, "email")
        self.assertTrue(inquiry.reference.startswith("INQ/"))
        self.assertEqual(inquiry.partner_id.email, "lina@journal.test")
        self.assertEqual(inquiry.partner_id.name, "Lina Journaliste")
        # received when the server got it, sent at 08:00 by the journalist
        self.assertEqual(inquiry.date_received, datetime(2025, 3, 2, 10, 0))
        # 6 working hours from 11:00 on Sunday in Algiers: 4.5 on Sunday, the
        # last 1.5 on Monday morning
        self.assertEqual(inquiry.date_deadline, datetime(2025, 3, 3, 8, 30))
        self.assertIn(inquiry.partner_id, inquiry.message_partner_ids)
        # a reply threads on the inquiry, no new inquiry
        count = self.env["comms.inquiry"].search_count([])
        res_id = self._process(
            "Re: Date d'ouverture de la maternité ?",
            "<q2@journal.test>",
            "lina@journal.test",
            extra="In-Reply-To: <q1@journal.test>\nReferences: <q1@journal.test>\n",
            body="Et le nombre de lits ?",
        )
        self.assertEqual(res_id, inquiry.id)
        self.assertEqual(self.env["comms.inquiry"].search_count([]), count)
        self.assertIn(
            "nombre de lits", "".join(inquiry.message_ids.mapped("body")) or ""
        )
        # a known journalist is recognised, with their outlet
        res_id = self._process("Vaccination", "<q3@radio.test>", "samira@radio.test")
        inquiry = self.env["comms.inquiry"].browse(res_id)
        self.assertEqual(inquiry.partner_id, self.journalist_radio)
        self.assertEqual(inquiry.outlet_id, self.outlet_radio)

    @users("comms_officer")
    def test_routing_to_spokesperson(self):
        inquiry = self.env["comms.inquiry"].create(
            {
                "name": "Nouveaux lits",
                "partner_id": self.journalist_daily.id,
                "beat_id": self.beat_health.id,
            }
        )
        self.assertEqual(inquiry.spokesperson_id, self.spokesperson_head)
        self.assertEqual(inquiry.outlet_id, self.outlet_daily)
        self.assertEqual(inquiry.stage, "new")
        inquiry.action_assign_to_me()
        self.assertEqual(inquiry.user_id, self.user_officer)
        self.assertEqual(inquiry.stage, "in_progress")
        self.spokesperson_head.sudo().available = False
        inquiry = self.env["comms.inquiry"].create(
            {"name": "Urgences", "beat_id": self.beat_health.id}
        )
        self.assertEqual(inquiry.spokesperson_id, self.spokesperson_backup)

    @users("comms_officer")
    def test_answer(self):
        inquiry = self.env["comms.inquiry"].create(
            {"name": "Nouveaux lits", "partner_id": self.journalist_daily.id}
        )
        with self.assertRaisesRegex(UserError, "Write the answer"):
            inquiry.action_send_answer()
        inquiry.answer = "<p>La maternité compte 60 lits.</p>"
        inquiry.action_send_answer()
        self.assertEqual(inquiry.stage, "answered")
        self.assertEqual(inquiry.answer_state, "sent")
        self.assertTrue(inquiry.is_on_time)
        message = inquiry.message_ids[0]
        self.assertIn("60 lits", message.body)
        self.assertIn(self.journalist_daily, message.partner_ids)
        with self.assertRaises(UserError):
            inquiry.action_send_answer()

    @users("comms_officer")
    def test_sensitive_answer_is_approved(self):
        inquiry = self.env["comms.inquiry"].create(
            {
                "name": "Décès à la maternité",
                "partner_id": self.journalist_daily.id,
                "is_sensitive": True,
                "answer": "<p>Une enquête est ouverte.</p>",
            }
        )
        with self.assertRaisesRegex(UserError, "sensitive"):
            inquiry.action_send_answer()
        inquiry.action_request_approval()
        self.assertEqual(inquiry.validation_status, "pending")
        self._approve(inquiry, self.user_manager)
        self.assertEqual(inquiry.answer_state, "approved")
        inquiry.action_send_answer()
        self.assertEqual(inquiry.answer_state, "sent")

    @users("comms_officer")
    def test_on_time_rate(self):
        Inquiry = self.env["comms.inquiry"]
        with freeze_time("2025-03-02 08:00:00"):
            inquiries = Inquiry.create(
                [
                    {"name": f"Question {i}", "partner_id": self.journalist_daily.id}
                    for i in range(4)
                ]
            )
        # 24 working hours from 09:00 on Sunday in Algiers: 6.5 on Sunday, 7.5
        # on Monday and on Tuesday, the last 2.5 on Wednesday morning
        self.assertEqual(inquiries[0].date_deadline, datetime(2025, 3, 5, 9, 30))
        inquiries.write({"answer": "<p>Réponse</p>", "campaign_id": self.campaign.id})
        with freeze_time("2025-03-02 20:00:00"):
            inquiries[:2].action_send_answer()
        with freeze_time("2025-03-05 10:00:00"):
            inquiries[2].action_send_answer()
        # the fourth is still open, and overdue
        self.assertEqual(inquiries.mapped("is_on_time"), [True, True, False, False])
        with freeze_time("2025-03-05 10:00:00"):
            self.assertEqual(Inquiry.search([("is_overdue", "=", True)]), inquiries[3])
        rates = Inquiry._get_on_time_rates([("id", "in", inquiries.ids)], "campaign_id")
        answered, on_time, rate = rates[self.campaign]
        self.assertEqual((answered, on_time), (3, 2))
        self.assertAlmostEqual(rate, 200 / 3)
        self.env.flush_all()
        # the analysis also counts the unanswered one past its deadline as late
        ((rate, answered, late),) = self.env["comms.inquiry.report"]._read_group(
            [("inquiry_id", "in", inquiries.ids)],
            [],
            ["on_time_rate:avg", "answered_count:sum", "late_count:sum"],
        )
        self.assertEqual(answered, 3)
        self.assertEqual(late, 2)
        self.assertAlmostEqual(rate, 50.0)

    @users("comms_officer")
    def test_deadline_across_weekend(self):
        """Thursday 5 March 2026, 15:00 in Algiers: Friday and Saturday are the
        weekend."""
        self.company.sudo().comms_inquiry_hours = 6
        inquiry = self.env["comms.inquiry"].create(
            {"name": "Week-end", "date_received": datetime(2026, 3, 5, 14, 0)}
        )
        # 1.5 hours on Thursday, 4 on Sunday morning, 0.5 after lunch
        self.assertEqual(inquiry.date_deadline, datetime(2026, 3, 8, 12, 30))

    @users("comms_officer")
    def test_deadline_across_holiday(self):
        """Wednesday 31 December 2025, 15:00 in Algiers: New Year's Day
        (Thursday) is a holiday, then comes the weekend."""
        self.company.sudo().comms_inquiry_hours = 3
        inquiry = self.env["comms.inquiry"].create(
            {"name": "Fin d'année", "date_received": datetime(2025, 12, 31, 14, 0)}
        )
        # 1.5 hours on Wednesday, 1.5 on Sunday 4 January
        self.assertEqual(inquiry.date_deadline, datetime(2026, 1, 4, 8, 30))

    @freeze_time("2026-03-01 08:00:00")
    def test_deadlines_kept_when_setting_changes(self):
        """The company's delay applies to new inquiries: the deadlines already
        set, computed or typed in, stay."""
        Inquiry = self.env["comms.inquiry"].with_user(self.user_officer)
        computed = Inquiry.create({"name": "Lits"})
        with Form(Inquiry) as form:
            form.name = "Budget"
            form.date_deadline = datetime(2026, 3, 1, 15, 0)
        by_hand = form.record
        deadlines = (computed.date_deadline, by_hand.date_deadline)
        self.assertEqual(deadlines[1], datetime(2026, 3, 1, 15, 0))
        with Form(self.env["res.config.settings"].with_user(self.user_admin)) as form:
            form.comms_inquiry_hours = 48
        form.record.execute()
        self.env.invalidate_all()
        self.assertEqual((computed.date_deadline, by_hand.date_deadline), deadlines)
        # 48 working hours from 09:00 on Sunday 1 March in Algiers: 6.5 on
        # Sunday, 7.5 a day from Monday to Thursday and on Sunday 8, the last
        # 4 on Monday 9 March until noon
        self.assertEqual(
            Inquiry.create({"name": "Urgences"}).date_deadline,
            datetime(2026, 3, 9, 11, 0),
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_staff_sees_what_they_are_asked(self):
        inquiry, other = (
            self.env["comms.inquiry"]
            .with_user(self.user_officer)
            .create([{"name": "Lits"}, {"name": "Budget"}])
        )
        inquiry.activity_schedule(
            "comms_office.mail_activity_type_comms_facts",
            user_id=self.user_staff.id,
            note="Combien de lits ?",
        )
        as_staff = self.env["comms.inquiry"].with_user(self.user_staff)
        self.assertEqual(as_staff.search([]), inquiry)
        inquiry.with_user(self.user_staff).message_post(body="60 lits.")
        with self.assertRaises(AccessError):
            other.with_user(self.user_staff).read(["name"])
        with self.assertRaises(AccessError):
            inquiry.with_user(self.user_staff).write({"answer": "<p>x</p>"})
