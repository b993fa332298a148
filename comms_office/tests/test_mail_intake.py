# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Mail as it really arrives: raw RFC 822 messages through the gateway."""

import email.policy
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from freezegun import freeze_time

from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_media import CommsMediaCommon
from .complaint_common import ComplaintCommon

ARABIC_SUBJECT = "شكوى بخصوص الاستقبال في الاستعجالات"
ARABIC_BODY = (
    "السلام عليكم،\n"
    "انتظرت أربع ساعات في قسم الاستعجالات دون أن يفحصني أي طبيب.\n"
    "أرجو الرد على شكواي.\n"
    "أمينة سعدي"
)
FRENCH_SUBJECT = "Rendez-vous de radiologie annulé"
FRENCH_BODY = (
    "Bonjour,\n"
    "Mon rendez-vous de radiologie a été annulé sans prévenir, pour la "
    "deuxième fois. Merci de me répondre.\n"
    "Amina Saadi"
)
ENGLISH_BODY = (
    "Hello,\nThe waiting time at the emergency department was four hours. "
    "Please could you tell me why?\nThank you."
)
GATEWAY_LOGGERS = (
    "odoo.addons.mail.models.mail_thread",
    "odoo.addons.comms_office.models.comms_mail_intake_mixin",
)


def build_mail(
    sender,
    to,
    subject,
    body,
    *,
    sent=None,
    msg_id=None,
    in_reply_to=None,
    headers=None,
    attachments=(),
):
    """The bytes of an email as a mail client sends it: headers with
    non-ASCII text as RFC 2047 encoded words, a UTF-8 body, attachments."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["Return-Path"] = f"<{sender.rsplit('<', 1)[-1].rstrip('>')}>"
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent or datetime.now(UTC))
    msg["Message-ID"] = msg_id or make_msgid(domain="example.dz")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    for name, value in (headers or {}).items():
        del msg[name]
        msg[name] = value
    msg.set_content(body)
    for name, content, mimetype in attachments:
        maintype, subtype = mimetype.split("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


class MailIntakeCase:
    """Feeds raw emails to the gateway as the mailgate script does."""

    def _receive(self, raw):
        return self.env["mail.thread"].sudo().message_process(False, raw)

    def _mails_to(self, record, address=None):
        domain = [("model", "=", record._name), ("res_id", "=", record.id)]
        mails = self.env["mail.mail"].sudo().search(domain)
        if address:
            mails = mails.filtered(lambda m: address in (m.email_to or ""))
        return mails


@tagged("post_install", "-at_install")
class TestComplaintMailIntake(MailIntakeCase, ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create(
            {"name": "eph-medea.test"}
        )
        cls.company.alias_domain_id = cls.alias_domain
        cls.alias = cls.env.ref("comms_office.mail_alias_complaint")
        cls.alias.write(
            {"alias_domain_id": cls.alias_domain.id, "alias_name": "complaints"}
        )
        # the institution works in French
        cls.company.partner_id.lang = "fr_FR"
        cls.lang_ar_dz = cls.env.ref("comms_office.lang_ar_dz")
        cls.lang_ar_dz.active = False
        cls.Complaint = cls.env["comms.complaint"]

    def _complaint_mail(self, subject=FRENCH_SUBJECT, body=FRENCH_BODY, **kwargs):
        kwargs.setdefault("sender", "Amina Saadi <amina.test@example.dz>")
        return build_mail(
            kwargs.pop("sender"), "complaints@eph-medea.test", subject, body, **kwargs
        )

    def _ack(self, complaint):
        ack = self._mails_to(complaint, complaint.complainant_email)
        self.assertEqual(len(ack), 1, "one acknowledgment")
        return ack

    # ------------------------------------------------------------
    # the writer's language
    # ------------------------------------------------------------

    @mute_logger(*GATEWAY_LOGGERS)
    def test_arabic_email_is_answered_in_arabic(self):
        raw = self._complaint_mail(
            ARABIC_SUBJECT,
            ARABIC_BODY,
            sender="أمينة سعدي <amina.test@example.dz>",
        )
        # as it travels: the subject is an encoded word, the body UTF-8
        self.assertIn(b"Subject: =?utf-8?", raw)
        self.assertNotIn(ARABIC_SUBJECT.encode(), raw)
        complaint = self.Complaint.browse(self._receive(raw))
        self.assertEqual(complaint.subject, ARABIC_SUBJECT)
        self.assertIn("دون أن يفحصني أي طبيب", complaint.description)
        self.assertEqual(complaint.complainant_name, "أمينة سعدي")
        self.assertEqual(complaint.lang, "ar_001")
        ack = self._ack(complaint)
        self.assertIn("استلمنا طلبكم", ack.subject)
        self.assertIn("متابعة طلبي", ack.body_html)
        self.assertIn("متابعة طلبي", ack.mail_message_id.body)
        self.assertNotIn("Follow my request", ack.body_html)
        # the Arabic written in Algeria, once the institution activates it
        self.lang_ar_dz.active = True
        complaint = self.Complaint.browse(
            self._receive(self._complaint_mail(ARABIC_SUBJECT, ARABIC_BODY))
        )
        self.assertEqual(complaint.lang, "ar_DZ")

    @mute_logger(*GATEWAY_LOGGERS)
    def test_french_email_is_answered_in_french(self):
        self.company.partner_id.lang = "ar_001"
        complaint = self.Complaint.browse(self._receive(self._complaint_mail()))
        self.assertEqual(complaint.subject, FRENCH_SUBJECT)
        self.assertEqual(complaint.lang, "fr_FR")
        ack = self._ack(complaint)
        self.assertIn("nous avons reçu votre demande", ack.subject)
        self.assertNotIn("we received your request", ack.subject)
        self.assertNotIn("Follow my request", ack.mail_message_id.body)
        # the answer follows the same language
        complaint = complaint.with_user(self.user_officer)
        complaint.write(
            {
                "state": "investigation",
                "answer": "<p>Un nouveau rendez-vous vous est proposé.</p>",
                "severity": "low",
            }
        )
        complaint.action_send_answer()
        answer = self._mails_to(complaint, complaint.complainant_email) - ack
        self.assertEqual(len(answer), 1)
        self.assertIn("réponse à votre demande", answer.subject)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_english_and_unknown_languages(self):
        complaint = self.Complaint.browse(
            self._receive(self._complaint_mail("Waiting time", ENGLISH_BODY))
        )
        self.assertEqual(complaint.lang, "en_US", "the writer wrote English")
        complaint = self.Complaint.browse(
            self._receive(self._complaint_mail("REF 2026/114", "0661 22 33 44"))
        )
        self.assertEqual(complaint.lang, "fr_FR", "the institution's language")
        self.assertIn("nous avons reçu votre demande", self._ack(complaint).subject)

    def test_desk_entry_defaults_to_the_institution_language(self):
        form = Form(
            self.Complaint.with_user(self.user_officer).with_context(lang="ar_001")
        )
        form.subject = "Accueil"
        form.description = "Plainte reçue au guichet."
        self.assertEqual(form.lang, "fr_FR")
        form.lang = "ar_001"
        self.assertEqual(form.save().lang, "ar_001", "the officer chooses")

    @mute_logger(*GATEWAY_LOGGERS)
    def test_email_with_attachment(self):
        pdf = b"%PDF-1.4 convocation de radiologie"
        complaint = self.Complaint.browse(
            self._receive(
                self._complaint_mail(
                    attachments=[("convocation.pdf", pdf, "application/pdf")]
                )
            )
        )
        self.assertEqual(complaint.subject, FRENCH_SUBJECT)
        self.assertIn("annulé sans prévenir", complaint.description)
        self.assertEqual(complaint.lang, "fr_FR")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(attachment.name, "convocation.pdf")
        self.assertEqual(attachment.raw, pdf)
        self.assertIn("nous avons reçu votre demande", self._ack(complaint).subject)

    # ------------------------------------------------------------
    # loops and backscatter
    # ------------------------------------------------------------

    @mute_logger(*GATEWAY_LOGGERS)
    def test_acknowledgment_is_marked_auto_replied(self):
        complaint = self.Complaint.browse(self._receive(self._complaint_mail()))
        headers = self._ack(complaint).headers or ""
        self.assertIn("'Auto-Submitted': 'auto-replied'", headers)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_automatic_mail_opens_nothing(self):
        cases = {
            "auto-replied": {"Auto-Submitted": "auto-replied"},
            "auto-generated": {"Auto-Submitted": "auto-generated"},
            "x-autoreply": {"X-Autoreply": "yes"},
            "x-autorespond": {"X-Autorespond": "Out of office"},
            "precedence auto_reply": {"Precedence": "auto_reply"},
            "precedence bulk": {"Precedence": "bulk"},
            "precedence junk": {"Precedence": "junk"},
            "precedence list": {"Precedence": "list"},
            "list-id": {"List-Id": "<patients.lists.example.dz>"},
            "list-unsubscribe": {"List-Unsubscribe": "<mailto:unsub@news.example.dz>"},
            "bounce": {
                "Return-Path": "<>",
                "X-Failed-Recipients": "nobody@example.dz",
            },
        }
        before = self.Complaint.search_count([])
        for name, headers in cases.items():
            with self.subTest(name):
                sender = "Amina Saadi <amina.test@example.dz>"
                if name == "bounce":
                    sender = "Mail Delivery System <postmaster@example.dz>"
                self._receive(self._complaint_mail(sender=sender, headers=headers))
                self.assertEqual(self.Complaint.search_count([]), before)
                self.assertFalse(
                    self.env["mail.mail"].search(
                        [("email_to", "ilike", sender.split("<")[1].rstrip(">"))]
                    ),
                    "no acknowledgment, no bounce",
                )
        # the institution's own addresses are not answered either
        self._receive(self._complaint_mail(sender="complaints@eph-medea.test"))
        self.assertEqual(self.Complaint.search_count([]), before)
        # a person who says so is answered
        self._receive(self._complaint_mail(headers={"Auto-Submitted": "no"}))
        self.assertEqual(self.Complaint.search_count([]), before + 1)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_delivery_report_opens_nothing(self):
        raw = (
            "From: Mail Delivery Subsystem <MAILER-DAEMON@example.dz>\r\n"
            "To: complaints@eph-medea.test\r\n"
            "Subject: Undelivered Mail Returned to Sender\r\n"
            "Message-ID: <dsn-1@example.dz>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/report; report-type=delivery-status;\r\n"
            ' boundary="B"\r\n'
            "\r\n--B\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
            "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
            "Reporting-MTA: dns; mx.example.dz\r\n\r\n"
            "Final-Recipient: rfc822; nobody@example.dz\r\nAction: failed\r\n"
            "Status: 5.1.1\r\n--B--\r\n"
        )
        before = self.Complaint.search_count([])
        self._receive(raw)
        self.assertEqual(self.Complaint.search_count([]), before)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_loop_detection_counts_complaints_of_one_address(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "mail.gateway.loop.threshold", "3"
        )
        before = self.Complaint.search_count([])
        for index in range(4):
            self._receive(self._complaint_mail(subject=f"Réclamation {index}"))
        self.assertEqual(
            self.Complaint.search_count([]), before + 3, "the fourth is a loop"
        )
        acks = self.env["mail.mail"].search(
            [("model", "=", "comms.complaint"), ("email_to", "ilike", "amina.test")]
        )
        self.assertEqual(len(acks), 3)

    # ------------------------------------------------------------
    # date of receipt
    # ------------------------------------------------------------

    @mute_logger(*GATEWAY_LOGGERS)
    def test_email_and_form_register_alike(self):
        """An email and the public form go through the same register: the
        complaint is numbered, keeps its documents and is acknowledged at
        once, with its reference."""
        by_email = self.Complaint.browse(
            self._receive(
                self._complaint_mail(
                    attachments=[("lettre.txt", b"Bonjour", "text/plain")]
                )
            )
        )
        by_form = self.Complaint.sudo()._comms_register(
            {
                "subject": FRENCH_SUBJECT,
                "description": FRENCH_BODY,
                "complainant_name": "Amina Saadi",
                "complainant_email": "amina.form@example.dz",
                "consent": True,
                "lang": "fr_FR",
                "company_id": self.company.id,
            },
            [("lettre.txt", b"Bonjour", "text/plain")],
            channel="web",
        )
        sent = self.env.ref("comms_office.mt_comms_complaint_sent")
        for complaint, channel in ((by_email, "email"), (by_form, "web")):
            with self.subTest(channel=channel):
                self.assertEqual(complaint.channel, channel)
                self.assertRegex(complaint.name, r"^REC-\d{4}-\d+$")
                self.assertEqual(complaint.state, "acknowledged")
                self.assertTrue(complaint.date_acknowledged)
                acknowledgment = complaint.message_ids.filtered(
                    lambda m: m.subtype_id == sent
                )
                self.assertEqual(len(acknowledgment), 1)
                self.assertIn(complaint.name, acknowledgment.body)
                self.assertEqual(
                    complaint.message_ids.attachment_ids.mapped("name"),
                    ["lettre.txt"],
                )

    @freeze_time("2026-03-10 09:00:00")
    @mute_logger(*GATEWAY_LOGGERS)
    def test_date_received_is_the_receipt_time(self):
        backdated = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
        complaint = self.Complaint.browse(
            self._receive(self._complaint_mail(sent=backdated))
        )
        self.assertEqual(complaint.date_received, datetime(2026, 3, 10, 9, 0))
        january = self.env["comms.complaint.register.report"]._get_register_data(
            date(2026, 1, 1), date(2026, 1, 31)
        )
        self.assertEqual(january["total"], 0, "January's register is closed")

    # ------------------------------------------------------------
    # size limits
    # ------------------------------------------------------------

    @mute_logger(*GATEWAY_LOGGERS)
    def test_size_limits(self):
        set_param = self.env["ir.config_parameter"].sudo().set_param
        set_param("comms_office.mail_max_text_chars", "500")
        set_param("comms_office.mail_max_attachment_size", "2000")
        set_param("comms_office.mail_max_attachments", "2")
        small = b"%PDF-1.4 " + b"x" * 400
        raw = self._complaint_mail(
            body=FRENCH_BODY + "\n" + "Détails. " * 300,
            attachments=[
                ("petit1.pdf", small, "application/pdf"),
                ("gros.pdf", b"%PDF-1.4 " + b"x" * 5000, "application/pdf"),
                ("petit2.pdf", small, "application/pdf"),
                ("petit3.pdf", small, "application/pdf"),
            ],
        )
        complaint = self.Complaint.browse(self._receive(raw))
        self.assertTrue(complaint, "the complaint is still registered")
        self.assertLessEqual(len(complaint.description), 500)
        self.assertIn("annulé sans prévenir", complaint.description)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(
            sorted(attachments.mapped("name")), ["petit1.pdf", "petit2.pdf"]
        )
        # the office reads what was left out and why
        note = complaint.message_ids.filtered(
            lambda m: (
                m.subtype_id == self.env.ref("mail.mt_note") and "gros.pdf" in m.body
            )
        )
        self.assertEqual(len(note), 1)
        self.assertIn("petit3.pdf", note.body)
        self.assertIn("500", note.body)
        # and so does the complainant
        self.assertIn("gros.pdf", self._ack(complaint).body_html)

    # ------------------------------------------------------------
    # replies
    # ------------------------------------------------------------

    @mute_logger(*GATEWAY_LOGGERS)
    def test_reply_threads_and_reminds_the_head_of_office(self):
        complaint = self.Complaint.browse(self._receive(self._complaint_mail()))
        self.assertFalse(complaint.user_id)
        ack = self._ack(complaint)
        replied = complaint.activity_ids.filtered(
            lambda a: a.user_id == self.user_manager
        )
        self.assertFalse(replied)
        # an out-of-office answer to the acknowledgment reminds nobody
        thread_id = self._receive(
            self._complaint_mail(
                subject=f"Réponse automatique : {ack.subject}",
                body="Je suis absente jusqu'au 20 mars.",
                in_reply_to=ack.message_id,
                headers={"Auto-Submitted": "auto-replied"},
            )
        )
        self.assertEqual(thread_id, complaint.id)
        self.assertFalse(complaint.activity_ids - replied)
        # the complainant's own reply, with no officer assigned
        count = self.Complaint.search_count([])
        thread_id = self._receive(
            self._complaint_mail(
                subject=f"Re: {ack.subject}",
                body="J'ajoute que c'était la deuxième fois.",
                in_reply_to=ack.message_id,
            )
        )
        self.assertEqual(thread_id, complaint.id)
        self.assertEqual(self.Complaint.search_count([]), count)
        self.assertEqual(len(self._mails_to(complaint, "amina.test")), 1, "no new ack")
        self.assertIn("deuxième fois", " ".join(complaint.message_ids.mapped("body")))
        activity = complaint.activity_ids.filtered(
            lambda a: a.user_id == self.user_manager
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.summary, "The complainant replied")


@tagged("post_install", "-at_install")
class TestInquiryMailIntake(MailIntakeCase, CommsMediaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.lang = "fr_FR"
        cls.env.ref("comms_office.lang_ar_dz").active = False
        cls.Inquiry = cls.env["comms.inquiry"]

    def _inquiry_mail(self, subject, body, sender="lina@journal.test", **kwargs):
        return build_mail(sender, "press@hopital-medea.test", subject, body, **kwargs)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_arabic_inquiry_is_answered_in_arabic(self):
        # a journalist whose contact says French, writing in Arabic
        self.journalist_daily.lang = "fr_FR"
        raw = self._inquiry_mail(
            "سؤال حول افتتاح مصلحة الولادة",
            "السلام عليكم، متى تفتح مصلحة الولادة الجديدة؟ وكم عدد الأسرة فيها؟",
            sender="Omar Quotidien <omar@quotidien.test>",
        )
        inquiry = self.Inquiry.browse(self._receive(raw))
        self.assertEqual(inquiry.name, "سؤال حول افتتاح مصلحة الولادة")
        self.assertEqual(inquiry.partner_id, self.journalist_daily)
        self.assertEqual(inquiry.lang, "ar_001")
        inquiry = inquiry.with_user(self.user_officer)
        inquiry.answer = "<p>تفتح المصلحة يوم 15 مارس.</p>"
        inquiry.action_send_answer()
        answer = self._mails_to(inquiry).filtered(
            lambda m: self.journalist_daily in m.recipient_ids
        )
        self.assertEqual(len(answer), 1)
        self.assertTrue(answer.subject.startswith("رد:"))
        # the layout too, whatever the journalist's contact says
        self.assertIn('lang="ar_001"', answer.body_html)

    @mute_logger(*GATEWAY_LOGGERS)
    def test_new_journalist_writing_french(self):
        inquiry = self.Inquiry.browse(
            self._receive(
                self._inquiry_mail(
                    "Ouverture de la maternité",
                    "Bonjour, pouvez-vous me dire quand la maternité ouvre ? Merci.",
                    sender="Lina Journaliste <lina@journal.test>",
                )
            )
        )
        self.assertEqual(inquiry.lang, "fr_FR")
        self.assertEqual(inquiry.partner_id.lang, "fr_FR")

    @mute_logger(*GATEWAY_LOGGERS)
    def test_automatic_mail_opens_no_inquiry(self):
        before = self.Inquiry.search_count([])
        for headers in (
            {"Auto-Submitted": "auto-replied"},
            {"Precedence": "bulk", "List-Unsubscribe": "<mailto:u@news.test>"},
        ):
            self._receive(
                self._inquiry_mail(
                    "Absent du bureau", "Bonjour, je suis absent.", headers=headers
                )
            )
        self.assertEqual(self.Inquiry.search_count([]), before)

    @freeze_time("2026-03-10 09:00:00")
    @mute_logger(*GATEWAY_LOGGERS)
    def test_date_received_and_size_limits(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.mail_max_attachment_size", "1000"
        )
        inquiry = self.Inquiry.browse(
            self._receive(
                self._inquiry_mail(
                    "Chiffres de la vaccination",
                    "Bonjour, je voudrais les chiffres de la campagne.",
                    sent=datetime(2026, 2, 1, 8, 0, tzinfo=UTC),
                    attachments=[
                        ("dossier.zip", b"PK" + b"x" * 3000, "application/zip")
                    ],
                )
            )
        )
        self.assertEqual(inquiry.date_received, datetime(2026, 3, 10, 9, 0))
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", inquiry._name), ("res_id", "=", inquiry.id)]
            )
        )
        self.assertIn("dossier.zip", " ".join(inquiry.message_ids.mapped("body")))
