# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

NAME = "Nadia Confidentielle"
EMAIL = "nadia.confidentielle@example.dz"

REPLY_EMAIL = """Return-Path: <{email}>
From: {name} <{email}>
To: catchall@eph-medea.test
Subject: Re: {subject}
Date: Tue, 03 Mar 2026 12:00:00 +0100
Message-ID: <reply-privacy-{tag}@example.dz>
In-Reply-To: {parent}
References: {parent}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{name} ajoute : c'était la deuxième fois.
"""

NEW_EMAIL = """Return-Path: <{email}>
From: {name} <{email}>
To: complaints@eph-medea.test
Subject: Facturation en double
Date: Tue, 03 Mar 2026 10:00:00 +0100
Message-ID: <first-privacy-{tag}@example.dz>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Bonjour, je suis {name}, on m'a facturé deux fois la consultation.
"""


@tagged("post_install", "-at_install", "security")
class TestComplaintPrivacy(HttpCase):
    """No contact is made of a complainant, and the one who complained stays
    unknown to the staff outside the office and the department concerned."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = mail_new_test_user(
            cls.env,
            login="privacy_officer",
            groups="comms_office.group_comms_officer",
            name="Privacy Officer",
        )
        # the test fills the form faster than a person
        cls.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_min_fill_seconds", "0"
        )
        cls.user_head = mail_new_test_user(
            cls.env,
            login="privacy_head_urg",
            groups="comms_office.group_comms_user",
            name="Head of Emergency",
        )
        cls.user_head_other = mail_new_test_user(
            cls.env,
            login="privacy_head_mat",
            groups="comms_office.group_comms_user",
            name="Head of Maternity",
        )
        cls.user_employee = mail_new_test_user(
            cls.env,
            login="privacy_employee",
            groups="base.group_user,base.group_partner_manager",
            name="Plain Employee",
        )
        Department = cls.env["comms.department"]
        cls.department = Department.create(
            {"name": "Urgences", "code": "P-URG", "head_id": cls.user_head.id}
        )
        Department.create(
            {"name": "Maternité", "code": "P-MAT", "head_id": cls.user_head_other.id}
        )
        alias_domain = cls.env["mail.alias.domain"].create({"name": "eph-medea.test"})
        cls.env.company.alias_domain_id = alias_domain
        cls.env.ref("comms_office.mail_alias_complaint").write(
            {"alias_domain_id": alias_domain.id, "alias_name": "complaints"}
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_rate_limit", "50"
        )
        cls.subtype_sent = cls.env.ref("comms_office.mt_comms_complaint_sent")

    # ------------------------------------------------------------
    # tools
    # ------------------------------------------------------------

    def _csrf(self, url):
        return self._tokens(url)["csrf_token"]

    def _tokens(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return dict(
            re.findall(
                r'name="(csrf_token|form_token|submission_key)" value="([^"]+)"',
                response.text,
            )
        )

    def _file_on_the_form(self, hide_identity=False):
        data = {
            **self._tokens("/comms/complaint"),
            "kind": "complaint",
            "subject": "Facturation en double",
            "description": f"Je suis {NAME}, on m'a facturé deux fois.",
            "department_id": str(self.department.id),
            "name": NAME,
            "email": EMAIL,
            "expects_answer": "on",
            "consent": "on",
        }
        if hide_identity:
            data["hide_identity"] = "on"
        response = self.url_open(
            "/comms/complaint/submit",
            data=data,
            files={"attachments": (f"{NAME}.txt", b"Facture 2026-118", "text/plain")},
        )
        self.assertEqual(response.status_code, 200)
        return self.env["comms.complaint"].search(
            [("subject", "=", "Facturation en double")], order="id desc", limit=1
        )

    def _sent(self, complaint):
        return complaint.message_ids.filtered(
            lambda m: m.subtype_id == self.subtype_sent
        )

    def _reply_by_email(self, complaint, parent):
        return self.env["mail.thread"].message_process(
            False,
            REPLY_EMAIL.format(
                name=NAME,
                email=EMAIL,
                subject=complaint.name,
                parent=parent.message_id,
                tag=complaint.id,
            ),
        )

    def _answer(self, complaint):
        complaint = complaint.with_user(self.user_officer)
        complaint.action_investigate()
        complaint.answer = "<p>Le trop-perçu vous sera remboursé.</p>"
        complaint.action_send_answer()
        self.assertEqual(complaint.state, "answered")

    def _rate(self, complaint):
        response = self.url_open(
            f"/comms/complaint/status/{complaint.name}/rate",
            data={
                "csrf_token": self._csrf(complaint.get_portal_url()),
                "access_token": complaint.access_token,
                "satisfaction": "4",
                "comment": "Merci",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(complaint.satisfaction, "4")

    def _full_flow(self, hide_identity=False):
        """Public form → acknowledgment → reply by email → answer → rating."""
        complaint = self._file_on_the_form(hide_identity=hide_identity)
        self.assertEqual(complaint.state, "acknowledged")
        ack = self._sent(complaint)
        self.assertEqual(len(ack), 1)
        self.assertEqual(ack.outgoing_email_to, EMAIL)
        self.assertFalse(ack.partner_ids)
        # the complainant answers the acknowledgment: it threads on the complaint
        self.assertEqual(self._reply_by_email(complaint, ack), complaint.id)
        self.assertEqual(complaint.message_ids[0].message_type, "email")
        self._answer(complaint)
        self._rate(complaint)
        return complaint

    def _assert_no_contact(self, complaint):
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        self.assertFalse(Partner.search([("email", "ilike", "nadia.confidentielle")]))
        self.assertFalse(Partner.search([("name", "ilike", NAME)]))
        self.assertFalse(complaint.sudo().complainant_partner_id)
        self.assertFalse(complaint.message_partner_ids.filtered("partner_share"))

    def _assert_cannot_find(self, user, complaint):
        env = self.env(user=user)
        searches = {
            "res.partner": [
                "|",
                ("name", "ilike", "Nadia"),
                ("email", "ilike", "nadia"),
            ],
            "mail.message": [
                "|",
                "|",
                "|",
                ("body", "ilike", "Nadia"),
                ("email_from", "ilike", "nadia"),
                ("outgoing_email_to", "ilike", "nadia"),
                "&",
                ("model", "=", complaint._name),
                ("res_id", "=", complaint.id),
            ],
            "mail.followers": [
                ("res_model", "=", complaint._name),
                ("partner_id.partner_share", "=", True),
            ],
            "ir.attachment": [
                "|",
                ("name", "ilike", "Nadia"),
                "&",
                ("res_model", "=", complaint._name),
                ("res_id", "=", complaint.id),
            ],
            "mail.notification": [("mail_email_address", "ilike", "nadia")],
        }
        for model, domain in searches.items():
            with self.subTest(user=user.login, model=model):
                self.assertFalse(env[model].search(domain), model)

    # ------------------------------------------------------------
    # tests
    # ------------------------------------------------------------

    @mute_logger(
        "odoo.addons.mail.models.mail_thread", "odoo.addons.mail.models.mail_mail"
    )
    def test_full_flow_creates_no_contact(self):
        partners_before = self.env["res.partner"].sudo().search_count([])
        complaint = self._full_flow()
        self._assert_no_contact(complaint)
        self.assertEqual(
            self.env["res.partner"].sudo().search_count([]), partners_before
        )
        # both mails went to the address typed on the form, to nobody else
        sent = self._sent(complaint)
        self.assertEqual(len(sent), 2)
        mails = (
            self.env["mail.mail"].sudo().search([("mail_message_id", "in", sent.ids)])
        )
        self.assertEqual(set(mails.mapped("email_to")), {EMAIL})
        self.assertFalse(mails.recipient_ids)
        bodies = " ".join(mails.mapped("body_html"))
        self.assertIn(complaint.access_token, bodies)
        self.assertIn("remboursé", bodies)
        # the answer refers to the complainant's reply, which refers to the
        # acknowledgment: one conversation for their mailbox
        answer_mail = mails.filtered(lambda m: "remboursé" in m.body_html)
        self.assertIn(sent[-1].message_id, answer_mail.references)
        # nobody outside the office and the department finds a trace of her
        self._assert_cannot_find(self.user_employee, complaint)
        self._assert_cannot_find(self.user_head_other, complaint)
        # the office reads the whole conversation
        officer_messages = (
            self.env["mail.message"]
            .with_user(self.user_officer)
            .search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
        )
        self.assertIn("deuxième fois", " ".join(officer_messages.mapped("body")))

    @mute_logger(
        "odoo.addons.mail.models.mail_thread", "odoo.addons.mail.models.mail_mail"
    )
    def test_anonymous_to_department_in_chatter(self):
        complaint = self._full_flow(hide_identity=True)
        self._assert_no_contact(complaint)
        head = complaint.with_user(self.user_head)
        self.assertEqual(head.complainant_display, "Withheld at their request")
        messages = (
            self.env["mail.message"]
            .with_user(self.user_head)
            .search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
        )
        self.assertTrue(messages, "the department reads its notes and the tracking")
        seen = " ".join(
            str(value)
            for message in messages.read(
                ["body", "email_from", "author_id", "subject", "outgoing_email_to"]
            )
            for value in message.values()
        )
        self.assertNotIn("Nadia", seen)
        self.assertNotIn("nadia", seen)
        self.assertFalse(
            self.env["mail.followers"]
            .with_user(self.user_head)
            .search(
                [
                    ("res_model", "=", complaint._name),
                    ("partner_id.partner_share", "=", True),
                ]
            )
        )
        self.assertFalse(
            self.env["mail.notification"]
            .with_user(self.user_head)
            .search([("mail_email_address", "!=", False)])
        )

    @mute_logger(
        "odoo.addons.mail.models.mail_thread", "odoo.addons.mail.models.mail_mail"
    )
    def test_known_contact_is_no_follower(self):
        """A complainant already in the contacts stays a contact, but nothing
        on their card nor in the followers says that they complained."""
        known = self.env["res.partner"].create({"name": "Karim Connu", "email": EMAIL})
        partners_before = self.env["res.partner"].sudo().search_count([])
        complaint = self.env["comms.complaint"].browse(
            self.env["mail.thread"].message_process(
                False, NEW_EMAIL.format(name="Karim Connu", email=EMAIL, tag="known")
            )
        )
        self.assertEqual(complaint.sudo().complainant_partner_id, known)
        self.assertEqual(complaint.state, "acknowledged")
        complaint.department_id = self.department
        self.assertEqual(
            self._reply_by_email(complaint, self._sent(complaint)), complaint.id
        )
        self._answer(complaint)
        self.assertEqual(
            self.env["res.partner"].sudo().search_count([]), partners_before
        )
        self.assertNotIn(known, complaint.message_partner_ids)
        for message in self._sent(complaint):
            self.assertFalse(message.partner_ids)
            self.assertFalse(message.notification_ids.res_partner_id)
        for user in (self.user_employee, self.user_head_other, self.user_head):
            env = self.env(user=user)
            with self.subTest(user=user.login):
                self.assertFalse(
                    env["mail.message"].search(
                        [("author_id", "=", known.id), ("model", "=", complaint._name)]
                    )
                )
                self.assertFalse(
                    env["mail.followers"].search(
                        [
                            ("partner_id", "=", known.id),
                            ("res_model", "=", complaint._name),
                        ]
                    )
                )

    def test_external_followers_listed_to_the_office_only(self):
        """A contact the office adds as follower (a lawyer, a relative) is not
        listed to the staff either."""
        complaint = self.env["comms.complaint"].create(
            {
                "subject": "Suivi par un avocat",
                "description": "x",
                "department_id": self.department.id,
            }
        )
        lawyer = self.env["res.partner"].create({"name": "Maître Avocat"})
        complaint.message_subscribe(
            partner_ids=(lawyer | self.user_head.partner_id).ids
        )
        domain = [("res_model", "=", complaint._name), ("partner_id", "=", lawyer.id)]
        Followers = self.env["mail.followers"]
        self.assertTrue(Followers.with_user(self.user_officer).search(domain))
        for user in (self.user_employee, self.user_head_other, self.user_head):
            with self.subTest(user=user.login):
                self.assertFalse(Followers.with_user(user).search(domain))
        # internal followers stay listed: the department sees who handles it
        self.assertTrue(
            Followers.with_user(self.user_head_other).search(
                [
                    ("res_model", "=", complaint._name),
                    ("partner_id", "=", self.user_head.partner_id.id),
                ]
            )
        )

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_chatter_never_creates_the_complainant(self):
        """The chatter proposes no recipient and turns no address into a
        contact, whoever writes from it."""
        complaint = self._file_on_the_form().with_user(self.user_officer)
        self.assertEqual(
            complaint._message_get_suggested_recipients_batch(reply_discussion=True),
            {complaint.id: []},
        )
        found = complaint._partner_find_from_emails_single([EMAIL])
        self.assertFalse(found)
        self.assertFalse(
            self.env["res.partner"].sudo().search([("email", "ilike", "nadia")])
        )
