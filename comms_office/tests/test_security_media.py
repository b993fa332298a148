# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .common_media import CommsMediaCommon

# rights per role, model by model: see CommsCommon.assertAccess
EXPECTED = {
    "comms.material": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.material.consent": {
        "employee": "----",
        "staff": "----",
        "officer": "rwcu",
        "manager": "rwcu",
    },
    "comms.material.dispatch": {
        "employee": "----",
        "staff": "----",
        "officer": "r-c-",
        "manager": "rwcu",
    },
    "comms.publication": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.spokesperson": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.inquiry": {
        "employee": "----",
        # staff read the inquiries they are asked facts about, not this one
        "staff": "R---",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.inquiry.report": {
        "employee": "----",
        "staff": "----",
        "officer": "r---",
        "manager": "r---",
    },
    "comms.coverage": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.key.message": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwcu",
        "manager": "rwcu",
    },
}


@tagged("post_install", "-at_install", "security")
class TestSecurityMedia(CommsMediaCommon):
    """Rights of each role on the media models, record by record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        material = cls._create_material()
        cls._approve_now(material)
        cls.records = {
            "comms.material": material,
            "comms.material.consent": cls.env["comms.material.consent"].create(
                {
                    "material_id": material.id,
                    "person_name": "Amina B.",
                    "document": cls.consent_pdf,
                }
            ),
            "comms.material.dispatch": cls.env["comms.material.dispatch"].create(
                {
                    "material_id": material.id,
                    "variant_id": material.id,
                    "partner_id": cls.journalist_daily.id,
                    "email": "omar@quotidien.test",
                }
            ),
            "comms.publication": cls.env["comms.publication"].create(
                {"material_id": material.id}
            ),
            "comms.spokesperson": cls.env["comms.spokesperson"].create(
                {"partner_id": cls.citizen.id}
            ),
            "comms.inquiry": cls.env["comms.inquiry"].create({"name": "Lits"}),
            "comms.coverage": cls.env["comms.coverage"].create(
                {"name": "Clip", "outlet_id": cls.outlet_daily.id}
            ),
            "comms.key.message": cls.key_message,
        }
        cls.env.flush_all()
        cls.records["comms.inquiry.report"] = cls.env["comms.inquiry.report"].browse(
            cls.records["comms.inquiry"].id
        )
        cls.users_by_role = {
            "employee": cls.user_employee,
            "staff": cls.user_staff,
            "officer": cls.user_officer,
            "manager": cls.user_manager,
        }

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_rights_per_model_and_role(self):
        for model, roles in EXPECTED.items():
            for role, rights in roles.items():
                with self.subTest(model=model, role=role):
                    self.assertAccess(
                        self.records[model], rights, self.users_by_role[role]
                    )

    def _upload(self, name):
        """A file as the form uploads it: on the model, not yet on a record."""
        return (
            self.env["ir.attachment"]
            .with_user(self.user_officer)
            .create({"name": name, "raw": b"%PDF-1.4", "res_model": "comms.material"})
        )

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    @users("comms_staff")
    def test_staff_read_approved_materials_only(self):
        """Drafts of statements are not for the whole hospital: staff read a
        material, its language versions and its files once approved."""
        Material = self.env["comms.material"].with_user(self.user_officer)
        draft = Material.create(
            {
                "name": "Projet de déclaration",
                "material_type": "statement",
                "lang_id": self.lang_fr.id,
                "body": "<p>Draft wording</p>",
                "attachment_ids": [(6, 0, self._upload("draft.pdf").ids)],
            }
        )
        translation = Material.create(
            {
                "name": "مشروع بيان",
                "lang_id": self.lang_ar.id,
                "variant_of_id": draft.id,
                "attachment_ids": [(6, 0, self._upload("draft-ar.pdf").ids)],
            }
        )
        approved = Material.create(
            {
                "name": "Communiqué approuvé",
                "lang_id": self.lang_fr.id,
                "attachment_ids": [(6, 0, self._upload("approved.pdf").ids)],
            }
        )
        self._approve_now(approved)
        self.assertEqual(approved.state, "approved")
        found = self.env["comms.material"].search([])
        self.assertIn(approved, found)
        self.assertNotIn(draft, found)
        self.assertNotIn(translation, found)
        for material in draft | translation:
            with self.assertRaises(AccessError):
                material.with_user(self.env.user).read(["name", "body"])
            with self.assertRaises(AccessError):
                material.attachment_ids.with_user(self.env.user).read(["raw"])
            self.assertFalse(
                self.env["mail.message"].search(
                    [("model", "=", material._name), ("res_id", "=", material.id)]
                )
            )
        approved.with_user(self.env.user).read(["name", "body"])
        approved.attachment_ids.with_user(self.env.user).read(["raw"])
        # approved, the draft is theirs to read
        draft.action_request_approval()
        self._approve(draft, self.user_manager)
        self._approve(draft, self.user_director)
        self.assertEqual(draft.state, "approved")
        draft.with_user(self.env.user).read(["name", "body"])
        draft.attachment_ids.with_user(self.env.user).read(["raw"])
