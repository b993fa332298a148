# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import datetime

from lxml import etree, html

from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

ATOM = "{http://www.w3.org/2005/Atom}"


@tagged("post_install", "-at_install")
class TestPublicPages(HttpCase):
    """The newsroom and the transparency page, over HTTP, as the public
    reaches them: no login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ar_001")
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env.company.name = "EPH Médéa"
        lang_fr = cls.env.ref("base.lang_fr")
        Material = cls.env["comms.material"]
        common = {"lang_id": lang_fr.id, "body": "<p>Texte du communiqué.</p>"}
        cls.published = Material.create(
            {
                **common,
                "name": "Ouverture du nouveau service de maternité",
                "subtitle": "Le service accueille ses premières patientes.",
                "date_publish": "2026-03-02",
                "is_public": True,
                "attachment_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "programme.pdf",
                            "datas": base64.b64encode(b"%PDF-1.4 programme"),
                        },
                    )
                ],
            }
        )
        cls.head = mail_new_test_user(
            cls.env,
            login="comms_news_head",
            groups="comms_office.group_comms_manager",
            name="News Head of Office",
        )
        cls._approve(cls.published)
        cls.draft = Material.create(
            {**common, "name": "Brouillon confidentiel", "is_public": True}
        )
        cls.private = Material.create({**common, "name": "Note interne approuvée"})
        cls._approve(cls.private)
        cls.rejected = Material.create(
            {**common, "name": "Communiqué refusé", "is_public": True}
        )
        cls.rejected.action_request_approval()
        action = cls.rejected.with_user(cls.head).reject_tier()
        cls.env["comment.wizard"].with_user(cls.head).with_context(
            **action["context"]
        ).create({"comment": "Non."}).add_comment()
        cls.poster = Material.create(
            {
                **common,
                "name": "Affiche de la journée",
                "material_type": "poster",
                "is_public": True,
            }
        )
        cls._approve(cls.poster)
        cls.other_file = cls.env["ir.attachment"].create(
            {"name": "secret.pdf", "datas": base64.b64encode(b"%PDF-1.4 secret")}
        )
        # the register: six waiting-time complaints, two about billing
        Complaint = cls.env["comms.complaint"]
        waiting = cls.env.ref("comms_office.comms_complaint_category_waiting")
        billing = cls.env.ref("comms_office.comms_complaint_category_billing")
        received = datetime.now().replace(microsecond=0)
        cls.complaints = Complaint.create(
            [
                {
                    "kind": "complaint",
                    "subject": f"Attente {index}",
                    "description": "x",
                    "category_id": waiting.id,
                    "complainant_name": f"Nadia Personne{index}",
                    "complainant_email": f"nadia{index}@example.dz",
                    "date_received": received,
                }
                for index in range(6)
            ]
            + [
                {
                    "kind": "complaint",
                    "subject": f"Facture {index}",
                    "description": "x",
                    "category_id": billing.id,
                    "complainant_name": f"Yacine Personne{index}",
                    "date_received": received,
                }
                for index in range(2)
            ]
        )
        cls.complaints[:6]._mark_answered()
        cls.complaints[0].write(
            {
                "corrective_action": "Mme Nadia Personne0 a été reçue par le chef.",
                "corrective_action_public": True,
                "public_action_summary": "Un deuxième guichet est ouvert aux urgences.",
            }
        )
        cls.env["comms.complaint.report"].env.registry.clear_cache()

    @classmethod
    def _approve(cls, material):
        material.action_request_approval()
        action = material.with_user(cls.head).validate_tier()
        cls.env["comment.wizard"].with_user(cls.head).with_context(
            **action["context"]
        ).create({"comment": "OK."}).add_comment()

    # ------------------------------------------------------------
    # NEWSROOM
    # ------------------------------------------------------------

    def test_newsroom_shows_published_items_only(self):
        response = self.url_open("/comms/news")
        self.assertEqual(response.status_code, 200)
        self.assertIn("public", response.headers["Cache-Control"])
        page = html.fromstring(response.content)
        titles = [t.strip() for t in page.xpath("//article//h2//a/text()")]
        self.assertEqual(titles, [self.published.name])
        self.assertIn("EPH Médéa", response.text)
        self.assertTrue(page.xpath("//meta[@name='viewport']"))
        self.assertEqual(self.published.state, "approved")
        self.assertEqual(self.rejected.state, "draft")
        self.assertEqual(self.rejected.validation_status, "rejected")
        for refused in (self.draft, self.private, self.rejected, self.poster):
            self.assertNotIn(refused.name, response.text)
            self.assertEqual(
                self.url_open(f"/comms/news/{refused.id}").status_code, 404
            )

    def test_news_item_page_and_files(self):
        response = self.url_open(f"/comms/news/{self.published.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Texte du communiqué.", response.text)
        attachment = self.published.attachment_ids
        url = f"/comms/news/{self.published.id}/file/{attachment.id}"
        self.assertIn(url, response.text)
        download = self.url_open(url)
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"%PDF-1.4 programme")
        # a file of something else, through a published item, is not served
        self.assertEqual(
            self.url_open(
                f"/comms/news/{self.published.id}/file/{self.other_file.id}"
            ).status_code,
            404,
        )
        self.assertEqual(
            self.url_open(
                f"/comms/news/{self.draft.id}/file/{attachment.id}"
            ).status_code,
            404,
        )

    def test_news_in_arabic_is_right_to_left(self):
        response = self.url_open("/ar/comms/news")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(html.fromstring(response.content).get("dir"), "rtl")

    def test_atom_feed(self):
        response = self.url_open("/comms/news/feed.atom")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(
            response.headers["Content-Type"].startswith("application/atom+xml")
        )
        feed = etree.fromstring(response.content)
        self.assertEqual(feed.tag, f"{ATOM}feed")
        for tag in ("title", "id", "updated", "author"):
            self.assertIsNotNone(feed.find(f"{ATOM}{tag}"), tag)
        entries = feed.findall(f"{ATOM}entry")
        self.assertEqual(len(entries), 1)
        entry = entries[0]
        self.assertEqual(entry.findtext(f"{ATOM}title"), self.published.name)
        self.assertTrue(
            entry.findtext(f"{ATOM}id").endswith(f"/comms/news/{self.published.id}")
        )
        self.assertRegex(
            entry.findtext(f"{ATOM}updated"), r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"
        )
        self.assertNotIn(self.draft.name.encode(), response.content)

    # ------------------------------------------------------------
    # TRANSPARENCY
    # ------------------------------------------------------------

    def test_transparency_suppresses_small_cells(self):
        response = self.url_open("/comms/transparency")
        self.assertEqual(response.status_code, 200)
        self.assertIn("public", response.headers["Cache-Control"])
        page = html.fromstring(response.content)
        rows = {
            row.xpath("string(td[1])").strip(): [
                cell.text_content().strip() for cell in row.xpath("td[position()>1]")
            ]
            for row in page.xpath(
                "//table[contains(@class, 'o_comms_transparency_categories')]//tbody/tr"
            )
        }
        self.assertEqual(rows["Waiting Time"][:4], ["6", "6", "6", "100.0 %"])
        # two billing complaints: no figure shown, nothing computed from them
        self.assertEqual(rows["Billing"], ["< 5"] * 5)
        quarter = page.xpath(
            "//table[contains(@class, 'o_comms_transparency_quarters')]//tbody/tr"
        )[0]
        self.assertEqual(quarter.xpath("string(td[2])").strip(), "8")
        self.assertEqual(quarter.xpath("string(td[6])").strip(), "0.0")

    def test_transparency_shows_no_personal_data(self):
        response = self.url_open("/comms/transparency")
        self.assertIn("Un deuxième guichet est ouvert aux urgences.", response.text)
        for complaint in self.complaints.sudo():
            self.assertNotIn(complaint.complainant_name, response.text)
            self.assertNotIn(complaint.name, response.text)
            self.assertNotIn(complaint.subject, response.text)
        self.assertNotIn("Personne0", response.text)
        self.assertNotIn("@example.dz", response.text)

    def test_complaint_form_links_to_the_public_pages(self):
        page = html.fromstring(self.url_open("/comms/complaint").content)
        links = page.xpath("//a/@href")
        self.assertIn("/comms/news", links)
        self.assertIn("/comms/transparency", links)
