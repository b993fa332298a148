# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import mute_logger

from .complaint_common import ComplaintCommon

NEW_EMAIL = """Return-Path: <amina.test@example.dz>
From: Amina Saadi <amina.test@example.dz>
To: complaints@eph-medea.test
Subject: Accueil en radiologie
Date: Tue, 03 Mar 2026 10:00:00 +0100
Message-ID: <first-complaint-1234@example.dz>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Bonjour, le rendez-vous de radiologie a été annulé sans prévenir.
Merci de me répondre.
"""

REPLY_EMAIL = """Return-Path: <amina.test@example.dz>
From: Amina Saadi <amina.test@example.dz>
To: complaints@eph-medea.test
Subject: Re: Accueil en radiologie
Date: Tue, 03 Mar 2026 12:00:00 +0100
Message-ID: <reply-complaint-5678@example.dz>
In-Reply-To: <first-complaint-1234@example.dz>
References: <first-complaint-1234@example.dz>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

J'ajoute que c'était la deuxième fois.
"""


@tagged("post_install", "-at_install")
class TestComplaintMail(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        alias_domain = cls.env["mail.alias.domain"].create({"name": "eph-medea.test"})
        cls.company.alias_domain_id = alias_domain
        cls.alias = cls.env.ref("comms_office.mail_alias_complaint")
        cls.alias.write(
            {"alias_domain_id": alias_domain.id, "alias_name": "complaints"}
        )

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_email_creates_complaint_and_replies_thread(self):
        Complaint = self.env["comms.complaint"]
        before = Complaint.search_count([])
        thread_id = self.env["mail.thread"].message_process(False, NEW_EMAIL)
        complaint = Complaint.browse(thread_id)
        self.assertEqual(Complaint.search_count([]), before + 1)
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.subject, "Accueil en radiologie")
        self.assertIn("annulé sans prévenir", complaint.description)
        self.assertEqual(complaint.complainant_email, "amina.test@example.dz")
        self.assertEqual(complaint.complainant_name, "Amina Saadi")
        self.assertTrue(complaint.name.startswith("REC-2026-"))
        # acknowledged at once, with the reference and the secret link
        self.assertEqual(complaint.state, "acknowledged")
        ack = self.env["mail.mail"].search(
            [("model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(ack.email_to, "amina.test@example.dz")
        self.assertIn(complaint.access_token, ack.body_html)
        # the reply lands on the same complaint
        reply_id = self.env["mail.thread"].message_process(False, REPLY_EMAIL)
        self.assertEqual(reply_id, complaint.id)
        self.assertEqual(Complaint.search_count([]), before + 1)
        self.assertIn("deuxième fois", " ".join(complaint.message_ids.mapped("body")))

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_reply_after_answer_reminds_assignee(self):
        complaint = self.env["comms.complaint"].browse(
            self.env["mail.thread"].message_process(False, NEW_EMAIL)
        )
        complaint.write({"department_id": self.dept_emergency.id, "state": "answered"})
        self.env["mail.thread"].message_process(False, REPLY_EMAIL)
        self.assertEqual(
            complaint.activity_ids.filtered(
                lambda a: a.summary == "The complainant replied"
            ).user_id,
            self.user_head_emergency,
        )

    def test_alias_prefix_in_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.comms_complaint_alias_prefix, "complaints")
        settings.comms_complaint_alias_prefix = "reclamations"
        settings.execute()
        self.assertEqual(self.alias.alias_name, "reclamations")
