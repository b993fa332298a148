# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import re
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..controllers.complaint import ComplaintController

# a 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
HIDDEN = re.compile(r'name="(csrf_token|form_token|submission_key)" value="([^"]+)"')


@tagged("post_install", "-at_install")
class TestComplaintSubmissionKey(HttpCase):
    """The public form is filed once, however many times it is sent: a double
    click, a proxy or a browser retrying after a lost answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("comms_office.complaint_rate_limit", "20")
        # the tests fill the form faster than a person
        params.set_param("comms_office.complaint_min_fill_seconds", "0")

    def setUp(self):
        super().setUp()
        self.Complaint = self.env["comms.complaint"]
        self.count_before = self.Complaint.search_count([])

    def _form(self):
        response = self.url_open("/comms/complaint")
        self.assertEqual(response.status_code, 200)
        return dict(HIDDEN.findall(response.text))

    def _send(self, form, files=None, **overrides):
        data = {
            **form,
            "kind": "complaint",
            "subject": "Attente aux urgences",
            "description": "Quatre heures sans être vu par un médecin.",
            "name": "Samia Visiteur",
            "phone": "0550 00 00 00",
            "expects_answer": "on",
            "consent": "on",
        }
        data.update(overrides)
        return self.url_open(
            "/comms/complaint/submit",
            data={key: value for key, value in data.items() if value is not None},
            files=files,
            allow_redirects=False,
        )

    def _filed(self, form):
        return self.Complaint.sudo().search(
            [("submission_key", "=", form["submission_key"])]
        )

    def _sender_count(self):
        return sum(
            self.env["comms.complaint.flood"]
            .sudo()
            .search([("fingerprint", "!=", "*")])
            .mapped("count")
        )

    def test_each_form_has_its_own_key(self):
        first, second = self._form(), self._form()
        self.assertRegex(first["submission_key"], r"^[A-Za-z0-9_-]{32,64}$")
        self.assertNotEqual(first["submission_key"], second["submission_key"])
        for form in (first, second):
            self.assertEqual(self._send(form).status_code, 303)
        self.assertEqual(self.Complaint.search_count([]), self.count_before + 2)
        self.assertNotEqual(self._filed(first), self._filed(second))

    def test_retry_answers_with_the_same_receipt(self):
        form = self._form()
        files = {"attachments": ("photo.png", PNG, "image/png")}
        first = self._send(form, files=files)
        self.assertEqual(first.status_code, 303)
        counted = self._sender_count()
        # the answer was lost: the same form, files and all, is sent again
        again = self._send(form, files=files)
        self.assertEqual(again.status_code, 303)
        self.assertEqual(again.headers["Location"], first.headers["Location"])
        complaint = self._filed(form)
        self.assertEqual(len(complaint), 1)
        self.assertEqual(self.Complaint.search_count([]), self.count_before + 1)
        self.assertIn(complaint.name, first.headers["Location"])
        self.assertIn(complaint.access_token, first.headers["Location"])
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", complaint._name), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(attachments.mapped("name"), ["photo.png"])
        self.assertEqual(attachments.mimetype, "image/png")
        # the file is in the note of the chatter that says it came with the form
        note = (
            self.env["mail.message"]
            .search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
            .filtered("attachment_ids")
        )
        self.assertEqual(note.attachment_ids, attachments)
        # a retry is not a new request from the sender
        self.assertEqual(self._sender_count(), counted)
        # the receipt it leads to is the complaint's
        page = self.url_open(again.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn(complaint.name, page.text)

    def test_retry_is_answered_past_the_flood_limit(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_rate_limit", "1"
        )
        form = self._form()
        first = self._send(form)
        self.assertEqual(first.status_code, 303)
        again = self._send(form)
        self.assertEqual(again.status_code, 303)
        self.assertEqual(again.headers["Location"], first.headers["Location"])
        # a new form from the same sender is over the limit
        self.assertEqual(self._send(self._form()).status_code, 429)
        self.assertEqual(self.Complaint.search_count([]), self.count_before + 1)

    def test_form_given_back_keeps_its_key(self):
        form = self._form()
        refused = self._send(form, subject="")
        self.assertEqual(refused.status_code, 400)
        given_back = dict(HIDDEN.findall(refused.text))
        self.assertEqual(given_back["submission_key"], form["submission_key"])
        self.assertEqual(self.Complaint.search_count([]), self.count_before)
        self.assertEqual(self._send(given_back).status_code, 303)
        self.assertEqual(len(self._filed(form)), 1)

    def test_form_without_a_valid_key_is_given_back(self):
        form = self._form()
        for key in (None, "", "short", "x" * 40 + "<script>", "é" * 40):
            refused = self._send(dict(form, submission_key=key))
            self.assertEqual(refused.status_code, 400, key)
            # given back with a key of its own, to be sent again
            fresh = dict(HIDDEN.findall(refused.text))["submission_key"]
            self.assertRegex(fresh, r"^[A-Za-z0-9_-]{32,64}$")
            self.assertNotEqual(fresh, key)
        self.assertEqual(self.Complaint.search_count([]), self.count_before)

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_twice_at_once_filed_once(self):
        """The second of two identical requests sent together does not see
        the first's complaint when it looks for it (not committed yet), then
        meets it in the register: it starts again and answers with it."""
        form = self._form()
        first = self._send(form)
        self.assertEqual(first.status_code, 303)
        looked_up = []
        filed = ComplaintController._filed

        def not_yet_committed(controller, submission_key):
            looked_up.append(submission_key)
            found = filed(controller, submission_key)
            return found.browse() if len(looked_up) == 1 else found

        with (
            patch.object(ComplaintController, "_filed", not_yet_committed),
            patch("odoo.service.model.time.sleep"),
        ):
            again = self._send(form)
        self.assertEqual(len(looked_up), 2, "the request was retried")
        self.assertEqual(again.status_code, 303)
        self.assertEqual(again.headers["Location"], first.headers["Location"])
        self.assertEqual(self.Complaint.search_count([]), self.count_before + 1)
