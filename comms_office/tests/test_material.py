# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged, users

from .common_media import CommsMediaCommon


@tagged("post_install", "-at_install")
class TestMaterial(CommsMediaCommon):
    @users("comms_officer")
    def test_approval_by_head_of_office(self):
        material = self._create_material()
        material.action_request_approval()
        self.assertEqual(material.state, "draft")
        self.assertEqual(material.validation_status, "pending")
        self.assertFalse(material.with_user(self.user_officer).can_review)
        self._approve(material, self.user_manager)
        self.assertEqual(material.state, "approved")
        self.assertTrue(material.approval_date)
        # approved content that changes goes back to approval
        material.body = "<p>Le service ouvre lundi.</p>"
        self.assertEqual(material.state, "draft")
        self.assertEqual(material.validation_status, "pending")

    @users("comms_officer")
    def test_statement_needs_the_director(self):
        material = self._create_material(material_type="statement")
        self.assertTrue(material.approval_director_required)
        material.action_request_approval()
        self.assertEqual(len(material.review_ids), 2)
        self._approve(material, self.user_manager)
        self.assertEqual(material.state, "draft")
        self._approve(material, self.user_director)
        self.assertEqual(material.state, "approved")

    @users("comms_officer")
    def test_consent_gate(self):
        material = self._create_material(shows_people=True)
        with self.assertRaisesRegex(UserError, "consent"):
            material.action_request_approval()
        self.assertFalse(material.review_ids)
        # an expired consent is no consent
        consent = self.env["comms.material.consent"].create(
            {
                "material_id": material.id,
                "person_name": "Amina B.",
                "person_role": "patient",
                "date": "2024-01-10",
                "date_expiry": "2024-06-30",
                "document": self.consent_pdf,
                "document_name": "consent.pdf",
            }
        )
        with self.assertRaisesRegex(UserError, "consent"):
            material.action_request_approval()
        consent.date_expiry = False
        material.action_request_approval()
        self.assertEqual(material.validation_status, "pending")
        # consent withdrawn while the head of office reviews: no approval
        consent.unlink()
        with self.assertRaisesRegex(UserError, "consent"):
            self._approve(material, self.user_manager)
        self.assertEqual(material.state, "draft")

    @users("comms_officer")
    def test_language_versions(self):
        original = self._create_material()
        action = original.action_add_translation()
        self.assertEqual(action["context"]["default_variant_of_id"], original.id)
        arabic = self._create_material(
            name="افتتاح مصلحة الولادة الجديدة",
            lang_id=self.lang_ar.id,
            variant_of_id=original.id,
        )
        self.assertEqual(original.variant_ids, arabic)
        self.assertEqual(arabic._get_variant_group(), original | arabic)
        self.assertEqual(original.variant_count, 2)
        with self.assertRaises(UserError):
            self._create_material(variant_of_id=arabic.id)
        # a journalist of an Arabic outlet gets the Arabic version once approved
        self.assertEqual(
            original._get_variant_for_partners(self.journalist_radio)[
                self.journalist_radio.id
            ],
            original,
        )
        self._approve_now(arabic | original)
        picked = original._get_variant_for_partners(
            self.journalist_radio | self.journalist_daily
        )
        self.assertEqual(picked[self.journalist_radio.id], arabic)
        self.assertEqual(picked[self.journalist_daily.id], original)

    @users("comms_officer")
    def test_publication(self):
        material = self._create_material()
        channel = self.env.ref("comms_office.comms_channel_radio")
        with self.assertRaises(UserError):
            self.env["comms.publication"].create(
                {"material_id": material.id, "channel_id": channel.id}
            )
        self._approve_now(material)
        publication = self.env["comms.publication"].create(
            {
                "material_id": material.id,
                "channel_id": channel.id,
                "outlet_id": self.outlet_radio.id,
                "date": "2025-03-02",
                "reach": 12000,
                "views": 800,
            }
        )
        self.assertEqual(material.state, "published")
        self.assertEqual(publication.campaign_id, self.campaign)
        self.assertIn("Radio Test Locale", publication.display_name)
        self.assertEqual(material.publication_count, 1)
        self.assertEqual(material.publication_reach, 12000)
        self.env.flush_all()
        entry = self.env["comms.editorial.calendar"].search(
            [("res_model", "=", "comms.publication"), ("res_id", "=", publication.id)]
        )
        self.assertEqual(entry.kind, "publication")
        self.assertEqual(str(entry.date_start), "2025-03-02")
        self.assertEqual(entry.campaign_id, self.campaign)
        with self.assertRaises(UserError):
            material.unlink()

    def test_material_stats_batch(self):
        materials = self.env["comms.material"]
        for index in range(20):
            materials |= self._create_material(name=f"Material {index}")

        def read_stats(records):
            return [
                (m.publication_count, m.dispatch_count, m.coverage_count)
                for m in records
            ]

        self.assertQueriesDoNotGrow(read_stats, materials[:2], materials)
        self.assertEqual(read_stats(materials), [(0, 0, 0)] * 20)
