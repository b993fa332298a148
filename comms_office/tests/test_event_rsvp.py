# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import datetime, timedelta

from odoo import fields
from odoo.http import Request
from odoo.tests import Form, HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestEventRsvp(HttpCase):
    """Guests answer their invitation from the email's links, without login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = mail_new_test_user(
            cls.env,
            login="rsvp_officer",
            groups="comms_office.group_comms_officer",
            name="Communication Officer",
        )
        cls.venue = cls.env["res.partner"].create(
            {"name": "Amphithéâtre de l'EPH", "city": "Médéa"}
        )
        cls.event = (
            cls.env["event.event"]
            .with_user(cls.user_officer)
            .create(
                {
                    "name": "Journée de sensibilisation au diabète",
                    "event_type_id": cls.env.ref(
                        "comms_office.event_type_press_conference"
                    ).id,
                    "date_begin": datetime(2031, 3, 10, 8, 0),
                    "date_end": datetime(2031, 3, 10, 12, 0),
                    "date_tz": "Africa/Algiers",
                    "address_id": cls.venue.id,
                }
            )
        )
        cls.guest = cls.env["res.partner"].create(
            {
                "name": "Karim Journaliste",
                "email": "karim@journal.test",
                "lang": "fr_FR",
            }
        )
        cls.guest_ar = cls.env["res.partner"].create(
            {
                "name": "سعاد بن علي",
                "email": "souad@radio.test",
                "lang": "ar_001",
            }
        )
        wizard = Form(
            cls.env["comms.event.invite"]
            .with_user(cls.user_officer)
            .with_context(default_event_id=cls.event.id)
        )
        wizard.partner_ids.add(cls.guest)
        wizard.partner_ids.add(cls.guest_ar)
        wizard.save().action_invite()
        registrations = cls.event.registration_ids
        cls.registration = registrations.filtered(lambda r: r.partner_id == cls.guest)
        cls.registration_ar = registrations - cls.registration

    def _url(self, registration, answer, token=None):
        token = token or registration.sudo().access_token
        return f"/comms/event/rsvp/{registration.id}/{token}/{answer}"

    def _answer(self, registration, answer):
        """Open the link as the guest does, then press the page's button."""
        url = self._url(registration, answer)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(url, data={"csrf_token": csrf})

    def _notes(self, record):
        return record.message_ids.filtered(lambda m: "answered online" in m.body)

    def test_invitation_carries_the_links(self):
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "event.registration"),
                    ("res_id", "=", self.registration.id),
                ]
            )
        )
        self.assertEqual(len(mail), 1)
        token = self.registration.sudo().access_token
        self.assertTrue(token)
        self.assertNotEqual(token, self.registration_ar.sudo().access_token)
        self.assertIn(self._url(self.registration, "accept"), mail.body_html)
        self.assertIn(self._url(self.registration, "decline"), mail.body_html)
        # in the guest's language, as the page
        self.assertIn("Je serai présent", mail.body_html)

    def test_accept(self):
        response = self._answer(self.registration, "accept")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_comms_event_rsvp_done", response.text)
        self.assertEqual(self.registration.rsvp_status, "confirmed")
        self.assertEqual(self.registration.state, "open")
        self.assertEqual(self.event.guest_confirmed_count, 1)
        for record in (self.registration, self.event):
            note = self._notes(record)
            self.assertEqual(len(note), 1)
            self.assertIn("Karim Journaliste", note.body)
            self.assertEqual(note.author_id, self.guest)

    def test_decline(self):
        response = self._answer(self.registration, "decline")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.registration.rsvp_status, "declined")
        self.assertEqual(self.registration.state, "cancel")
        self.assertEqual(len(self._notes(self.event)), 1)
        # the guest changes their mind before the day
        self._answer(self.registration, "accept")
        self.assertEqual(self.registration.rsvp_status, "confirmed")
        self.assertEqual(self.registration.state, "open")

    def test_get_changes_nothing(self):
        """Mail scanners open links: opening one only asks the question."""
        messages = self.event.message_ids | self.registration.message_ids
        for answer in ("accept", "decline"):
            response = self.url_open(self._url(self.registration, answer))
            self.assertEqual(response.status_code, 200)
            self.assertIn("o_comms_event_rsvp_form", response.text)
            self.assertIn('method="post"', response.text)
        self.assertEqual(self.registration.rsvp_status, "invited")
        self.assertEqual(self.registration.state, "draft")
        self.assertEqual(
            self.event.message_ids | self.registration.message_ids, messages
        )
        # and a form posted without the page's token is rejected
        with mute_logger("odoo.http"):
            response = self.url_open(
                self._url(self.registration, "accept"), data={"csrf_token": "x"}
            )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.registration.rsvp_status, "invited")

    @mute_logger("odoo.http")
    def test_wrong_token_not_found(self):
        token = self.registration.sudo().access_token
        wrong = token[:-1] + ("0" if token[-1] != "0" else "1")
        for url in (
            self._url(self.registration, "accept", token=wrong),
            # another guest's token does not open this registration
            self._url(
                self.registration,
                "accept",
                token=self.registration_ar.sudo().access_token,
            ),
            f"/comms/event/rsvp/{self.registration.id + 1000}/{token}/accept",
            self._url(self.registration, "maybe"),
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        # a registration that never had a token cannot be guessed either
        other = self.env["event.registration"].create(
            {"event_id": self.event.id, "name": "Walk-in"}
        )
        self.assertFalse(other.sudo().access_token)
        response = self.url_open(f"/comms/event/rsvp/{other.id}/False/accept")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.registration.rsvp_status, "invited")

    def test_after_start_refused(self):
        response = self.url_open(self._url(self.registration, "accept"))
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        now = fields.Datetime.now()
        self.event.write(
            {
                "date_begin": now - timedelta(hours=1),
                "date_end": now + timedelta(hours=3),
            }
        )
        response = self.url_open(
            self._url(self.registration, "accept"), data={"csrf_token": csrf}
        )
        self.assertEqual(response.status_code, 409)
        self.assertIn("o_comms_event_rsvp_refused", response.text)
        self.assertIn("a déjà commencé", response.text)
        self.assertEqual(self.registration.rsvp_status, "invited")
        self.assertFalse(self._notes(self.event))
        # the page opened afterwards says so at once, without a button
        response = self.url_open(self._url(self.registration, "decline"))
        self.assertEqual(response.status_code, 409)
        self.assertNotIn("o_comms_event_rsvp_form", response.text)

    def test_attended_cannot_change(self):
        url = self._url(self.registration, "decline")
        for status in ("attended", "no_show"):
            self.registration.rsvp_status = "confirmed"
            page = self.url_open(url)
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
            self.registration.rsvp_status = status
            response = self.url_open(url, data={"csrf_token": csrf.group(1)})
            self.assertEqual(response.status_code, 409)
            self.assertIn("o_comms_event_rsvp_refused", response.text)
            self.assertEqual(self.registration.rsvp_status, status)
            response = self.url_open(url)
            self.assertEqual(response.status_code, 409)
            self.assertNotIn("o_comms_event_rsvp_form", response.text)
        self.assertFalse(self._notes(self.registration))

    def test_arabic_page_is_right_to_left(self):
        response = self.url_open(self._url(self.registration_ar, "accept"))
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertRegex(html, r'<html[^>]*\bdir="rtl"')
        self.assertRegex(html, r'<html[^>]*\blang="ar-001"')
        self.assertIn("سأحضر", html)
        self.assertIn("Journée de sensibilisation au diabète", html)
        self.assertIn("Médéa", html)
        self.assertIn("2031", html)
        # the French guest reads French, left to right, whatever the browser
        response = self.url_open(
            self._url(self.registration, "accept"),
            headers={"Accept-Language": "ar"},
        )
        self.assertRegex(response.text, r'<html[^>]*\bdir="ltr"')
        self.assertIn("Je serai présent", response.text)

    # ------------------------------------------------------------
    # the link answers the invitation, and does nothing else
    # ------------------------------------------------------------

    def _chatter(self):
        return self.env["mail.message"].search(
            [
                "|",
                "&",
                ("model", "=", "event.registration"),
                ("res_id", "=", self.registration.id),
                "&",
                ("model", "=", "event.event"),
                ("res_id", "=", self.event.id),
            ]
        )

    @mute_logger("odoo.http", "odoo.addons.mail.models.mail_thread")
    def test_token_posts_nothing(self):
        token = self.registration.sudo().access_token
        before = self._chatter()
        for model, record_id, access in (
            ("event.registration", self.registration.id, {"token": token}),
            (
                "event.registration",
                self.registration.id,
                {
                    "hash": self.registration._sign_token(self.guest.id),
                    "pid": self.guest.id,
                },
            ),
            ("event.event", self.event.id, {"token": token}),
        ):
            with (
                self.subTest(model=model, access=list(access)),
                self.assertRaises(JsonRpcException),
            ):
                self.make_jsonrpc_request(
                    "/mail/message/post",
                    {
                        "thread_model": model,
                        "thread_id": record_id,
                        "post_data": {"body": "Posted with the RSVP link"},
                        **access,
                    },
                )
        self.assertEqual(self._chatter(), before)

    @mute_logger("odoo.http", "odoo.addons.mail.models.mail_thread")
    def test_token_uploads_and_reads_nothing(self):
        token = self.registration.sudo().access_token
        self.authenticate(None, None)
        attachments = self.env["ir.attachment"].search_count([])
        for model, record_id in (
            ("event.registration", self.registration.id),
            ("event.event", self.event.id),
        ):
            with self.subTest(model=model):
                response = self.url_open(
                    "/mail/attachment/upload",
                    data={
                        "csrf_token": Request.csrf_token(self),
                        "thread_id": record_id,
                        "thread_model": model,
                        "token": token,
                    },
                    files={"ufile": ("rsvp.txt", b"with the RSVP link", "text/plain")},
                )
                self.assertNotEqual(response.status_code, 200)
                with self.assertRaises(JsonRpcException):
                    self.make_jsonrpc_request(
                        "/mail/chatter_fetch",
                        {"thread_model": model, "thread_id": record_id, "token": token},
                    )
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
