# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from .common import CommsCommon


class CommsMediaCommon(CommsCommon):
    """Materials, a campaign and an alias domain for the media tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create(
            {
                "name": "hopital-medea.test",
                "bounce_alias": "bounce",
                "catchall_alias": "catchall",
                "default_from": "notifications",
                "company_ids": [(4, cls.company.id)],
                "sequence": 1,
            }
        )
        cls.company.alias_domain_id = cls.alias_domain
        # journalists read the language of their outlet, whatever the database's
        (cls.journalist_radio | cls.journalist_daily).lang = False
        cls.inquiry_alias = cls.env.ref("comms_office.mail_alias_comms_inquiry")
        cls.inquiry_alias.alias_domain_id = cls.alias_domain
        cls.user_officer.email = "officer@hopital-medea.test"
        cls.user_manager.email = "head@hopital-medea.test"
        cls.campaign = cls.env["comms.campaign"].create({"name": "Maternity ward"})
        cls.key_message = cls.env["comms.key.message"].create(
            {"name": "Safer births in Médéa", "campaign_id": cls.campaign.id}
        )
        cls.consent_pdf = base64.b64encode(b"%PDF-1.4 signed consent")

    @classmethod
    def _create_material(cls, **values):
        vals = {
            "name": "Une nouvelle maternité",
            "material_type": "press_release",
            "lang_id": cls.lang_fr.id,
            "body": "<p>Le service de maternité ouvre ses portes.</p>",
            "campaign_id": cls.campaign.id,
        }
        vals.update(values)
        return cls.env["comms.material"].create(vals)

    @classmethod
    def _approve(cls, record, user):
        return cls._review(record, user, "OK")

    @classmethod
    def _approve_now(cls, materials):
        """Submit and approve ``materials`` as the head of office."""
        for material in materials:
            material.action_request_approval()
            cls._approve(material, cls.user_manager)
