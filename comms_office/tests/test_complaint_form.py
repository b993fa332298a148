# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import re
from datetime import datetime, timedelta
from unittest.mock import patch
from urllib.parse import urlparse

from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import config, mute_logger

from odoo.addons.mail.models.mail_template import MailTemplate

from ..controllers.complaint import FORM_OVERHEAD

# a 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestComplaintForm(HttpCase):
    """The public form, over HTTP, as a visitor without an account."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["comms.department"].create(
            {"name": "Urgences", "code": "F-URG"}
        )
        cls.category = cls.env.ref("comms_office.comms_complaint_category_waiting")
        cls.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_rate_limit", "20"
        )
        # the tests fill the form faster than a person
        cls.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_min_fill_seconds", "0"
        )

    def setUp(self):
        super().setUp()
        self.Complaint = self.env["comms.complaint"]
        self.count_before = self.Complaint.search_count([])

    def _tokens(self, url="/comms/complaint", headers=None):
        response = self.url_open(url, headers=headers)
        self.assertEqual(response.status_code, 200)
        return self._tokens_in(response.text)

    def _tokens_in(self, html):
        return dict(
            re.findall(
                r'name="(csrf_token|form_token|submission_key)" value="([^"]+)"', html
            )
        )

    def _post(self, files=None, headers=None, **overrides):
        data = {
            **self._tokens(headers=headers),
            "kind": "complaint",
            "subject": "Attente aux urgences",
            "description": "Quatre heures sans être vu par un médecin.",
            "department_id": str(self.department.id),
            "category_id": str(self.category.id),
            "date_facts": "2026-01-04",
            "name": "Samia Visiteur",
            "email": "samia.visiteur@example.dz",
            "phone": "",
            "expects_answer": "on",
            "consent": "on",
        }
        data.update(overrides)
        data = {key: value for key, value in data.items() if value is not None}
        return self.url_open(
            "/comms/complaint/submit",
            data=data,
            files=files,
            headers=headers,
            allow_redirects=True,
        )

    def _post_from(self, address, **overrides):
        """Post as a visitor at ``address`` behind the reverse proxy."""
        headers = {
            "X-Forwarded-For": address,
            "X-Forwarded-Host": urlparse(self.base_url()).netloc,
        }
        with patch.dict(config.options, {"proxy_mode": True}):
            return self._post(headers=headers, **overrides)

    def _new_complaints(self):
        return self.Complaint.search([], order="id desc", limit=5).filtered(
            lambda c: c.subject and c.channel == "web"
        )[: self.Complaint.search_count([]) - self.count_before]

    # ------------------------------------------------------------
    # the form
    # ------------------------------------------------------------

    def test_form_renders_for_the_public(self):
        response = self.url_open("/comms/complaint")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="subject"', response.text)
        self.assertIn("Urgences", response.text)
        self.assertIn('name="viewport"', response.text)
        self.assertIn("o_comms_lang_switch", response.text)

    def test_form_in_arabic_is_right_to_left(self):
        self.env["res.lang"]._activate_lang("ar_001")
        self.env["res.lang"]._activate_lang("fr_FR")
        response = self.url_open("/ar/comms/complaint")
        self.assertEqual(response.status_code, 200)
        self.assertIn('dir="rtl"', response.text)
        self.assertIn('lang="ar-001"', response.text)
        response = self.url_open("/fr/comms/complaint")
        self.assertIn('dir="ltr"', response.text)
        self.assertIn('lang="fr-FR"', response.text)
        # the form's language buttons send it to its Arabic address
        self.assertIn('formaction="/ar/comms/complaint/submit"', response.text)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_valid_submission(self):
        response = self._post(files={"attachments": ("photo.png", PNG, "image/png")})
        self.assertEqual(response.status_code, 200)
        complaint = self._new_complaints()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.channel, "web")
        self.assertEqual(complaint.department_id, self.department)
        self.assertEqual(complaint.complainant_email, "samia.visiteur@example.dz")
        self.assertEqual(complaint.state, "acknowledged")
        self.assertTrue(complaint.consent)
        # the confirmation shows the reference and the secret link
        self.assertIn(complaint.name, response.text)
        self.assertIn(complaint.access_token, response.text)
        self.assertIn('id="complaint_confirmation"', response.text)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(attachment.name, "photo.png")
        ack = self.env["mail.mail"].search(
            [("model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(ack.email_to, "samia.visiteur@example.dz")

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_submission_takes_the_page_language(self):
        self.env["res.lang"]._activate_lang("ar_001")
        self.env["res.lang"]._activate_lang("fr_FR")
        for prefix, lang, acknowledged in (
            ("/ar", "ar_001", "استلمنا طلبكم"),
            ("/fr", "fr_FR", "nous avons reçu votre demande"),
        ):
            with self.subTest(lang=lang):
                data = {
                    **self._tokens(f"{prefix}/comms/complaint"),
                    "kind": "complaint",
                    "subject": "Attente",
                    "description": "Quatre heures.",
                    "name": "Samia Visiteur",
                    "email": "samia.visiteur@example.dz",
                    "expects_answer": "on",
                    "consent": "on",
                }
                response = self.url_open(f"{prefix}/comms/complaint/submit", data=data)
                self.assertEqual(response.status_code, 200)
                complaint = self.Complaint.search([], order="id desc", limit=1)
                self.assertEqual(complaint.lang, lang)
                ack = self.env["mail.mail"].search(
                    [("model", "=", complaint._name), ("res_id", "=", complaint.id)]
                )
                self.assertIn(acknowledged, ack.subject)

    def test_suggestion_without_contact(self):
        response = self._post(
            kind="suggestion", name="", email="", consent=None, expects_answer=None
        )
        self.assertEqual(response.status_code, 200)
        complaint = self._new_complaints()
        self.assertEqual(complaint.kind, "suggestion")
        self.assertFalse(complaint.complainant_name)
        self.assertEqual(complaint.state, "new")

    def test_each_missing_field(self):
        cases = {
            "subject": {"subject": ""},
            "description": {"description": "   "},
            "name": {"name": ""},
            "contact": {"email": "", "phone": ""},
            "consent": {"consent": None},
            "kind": {"kind": None},
        }
        for field, overrides in cases.items():
            with self.subTest(field=field):
                response = self._post(**overrides)
                self.assertEqual(response.status_code, 400)
                self.assertIn(f'id="error_{field}"', response.text)
                # what was typed is kept
                if field != "description":
                    self.assertIn("Quatre heures sans être vu", response.text)
                if field != "subject":
                    self.assertIn('value="Attente aux urgences"', response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)

    def test_invalid_values(self):
        for overrides, field in (
            ({"email": "not-an-email"}, "email"),
            ({"department_id": "999999"}, "department_id"),
            ({"date_facts": "2999-01-01"}, "date_facts"),
        ):
            with self.subTest(field=field):
                response = self._post(**overrides)
                self.assertEqual(response.status_code, 400)
                self.assertIn(f'id="error_{field}"', response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)

    def test_ids_from_the_client(self):
        """Whatever the client sends for a department or a category, the form
        comes back with the text and a message at the field, never a server
        error: only what the form listed can be chosen."""
        other_company = self.env["res.company"].create({"name": "Autre EPH"})
        Department = self.env["comms.department"]
        foreign = Department.create(
            {"name": "Ailleurs", "code": "F-OUT", "company_id": other_company.id}
        )
        archived = Department.create(
            {"name": "Fermé", "code": "F-OLD", "active": False}
        )
        old_category = self.env["comms.complaint.category"].create(
            {"name": "Ancienne catégorie", "active": False}
        )
        for field, value in (
            ("department_id", "99999999999999999999"),
            ("department_id", "2147483648"),
            ("department_id", "-1"),
            ("department_id", "abc"),
            ("department_id", "١٢"),
            ("department_id", str(foreign.id)),
            ("department_id", str(archived.id)),
            ("category_id", "99999999999999999999"),
            ("category_id", "-5"),
            ("category_id", "1e3"),
            ("category_id", str(old_category.id)),
        ):
            with self.subTest(field=field, value=value):
                response = self._post(**{field: value})
                self.assertEqual(response.status_code, 400)
                self.assertIn(f'id="error_{field}"', response.text)
                self.assertIn('value="Attente aux urgences"', response.text)
                self.assertIn("Quatre heures sans être vu", response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_text_the_database_refuses(self):
        """A NUL character is dropped; a file sent for a text field counts as
        nothing: the person gets the form back, not a server error."""
        response = self._post(
            files={
                "department_id": ("id.txt", b"1", "text/plain"),
                "subject": ("subject.txt", b"x", "text/plain"),
            },
            subject=None,
            department_id=None,
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="error_subject"', response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)
        response = self._post(subject="Attente\x00 aux urgences")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._new_complaints().subject, "Attente aux urgences")

    def test_oversized_body_and_file(self):
        response = self._post(description="x" * 5001)
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="error_description"', response.text)
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_max_file_size", "1000"
        )
        big = PNG + b"\0" * 2000
        response = self._post(files={"attachments": ("big.png", big, "image/png")})
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="error_attachments"', response.text)
        self.assertIn("big.png", response.text)
        response = self._post(
            files={
                "attachments": ("page.html", b"<html><script></script>", "text/html")
            }
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="error_attachments"', response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)

    def test_too_large_request_refused_before_reading(self):
        """A body larger than the form may send is refused from its announced
        size, before it is parsed, with a page that says what to do."""
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_max_file_size", "1000"
        )
        big = PNG + b"\0" * (FORM_OVERHEAD + 5000)
        with patch.object(
            Request,
            "get_http_params",
            autospec=True,
            side_effect=Request.get_http_params,
        ) as parse:
            response = self.url_open(
                "/comms/complaint/submit",
                data={"csrf_token": "unused", "subject": "Attente"},
                files={"attachments": ("big.png", big, "image/png")},
            )
        self.assertEqual(response.status_code, 413)
        self.assertIn('id="complaint_too_large"', response.text)
        self.assertIn('href="/comms/complaint"', response.text)
        parse.assert_not_called()
        self.assertEqual(self.Complaint.search_count([]), self.count_before)
        # a body within the limit is read and answered at the field
        response = self._post(
            files={"attachments": ("big.png", big[:5000], "image/png")}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="error_attachments"', response.text)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_script_injection_stored_as_text(self):
        payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        response = self._post(subject=payload, description=payload)
        self.assertEqual(response.status_code, 200)
        complaint = self._new_complaints()
        self.assertEqual(complaint.description, payload)
        self.assertEqual(complaint.subject, payload)
        self.assertNotIn("<script>alert", response.text)
        self.assertNotIn("<img src=x", response.text)
        self.assertIn("&lt;script&gt;", response.text)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_hidden_field_filled_gives_the_form_back(self):
        """A browser that fills the hidden field by itself: the person is told
        and keeps their text, nothing is registered until they send again."""
        response = self._post(website_url="http://autofill.example")
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="complaint_errors"', response.text)
        self.assertIn("automatic filling", response.text)
        self.assertIn('value="Attente aux urgences"', response.text)
        self.assertIn("Quatre heures sans être vu", response.text)
        self.assertIn('value="samia.visiteur@example.dz"', response.text)
        self.assertNotIn("autofill.example", response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)
        response = self._post(**self._tokens_in(response.text))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self._new_complaints()), 1)

    def test_robots_kept_out(self):
        """Sent faster than a person fills the form, or without the token the
        form was given with: nothing is registered, a person may send again."""
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_min_fill_seconds", "60"
        )
        response = self._post()
        self.assertEqual(response.status_code, 400)
        self.assertIn("faster than a person", response.text)
        self.assertIn('value="Attente aux urgences"', response.text)
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_min_fill_seconds", "0"
        )
        for token in (None, "", "123.abc", "1700000000.0a0b", "٣.x"):
            with self.subTest(token=token):
                response = self._post(form_token=token)
                self.assertEqual(response.status_code, 400)
                self.assertIn("could not be checked", response.text)
                self.assertIn("Quatre heures sans être vu", response.text)
        # a token given to another sender's network
        headers = {
            "X-Forwarded-For": "203.0.113.5",
            "X-Forwarded-Host": urlparse(self.base_url()).netloc,
        }
        with patch.dict(config.options, {"proxy_mode": True}):
            tokens = self._tokens(headers=headers)
        response = self._post_from("203.0.113.9", form_token=tokens["form_token"])
        self.assertEqual(response.status_code, 400)
        self.assertIn("could not be checked", response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)

    @mute_logger("odoo.addons.mail.models.mail_mail", "odoo.http")
    def test_expired_session_gives_the_form_back(self):
        """The security token of the session no longer matches (page left
        open for days, cookies cleared): the text is kept, not lost."""
        response = self._post(csrf_token="0123o1700000000")
        self.assertEqual(response.status_code, 400)
        self.assertIn("could not be checked", response.text)
        self.assertIn('value="Attente aux urgences"', response.text)
        self.assertIn("Quatre heures sans être vu", response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)
        response = self._post(**self._tokens_in(response.text))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self._new_complaints()), 1)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_flood_is_stopped(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_rate_limit", "2"
        )
        for _i in range(2):
            self.assertEqual(self._post().status_code, 200)
        response = self._post(subject="Third")
        self.assertEqual(response.status_code, 429)
        self.assertIn('value="Third"', response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before + 2)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_flood_per_sender_network(self):
        """Behind the proxy, an IPv4 address and an IPv6 /64 network are one
        sender each; the counts keep no address."""
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_rate_limit", "2"
        )
        for address in ("2001:db8:1:2::10", "2001:db8:1:2:ffff::20"):
            self.assertEqual(self._post_from(address).status_code, 200)
        response = self._post_from("2001:db8:1:2::30", subject="Third")
        self.assertEqual(response.status_code, 429)
        self.assertIn('value="Third"', response.text)
        self.assertIn("Quatre heures sans être vu", response.text)
        # the next /64 is another subscriber, the next IPv4 address another person
        self.assertEqual(self._post_from("2001:db8:1:3::10").status_code, 200)
        for _i in range(2):
            self.assertEqual(self._post_from("203.0.113.5").status_code, 200)
        self.assertEqual(self._post_from("203.0.113.5").status_code, 429)
        self.assertEqual(self._post_from("203.0.113.6").status_code, 200)
        self.assertEqual(self.Complaint.search_count([]), self.count_before + 6)
        rows = self.env["comms.complaint.flood"].sudo().search([])
        self.assertFalse(
            [r for r in rows if "2001" in r.fingerprint or "203." in r.fingerprint]
        )

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_flood_global_ceiling(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_rate_limit_global", "3"
        )
        for index in range(3):
            self.assertEqual(self._post_from(f"198.51.100.{index}").status_code, 200)
        response = self._post_from("198.51.100.99", subject="Fourth")
        self.assertEqual(response.status_code, 429)
        self.assertIn('value="Fourth"', response.text)
        self.assertEqual(self.Complaint.search_count([]), self.count_before + 3)

    def test_flood_counts_forgotten_after_a_day(self):
        Flood = self.env["comms.complaint.flood"].sudo()
        hour = datetime.now().replace(minute=0, second=0, microsecond=0)
        old = Flood.create(
            {"fingerprint": "old", "hour": hour - timedelta(hours=25), "count": 1}
        )
        recent = Flood.create(
            {"fingerprint": "recent", "hour": hour - timedelta(hours=23), "count": 1}
        )
        Flood._gc_fingerprints()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())

    @mute_logger("odoo.addons.comms_office.models.comms_complaint")
    def test_acknowledgment_failure_keeps_the_complaint(self):
        def broken_template(*args, **kwargs):
            raise ConnectionError("SMTP down")

        with patch.object(MailTemplate, "_generate_template", broken_template):
            response = self._post()
        self.assertEqual(response.status_code, 200)
        complaint = self._new_complaints()
        self.assertEqual(len(complaint), 1)
        self.assertIn(complaint.name, response.text)
        self.assertEqual(complaint.state, "new", "to acknowledge by other means")
        self.assertIn(
            "could not be sent", " ".join(complaint.message_ids.mapped("body"))
        )

    # ------------------------------------------------------------
    # the status page
    # ------------------------------------------------------------

    def _answered_complaint(self):
        complaint = self.Complaint.create(
            {
                "subject": "Facture",
                "description": "Payée deux fois",
                "channel": "desk",
                "investigation_notes": "<p>SECRET internal finding</p>",
                "answer": "<p>Le second paiement est annulé.</p>",
                "state": "answered",
                "date_answered": "2026-01-10 10:00:00",
            }
        )
        complaint.message_post(
            body="INTERNAL chatter note", subtype_xmlid="mail.mt_note"
        )
        return complaint

    def test_status_page_right_token(self):
        complaint = self._answered_complaint()
        response = self.url_open(complaint.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn(complaint.name, response.text)
        self.assertIn("Le second paiement est annulé.", response.text)
        self.assertIn("o_comms_state", response.text)
        self.assertNotIn("SECRET internal finding", response.text)
        self.assertNotIn("INTERNAL chatter note", response.text)

    def test_status_page_wrong_token(self):
        complaint = self._answered_complaint()
        for url in (
            f"/comms/complaint/status/{complaint.name}?access_token=wrong",
            f"/comms/complaint/status/{complaint.name}",
            f"/comms/complaint/status/REC-1999-00001?access_token={complaint.access_token}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Facture", response.text)

    def test_status_page_shows_only_a_sent_answer(self):
        """Closed without answering, a sensitive complaint does not publish
        the answer left on it, still waiting for its approval."""
        officer = self.env["res.users"].create(
            {
                "name": "Officer",
                "login": "form_officer",
                "group_ids": [
                    (6, 0, self.env.ref("comms_office.group_comms_officer").ids)
                ],
            }
        )
        complaint = self.Complaint.create(
            {
                "subject": "Erreur de dosage",
                "description": "Mauvaise dose",
                "channel": "desk",
                "severity": "critical",
            }
        ).with_user(officer)
        complaint.action_acknowledge()
        complaint.action_investigate()
        complaint.answer = "<p>UNAPPROVED we admit the error</p>"
        self.assertTrue(complaint.need_validation)
        complaint.action_close()
        response = self.url_open(complaint.sudo().get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("UNAPPROVED", response.text)

    def test_satisfaction_from_status_page(self):
        complaint = self._answered_complaint()
        csrf = self._tokens(complaint.get_portal_url())["csrf_token"]
        response = self.url_open(
            f"/comms/complaint/status/{complaint.name}/rate",
            data={
                "csrf_token": csrf,
                "access_token": complaint.access_token,
                "satisfaction": "4",
                "comment": "Merci",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(complaint.satisfaction, "4")
        self.assertEqual(complaint.satisfaction_comment, "Merci")
        # a wrong token rates nothing
        response = self.url_open(
            f"/comms/complaint/status/{complaint.name}/rate",
            data={"csrf_token": csrf, "access_token": "bad", "satisfaction": "1"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(complaint.satisfaction, "4")
