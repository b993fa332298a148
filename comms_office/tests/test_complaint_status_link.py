# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from lxml import html

from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .complaint_common import ComplaintCommon

MUTE = (
    "odoo.http",
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_rule",
    "odoo.addons.mail.models.mail_thread",
)


@tagged("post_install", "-at_install", "security")
class TestComplaintStatusLink(HttpCase, ComplaintCommon):
    """The complainant's secret link opens the status page and the rating
    form, and nothing of Odoo's generic chatter and portal routes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls.complaint_emergency
        cls.token = cls.complaint.access_token
        # what the office and the complainant wrote to each other
        cls.email = cls.complaint.message_post(
            body="Salima: I live at 12 rue des Oliviers.",
            message_type="email",
            subtype_xmlid="mail.mt_comment",
            email_from="Salima Test <salima@example.dz>",
        )
        cls.note = cls.complaint.message_post(
            body="Internal: the night nurse was alone.",
            subtype_xmlid="mail.mt_note",
        )
        cls.document = cls.env["ir.attachment"].create(
            {
                "name": "salima-id-card.txt",
                "raw": b"ID card",
                "res_model": cls.complaint._name,
                "res_id": cls.complaint.id,
            }
        )

    def setUp(self):
        super().setUp()
        # a visitor without an account, who has the link
        self.authenticate(None, None)

    def _rpc_refused(self, route, params):
        with mute_logger(*MUTE), self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(route, params)

    def _messages(self):
        return self.env["mail.message"].search(
            [("model", "=", self.complaint._name), ("res_id", "=", self.complaint.id)]
        )

    # ------------------------------------------------------------
    # what the link opens
    # ------------------------------------------------------------

    def test_link_opens_the_status_page(self):
        response = self.url_open(self.complaint.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.complaint.name, response.text)
        # the links of Odoo's notifications lead to the same page
        response = self.url_open(
            f"/mail/view?model={self.complaint._name}&res_id={self.complaint.id}"
            f"&access_token={self.token}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"/comms/complaint/status/{self.complaint.name}", response.url)

    # ------------------------------------------------------------
    # what it does not open
    # ------------------------------------------------------------

    def test_link_posts_nothing(self):
        before = self._messages()
        for access in (
            {"token": self.token},
            # the signed hash Odoo mails to portal customers
            {
                "hash": self.complaint._sign_token(self.citizen.id),
                "pid": self.citizen.id,
            },
        ):
            with self.subTest(access=list(access)):
                self._rpc_refused(
                    "/mail/message/post",
                    {
                        "thread_model": self.complaint._name,
                        "thread_id": self.complaint.id,
                        "post_data": {"body": "Posted with the link"},
                        **access,
                    },
                )
        self.assertEqual(self._messages(), before)

    def test_link_uploads_nothing(self):
        attachments = self.env["ir.attachment"].search_count([])
        with mute_logger(*MUTE):
            response = self.url_open(
                "/mail/attachment/upload",
                data={
                    "csrf_token": Request.csrf_token(self),
                    "thread_id": self.complaint.id,
                    "thread_model": self.complaint._name,
                    "token": self.token,
                },
                files={
                    "ufile": ("upload.txt", b"uploaded with the link", "text/plain")
                },
            )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    def test_link_reads_no_chatter(self):
        self._rpc_refused(
            "/mail/chatter_fetch",
            {
                "thread_model": self.complaint._name,
                "thread_id": self.complaint.id,
                "token": self.token,
            },
        )
        # the chatter of the portal pages, and the web client's thread data
        init = self.make_jsonrpc_request(
            "/portal/chatter_init",
            {
                "thread_model": self.complaint._name,
                "thread_id": self.complaint.id,
                "token": self.token,
            },
        )
        self.assertNotIn("mail.thread", init)
        data = self.make_jsonrpc_request(
            "/mail/data",
            {
                "fetch_params": [
                    [
                        "mail.thread",
                        {
                            "thread_model": self.complaint._name,
                            "thread_id": self.complaint.id,
                            "access_params": {"token": self.token},
                            "request_list": ["attachments", "followers"],
                        },
                    ]
                ]
            },
        )
        self.assertFalse(data["mail.thread"][0]["hasReadAccess"])
        self.assertNotIn("ir.attachment", data)
        self.assertNotIn("salima-id-card", str(data))

    def test_link_reacts_to_nothing(self):
        self._rpc_refused(
            "/mail/message/reaction",
            {
                "message_id": self.email.id,
                "content": "👍",
                "action": "add",
                "token": self.token,
                "hash": self.complaint._sign_token(self.citizen.id),
                "pid": self.citizen.id,
            },
        )
        self.assertFalse(self.email.reaction_ids)

    # ------------------------------------------------------------
    # switching language on the page
    # ------------------------------------------------------------

    def _lang_links(self, html):
        return dict(re.findall(r'href="([^"]+)"\s+hreflang="([^"]+)"', html))

    def test_language_switch_keeps_the_page(self):
        self.env["res.lang"]._activate_lang("ar_001")
        self.env["res.lang"]._activate_lang("fr_FR")
        response = self.url_open(f"/fr{self.complaint.get_portal_url()}")
        self.assertEqual(response.status_code, 200)
        self.assertIn('lang="fr-FR"', response.text)
        links = {code: url for url, code in self._lang_links(response.text).items()}
        self.assertEqual(set(links), {"ar", "fr", "en"})
        for code, html_lang in (("ar", "ar-001"), ("en", "en-US"), ("fr", "fr-FR")):
            with self.subTest(lang=code):
                url = links[code].replace("&amp;", "&")
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200, url)
                self.assertIn(f'lang="{html_lang}"', response.text)
                self.assertIn(self.complaint.name, response.text)
                self.assertIn(self.complaint.subject, response.text)

    def test_language_switch_after_a_refused_form(self):
        """After a refused submission (a POST), the switch sends the form
        again in the other language: the form, with what was typed."""
        self.env["res.lang"]._activate_lang("ar_001")
        page = self.url_open("/comms/complaint")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        data = {"csrf_token": csrf, "kind": "complaint", "subject": "Attente"}
        response = self.url_open("/comms/complaint/submit", data=data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._lang_links(response.text))
        switch = html.fromstring(response.text).xpath(
            "//nav[contains(@class, 'o_comms_lang_switch')]//button[@lang='ar-001']"
        )[0]
        self.assertEqual(switch.get("name"), "switch_lang")
        response = self.url_open(
            switch.get("formaction"), data=dict(data, switch_lang=switch.get("value"))
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="subject"', response.text)
        self.assertIn('value="Attente"', response.text)
        self.assertIn('dir="rtl"', response.text)


@tagged("post_install", "-at_install", "security")
class TestComplaintTokenReadable(ComplaintCommon):
    """The secret link is the office's to give: the department concerned
    handles the complaint without ever reading it."""

    @mute_logger(
        "odoo.addons.base.models.ir_model",
        "odoo.models",
        "odoo.addons.mail.models.mail_mail",
    )
    def test_department_cannot_read_the_token(self):
        complaint = self.complaint_emergency.with_user(self.user_head_emergency)
        token = self.complaint_emergency.access_token
        self.assertTrue(token)
        complaint.check_access("read")
        with self.assertRaises(AccessError):
            complaint.read(["access_token"])
        with self.assertRaises(AccessError):
            complaint.search_read([("access_token", "=", token)], ["name"])
        with self.assertRaises(AccessError):
            complaint.get_portal_url()
        with self.assertRaises(AccessError):
            complaint._get_share_url(redirect=True)
        values = complaint.read(["access_url", "access_warning", "display_name"])[0]
        self.assertNotIn(token, str(values))
        # a field the user does not see is no field of the form either
        self.assertNotIn("access_token", complaint.fields_get())
        # the acknowledgment mailed to the complainant carries the link
        self.complaint_emergency.with_user(self.user_officer).action_acknowledge()
        self.assertIn(token, str(self.complaint_emergency.message_ids.mapped("body")))
        for field in ("message_ids", "website_message_ids"):
            with self.subTest(field=field):
                try:
                    seen = complaint.web_read(
                        {field: {"fields": {"body": {}, "subject": {}}}}
                    )
                except AccessError:
                    continue
                self.assertNotIn(token, str(seen))
        # the receipt printed for the complainant carries the link
        report = self.env.ref("comms_office.action_report_comms_complaint_receipt")
        with self.assertRaises(AccessError):
            report.with_user(self.user_head_emergency)._render_qweb_html(
                report.report_name, complaint.ids
            )

    def test_office_reads_the_token(self):
        complaint = self.complaint_emergency.with_user(self.user_officer)
        self.assertEqual(
            complaint.read(["access_token"])[0]["access_token"],
            self.complaint_emergency.access_token,
        )
        self.assertIn(self.complaint_emergency.access_token, complaint.get_portal_url())
