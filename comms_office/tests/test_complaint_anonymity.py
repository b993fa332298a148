# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .complaint_common import ComplaintCommon

MUTE = (
    "odoo.http",
    "odoo.models",
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.addons.base.models.ir_attachment",
)
NAME = "Karim Test"
EMAIL = "karim.secret@example.dz"
PHONE = "0770123456"
ADDRESS = "12 rue des Oliviers, Médéa"
# a 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install", "security")
class TestComplaintAnonymity(HttpCase, ComplaintCommon):
    """A complainant who asked to stay anonymous to the department concerned
    stays unknown to its head: identity, documents, emails, notifications."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls.complaint_maternity
        cls.complaint.write(
            {
                "complainant_email": EMAIL,
                "complainant_phone": PHONE,
                "complainant_address": ADDRESS,
            }
        )
        cls.head = cls.user_head_maternity
        # a head who exports lists, and follows the complaints of the unit
        cls.head.group_ids |= cls.env.ref("base.group_allow_export")
        cls.complaint.message_subscribe(
            partner_ids=(cls.user_officer | cls.head).partner_id.ids
        )
        # the documents sent with the web form, on the office's note
        cls.document, cls.photo = cls.env["ir.attachment"].create(
            [
                {
                    "name": f"{NAME} - identity card.txt",
                    "raw": b"Karim Test, born 1980",
                    "res_model": cls.complaint._name,
                    "res_id": cls.complaint.id,
                },
                {
                    "name": "photo-karim.png",
                    "raw": PNG,
                    "res_model": cls.complaint._name,
                    "res_id": cls.complaint.id,
                },
            ]
        )
        cls.complaint.message_post(
            body="Documents attached to the web form.",
            attachment_ids=(cls.document | cls.photo).ids,
            subtype_xmlid="mail.mt_note",
        )
        # an email of the complainant, with a scan
        cls.email = cls.complaint.message_post(
            body=f"<p>Please call me.</p><p>-- <br/>{NAME}<br/>{PHONE}</p>",
            message_type="email",
            subtype_xmlid="mail.mt_comment",
            email_from=f"{NAME} <{EMAIL}>",
            attachments=[("scan-karim.txt", b"scanned letter")],
        )
        cls.scan = cls.email.attachment_ids
        # the head's own document stays the head's
        cls.head_document = (
            cls.env["ir.attachment"]
            .with_user(cls.head)
            .create(
                {
                    "name": "rota-maternity.txt",
                    "raw": b"night rota",
                    "res_model": cls.complaint._name,
                    "res_id": cls.complaint.id,
                }
            )
        )

    def _as_head(self, record):
        return record.with_user(self.head)

    def _seen(self, data):
        return json.dumps(data, default=str)

    def _assert_nothing_of_them(self, text):
        for secret in (NAME, "Karim", "karim", EMAIL, PHONE, "Oliviers"):
            self.assertNotIn(secret, text)

    def _refused_or_blank(self, read):
        """Either the read is refused, or it shows nothing of them."""
        try:
            seen = read()
        except AccessError:
            return
        self._assert_nothing_of_them(self._seen(seen))

    # ------------------------------------------------------------
    # identity
    # ------------------------------------------------------------

    @mute_logger(*MUTE)
    def test_identity_withheld_by_rpc(self):
        complaint = self._as_head(self.complaint)
        Complaint = complaint.browse()
        self.assertEqual(complaint.complainant_display, "Withheld at their request")
        for field in Complaint._comms_identity_fields:
            with self.subTest(field=field):
                with self.assertRaises(AccessError):
                    complaint.read([field])
                with self.assertRaises(AccessError):
                    Complaint.search([(field, "ilike", "k")])
                with self.assertRaises(AccessError):
                    Complaint.search([], order=field)
                with self.assertRaises(AccessError):
                    Complaint.formatted_read_group([], [field])
                with self.assertRaises(AccessError):
                    complaint.export_data([field])
                with self.assertRaises(AccessError):
                    Complaint.formatted_read_group(
                        [], ["subject"], [f"{field}:array_agg"]
                    )
        seen = self._seen(
            complaint.read(["display_name", "complainant_display", "subject"])
            + complaint.export_data(["display_name", "complainant_display"])["datas"]
            + complaint.name_search(NAME)
            + Complaint.search_read([("display_name", "ilike", "Karim")], ["name"])
        )
        self._assert_nothing_of_them(seen)
        # the office still knows
        self.assertEqual(
            self.complaint.with_user(self.user_officer).complainant_display, NAME
        )

    # ------------------------------------------------------------
    # documents
    # ------------------------------------------------------------

    @mute_logger(*MUTE)
    def test_documents_withheld_by_rpc(self):
        Attachment = self.env["ir.attachment"].with_user(self.head)
        on_complaint = [
            ("res_model", "=", self.complaint._name),
            ("res_id", "=", self.complaint.id),
        ]
        self.assertEqual(Attachment.search(on_complaint), self.head_document)
        self.assertFalse(Attachment.search([("name", "ilike", "karim")]))
        theirs = self.document | self.photo | self.scan
        self.assertFalse(Attachment.search([("id", "in", theirs.ids)]))
        self._assert_nothing_of_them(
            self._seen(Attachment.formatted_read_group(on_complaint, ["name"]))
        )
        for document in theirs:
            with self.subTest(document=document.name):
                with self.assertRaises(AccessError):
                    self._as_head(document).read(["name", "datas"])
                with self.assertRaises(AccessError):
                    self._as_head(document).write({"name": "renamed"})
        # through the messages the head reads
        notes = (
            self.env["mail.message"]
            .with_user(self.head)
            .search([("model", "=", self.complaint._name)])
        )
        self.assertTrue(notes)
        self._refused_or_blank(
            lambda: notes.web_read(
                {"attachment_ids": {"fields": {"name": {}, "raw": {}}}, "body": {}}
            )
        )
        self._refused_or_blank(
            lambda: self._as_head(self.complaint).export_data(
                ["message_ids/attachment_ids/name", "message_ids/body"]
            )
        )
        # the office reads them all, the department its own ones
        self.assertEqual(
            self.env["ir.attachment"].with_user(self.user_officer).search(on_complaint),
            theirs | self.head_document,
        )
        self._as_head(self.head_document).read(["name", "datas"])

    def test_documents_of_other_complaints_stay_readable(self):
        """Complainants who did not ask it are known to the department, and
        so are their documents."""
        document = self.env["ir.attachment"].create(
            {
                "name": "waiting-ticket.txt",
                "raw": b"ticket 42",
                "res_model": self.complaint_emergency._name,
                "res_id": self.complaint_emergency.id,
            }
        )
        document.with_user(self.user_head_emergency).read(["name", "datas"])

    @mute_logger(*MUTE)
    def test_documents_withheld_over_http(self):
        self.authenticate(self.head.login, self.head.login)
        for url in (
            f"/web/content/{self.document.id}",
            f"/web/content/{self.scan.id}?download=true",
            f"/web/content/ir.attachment/{self.document.id}/raw",
            f"/web/image/{self.photo.id}",
            f"/web/image/ir.attachment/{self.photo.id}/raw/64x64",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertNotIn(b"Karim", response.content)
                self.assertNotIn(b"scanned letter", response.content)
                # at most the placeholder of an image one may not see
                self.assertTrue(
                    response.status_code != 200
                    or "placeholder" in response.headers["Content-Disposition"],
                    response.headers,
                )
        # the chatter lists neither them nor a token to download them
        thread = {"thread_model": self.complaint._name, "thread_id": self.complaint.id}
        messages = self.make_jsonrpc_request("/mail/thread/messages", thread)
        self.assertIn("Documents attached to the web form.", self._seen(messages))
        data = self.make_jsonrpc_request(
            "/mail/data",
            {
                "fetch_params": [
                    [
                        "mail.thread",
                        {**thread, "request_list": ["attachments", "followers"]},
                    ]
                ]
            },
        )
        for seen in (self._seen(messages), self._seen(data)):
            self._assert_nothing_of_them(seen)
            self.assertNotIn("identity card", seen)
            for document in self.document | self.photo | self.scan:
                self.assertNotIn(document._get_raw_access_token(), seen)
        self.assertIn("rota-maternity", self._seen(data))
        response = self.url_open(f"/web/content/{self.head_document.id}")
        self.assertEqual(response.status_code, 200)

    # ------------------------------------------------------------
    # emails and notifications
    # ------------------------------------------------------------

    @mute_logger(*MUTE)
    def test_emails_withheld(self):
        with self.assertRaises(AccessError):
            self._as_head(self.email).read(["body", "email_from"])
        Message = self.env["mail.message"].with_user(self.head)
        self.assertFalse(
            Message.search(
                [
                    "|",
                    "|",
                    ("email_from", "ilike", "karim"),
                    ("body", "ilike", PHONE),
                    ("author_id.name", "ilike", "karim"),
                ]
            )
        )
        self.authenticate(self.head.login, self.head.login)
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": self.complaint._name, "thread_id": self.complaint.id},
        )
        self.assertNotIn(self.email.id, messages["messages"])
        self._assert_nothing_of_them(self._seen(messages))

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_no_notification_of_their_emails(self):
        """The head follows the complaint, and is not told what the
        complainant wrote, nor from which address."""
        self.assertIn(self.head.partner_id, self.complaint.message_partner_ids)
        reply = self.complaint.with_user(self.env.ref("base.user_root")).message_post(
            body=f"<p>One more thing.</p><p>{NAME}, {ADDRESS}</p>",
            message_type="email",
            subtype_xmlid="mail.mt_comment",
            email_from=f"{NAME} <{EMAIL}>",
            author_id=False,
        )
        notified = reply.notification_ids.res_partner_id
        self.assertNotIn(self.head.partner_id, notified)
        mails = self.env["mail.mail"].search([("mail_message_id", "=", reply.id)])
        self.assertNotIn(self.head.partner_id, mails.recipient_ids)
        self.assertNotIn(
            self.head.partner_id.email, " ".join(filter(None, mails.mapped("email_to")))
        )
        # the office is told
        self.assertIn(self.user_officer.partner_id, notified)
        # and the department still hears of the office's internal notes
        note = self.complaint.with_user(self.user_officer).message_post(
            body="Please check the night rota.",
            subtype_xmlid="mail.mt_note",
            partner_ids=self.head.partner_id.ids,
        )
        self.assertIn(self.head.partner_id, note.notification_ids.res_partner_id)
