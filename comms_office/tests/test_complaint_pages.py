# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from lxml import html

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from ..controllers.complaint import FORM_OVERHEAD, MAX_DESCRIPTION

# where a citizen's page may lead: its own anchors, the complaint pages and
# the office's other public pages (news, transparency), in any language
CITIZEN_TARGET = re.compile(
    r"#.*|(/[a-z]{2}(-[a-z0-9]+)?)?/comms/(complaint|news|transparency)\b.*"
)


@tagged("post_install", "-at_install")
class TestComplaintPages(HttpCase):
    """The citizen's pages, over HTTP: the language switch that keeps what
    was typed, the marks of the form, the private link, and nothing that
    leads to the back office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ar_001")
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env.company.name = "EPH Médéa"
        cls.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_rate_limit", "20"
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_min_fill_seconds", "0"
        )
        cls.complaint = cls.env["comms.complaint"].create(
            {
                "kind": "complaint",
                "channel": "web",
                "subject": "انتظار طويل في قسم Urgences",
                "description": "أربع ساعات.",
                "complainant_name": "Samia",
                "complainant_email": "samia@example.dz",
                "consent": True,
            }
        )

    def setUp(self):
        super().setUp()
        self.Complaint = self.env["comms.complaint"]
        self.count_before = self.Complaint.search_count([])
        self.submissions_before = self.env["comms.complaint.flood"].search_count([])

    def _tokens(self, url="/comms/complaint"):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return dict(
            re.findall(
                r'name="(csrf_token|form_token|submission_key)" value="([^"]+)"',
                response.text,
            )
        )

    def _data(self, **overrides):
        data = {
            **self._tokens("/ar/comms/complaint"),
            "kind": "complaint",
            "subject": "انتظار طويل في قسم Urgences",
            "description": "سطر أول\r\nLigne en français",
            "name": "أمينة سعدي",
            "email": "amina@example.dz",
            "expects_answer": "on",
            "consent": "on",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    def _post(self, url, data):
        return self.url_open(url, data=data)

    def _switch(self, response, lang, data):
        """Press the language button ``lang`` of the page, as a browser
        does: the form's fields go to the button's address."""
        button = html.fromstring(response.text).xpath(
            f"//nav[contains(@class, 'o_comms_lang_switch')]//button[@lang='{lang}']"
        )[0]
        self.assertEqual(button.get("form"), "complaint_form")
        self.assertEqual(button.get("formenctype"), "application/x-www-form-urlencoded")
        tokens = dict(
            re.findall(
                r'name="(csrf_token|form_token|submission_key)" value="([^"]+)"',
                response.text,
            )
        )
        data = dict(data, **tokens, **{button.get("name"): button.get("value")})
        return self._post(button.get("formaction"), data)

    def _assert_nothing_registered(self):
        self.assertEqual(self.Complaint.search_count([]), self.count_before)
        self.assertEqual(
            self.env["comms.complaint.flood"].search_count([]), self.submissions_before
        )

    def _assert_no_back_office_link(self, response):
        page = html.fromstring(response.text)
        targets = page.xpath("//a/@href | //form/@action | //button/@formaction")
        self.assertTrue(targets)
        for target in targets:
            self.assertRegex(target, CITIZEN_TARGET)
        self.assertNotIn("/web/login", response.text)
        self.assertNotIn("o_backend_user_dropdown_link", response.text)
        self.assertFalse(page.xpath("//header[@id='top']"))
        self.assertFalse(page.xpath("//footer"))

    # ------------------------------------------------------------
    # switching language keeps the person where they are
    # ------------------------------------------------------------

    def test_language_switch_after_an_error_keeps_what_was_typed(self):
        data = self._data(consent=None)
        response = self._post("/ar/comms/complaint/submit", data)
        self.assertEqual(response.status_code, 400)
        self.assertIn('id="error_consent"', response.text)
        response = self._switch(response, "fr-FR", data)
        self.assertEqual(response.status_code, 200)
        self.assertIn('lang="fr-FR"', response.text)
        page = html.fromstring(response.text)
        self.assertEqual(
            page.xpath("//input[@name='subject']/@value"), [data["subject"]]
        )
        self.assertEqual(
            page.xpath("//textarea[@name='description']")[0].text,
            "سطر أول\nLigne en français",
        )
        self.assertEqual(page.xpath("//input[@name='name']/@value"), [data["name"]])
        self.assertEqual(page.xpath("//input[@name='email']/@value"), [data["email"]])
        self.assertTrue(page.xpath("//input[@id='kind_complaint']/@checked"))
        self.assertTrue(page.xpath("//input[@id='expects_answer']/@checked"))
        # the error is still shown, in French
        self.assertIn("Acceptez que nous utilisions vos coordonnées", response.text)
        self.assertIn('id="error_consent"', response.text)
        # the form now goes to its French address
        self.assertEqual(
            page.xpath("//form[@id='complaint_form']/@action"),
            ["/fr/comms/complaint/submit"],
        )
        self._assert_nothing_registered()
        # and back to Arabic
        response = self._switch(response, "ar-001", data)
        self.assertIn('dir="rtl"', response.text)
        self.assertIn(data["subject"], response.text)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_language_switch_registers_nothing(self):
        data = self._data()
        page = self.url_open("/ar/comms/complaint")
        response = self._switch(page, "fr-FR", data)
        self.assertEqual(response.status_code, 200)
        # a complete form is not sent by the language button, nor checked
        self.assertNotIn('id="complaint_errors"', response.text)
        self._assert_nothing_registered()
        # the form given back is sent as it is
        tokens = dict(
            re.findall(
                r'name="(csrf_token|form_token|submission_key)" value="([^"]+)"',
                response.text,
            )
        )
        response = self._post("/fr/comms/complaint/submit", dict(data, **tokens))
        self.assertEqual(response.status_code, 200)
        complaint = self.Complaint.search([], order="id desc", limit=1)
        self.assertEqual(complaint.subject, data["subject"])
        self.assertEqual(complaint.lang, "fr_FR")

    def test_language_switch_keeps_the_text_of_an_expired_page(self):
        """Even when the session is gone, the text follows the person; the
        form gets tokens that can be sent."""
        data = self._data(csrf_token="expired", form_token="1.forged")
        response = self._post(
            "/fr/comms/complaint/submit", dict(data, switch_lang="errors")
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(data["subject"], response.text)
        self.assertNotIn('value="1.forged"', response.text)
        self._assert_nothing_registered()

    def test_language_switch_keeps_the_time_the_form_was_given(self):
        data = self._data()
        response = self._post(
            "/fr/comms/complaint/submit", dict(data, switch_lang="keep")
        )
        issued = re.search(r'name="form_token" value="([0-9]+)\.', response.text)
        self.assertEqual(issued.group(1), data["form_token"].split(".")[0])

    def test_enter_sends_the_form_not_a_language_button(self):
        """A browser sends a form by Enter with its first submit button:
        the page puts a plain one before the language buttons."""
        page = html.fromstring(self.url_open("/comms/complaint").text)
        buttons = page.xpath("//button[@type='submit'][@form='complaint_form']")
        self.assertGreater(len(buttons), 1)
        self.assertIsNone(buttons[0].get("name"))
        self.assertEqual(buttons[0].get("tabindex"), "-1")

    # ------------------------------------------------------------
    # the form: required fields, counter, summary of errors
    # ------------------------------------------------------------

    def test_required_fields_are_marked(self):
        page = html.fromstring(self.url_open("/comms/complaint").text)
        for field in ("subject", "description"):
            with self.subTest(field=field):
                control = page.xpath(f"//*[@id='{field}']")[0]
                self.assertEqual(control.get("required"), "required")
                self.assertEqual(control.get("aria-required"), "true")
                label = page.xpath(f"//label[@for='{field}']")[0]
                self.assertIn("o_comms_required", label.get("class"))
        self.assertEqual(
            page.xpath("//input[@name='kind']/@required"), ["required"] * 3
        )
        # the name is needed for a complaint that expects an answer (the
        # default), the consent once a contact detail is given
        self.assertEqual(page.xpath("//input[@id='name']/@aria-required"), ["true"])
        self.assertFalse(page.xpath("//input[@id='consent']/@required"))
        self.assertIn(
            "Fields marked with * are required.", self.url_open("/comms/complaint").text
        )

    def test_description_counter(self):
        page = html.fromstring(self.url_open("/comms/complaint").text)
        textarea = page.xpath("//textarea[@id='description']")[0]
        self.assertEqual(textarea.get("data-max-length"), str(MAX_DESCRIPTION))
        self.assertIn("description_hint", textarea.get("aria-describedby"))
        self.assertEqual(
            page.xpath("string(//*[contains(@class, 'o_comms_counter')])"),
            f"0 / {MAX_DESCRIPTION}",
        )
        self.assertTrue(page.xpath("//*[@aria-live='polite']"))
        # given back, it counts what was typed, a line break as one character
        data = self._data(description="ab\r\ncd", subject="")
        response = self._post("/ar/comms/complaint/submit", data)
        page = html.fromstring(response.text)
        self.assertEqual(page.xpath("string(//span[@class='o_comms_count'])"), "5")

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_line_breaks_count_as_the_page_counts_them(self):
        """A text at the limit on the page is not refused because browsers
        send a line break as two characters."""
        text = "a\r\n" * (MAX_DESCRIPTION // 2)
        response = self._post("/comms/complaint/submit", self._data(description=text))
        self.assertEqual(response.status_code, 200)
        complaint = self.Complaint.search([], order="id desc", limit=1)
        self.assertEqual(len(complaint.description), MAX_DESCRIPTION - 1)

    def test_error_summary_names_and_links_the_fields(self):
        data = self._data(subject="", email="", consent=None)
        response = self._post("/fr/comms/complaint/submit", data)
        self.assertEqual(response.status_code, 400)
        page = html.fromstring(response.text)
        summary = page.xpath("//div[@id='complaint_errors']")[0]
        self.assertEqual(summary.get("role"), "alert")
        links = summary.xpath(".//a")
        self.assertEqual(
            [link.get("href") for link in links], ["#subject", "#email", "#consent"]
        )
        self.assertEqual(
            [
                link.xpath(
                    "string(.//*[contains(@class, 'o_comms_error_label')])"
                ).strip()
                for link in links
            ],
            ["Objet", "Courriel ou téléphone", "Consentement"],
        )
        for control, errors in (
            ("subject", ["error_subject"]),
            ("email", ["about_you_hint", "error_contact"]),
            ("phone", ["about_you_hint", "error_contact"]),
            ("consent", ["error_consent"]),
        ):
            with self.subTest(control=control):
                element = page.xpath(f"//input[@id='{control}']")[0]
                self.assertIn("is-invalid", element.get("class"))
                self.assertEqual(element.get("aria-invalid"), "true")
                self.assertEqual(element.get("aria-describedby").split(), errors)
                for error in errors:
                    self.assertTrue(page.xpath(f"//*[@id='{error}']"))
        # a field without error is not marked
        name = page.xpath("//input[@id='name']")[0]
        self.assertNotIn("is-invalid", name.get("class"))
        self.assertIsNone(name.get("aria-invalid"))

    # ------------------------------------------------------------
    # mixed scripts, the private link
    # ------------------------------------------------------------

    def test_mixed_words_are_isolated(self):
        response = self.url_open("/ar/comms/complaint")
        self.assertIn("<bdi>EPH Médéa</bdi>", response.text)
        response = self.url_open(f"/ar{self.complaint.get_portal_url()}&new=1")
        page = html.fromstring(response.text)
        references = page.xpath(f"//bdi[normalize-space()='{self.complaint.name}']")
        # in the confirmation and in the title, never cut at its hyphens
        self.assertEqual(len(references), 2)
        for reference in references:
            self.assertIn("text-nowrap", reference.get("class"))
        self.assertEqual(
            page.xpath("//p[contains(@class, 'lead')]/bdi/text()"),
            [self.complaint.subject],
        )
        self.assertIn("<bdi>EPH Médéa</bdi>", response.text)

    def test_private_link_can_be_copied(self):
        link = self.complaint.get_base_url() + self.complaint.get_portal_url()
        for suffix in ("&new=1", ""):
            with self.subTest(new=bool(suffix)):
                response = self.url_open(self.complaint.get_portal_url() + suffix)
                page = html.fromstring(response.text)
                field = page.xpath("//input[@id='complaint_link']")[0]
                self.assertEqual(field.get("value"), link)
                self.assertEqual(field.get("readonly"), "readonly")
                self.assertEqual(field.get("dir"), "ltr")
                # the button is shown by the page's script, which copies
                button = page.xpath("//button[contains(@class, 'o_comms_copy')]")[0]
                self.assertIn("d-none", button.get("class"))
                self.assertEqual(len(page.xpath("//input[@id='complaint_link']")), 1)

    # ------------------------------------------------------------
    # nothing leads to the back office
    # ------------------------------------------------------------

    def _citizen_pages(self):
        url = self.complaint.get_portal_url()
        yield self.url_open("/ar/comms/complaint")
        yield self._post("/fr/comms/complaint/submit", self._data(subject=""))
        yield self._post("/fr/comms/complaint/submit", self._data(switch_lang="errors"))
        yield self.url_open(f"{url}&new=1")
        yield self.url_open(f"/ar{url}")
        yield self.url_open(f"{url}&rated=1")
        # a request larger than the form's files allow
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_max_file_size", "1000"
        )
        yield self.url_open(
            "/fr/comms/complaint/submit",
            data={"subject": "Attente"},
            files={"attachments": ("big.png", b"\0" * (FORM_OVERHEAD + 5000))},
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "comms_office.complaint_max_file_size", ""
        )

    def test_no_login_or_back_office_link(self):
        self.complaint.write({"state": "answered", "answer": "<p>Réponse.</p>"})
        for login in (None, "comms_pages_officer"):
            if login:
                mail_new_test_user(
                    self.env,
                    login=login,
                    groups="comms_office.group_comms_officer",
                    name="Pages Officer",
                )
            self.authenticate(login, login)
            statuses = []
            for response in self._citizen_pages():
                with self.subTest(login=login, url=response.url):
                    self._assert_no_back_office_link(response)
                statuses.append(response.status_code)
            self.assertEqual(statuses, [200, 400, 200, 200, 200, 200, 413])
        # the last status page was the answered one, with its rating form
        self.assertIn(
            "o_comms_rating", self.url_open(self.complaint.get_portal_url()).text
        )
