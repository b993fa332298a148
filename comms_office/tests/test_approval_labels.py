# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os
import re

import polib

from odoo.modules.module import get_module_path
from odoo.tests import tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import code_translations

from odoo.addons import base_tier_validation

from .common import CommsCampaignCommon

# what a translation must keep of its source: formatting placeholders and tags
PLACEHOLDERS = re.compile(r"%\(\w+\)s|%[sd]|<[^>]+>")

STATUSES_AR = {
    "waiting": "في الانتظار",
    "pending": "بانتظار المصادقة",
    "approved": "مصادَق عليها",
    "rejected": "مرفوضة",
    "cancel": "إلغاء",
}


@tagged("post_install", "-at_install")
class TestApprovalLabels(CommsCampaignCommon):
    """OCA's tier validation, which ships no Arabic, speaks Arabic to the
    office: its catalogue is in base_tier_validation/i18n_extra."""

    def _statuses(self, lang):
        Review = self.env["tier.review"].with_context(lang=lang)
        return dict(Review.fields_get(["status"])["status"]["selection"])

    def _request_approval(self, lang):
        self.user_officer.lang = lang
        campaign = self.campaign.with_user(self.user_officer).with_context(lang=lang)
        campaign.action_request_approval()
        campaign.invalidate_recordset()
        return campaign

    def test_campaign_under_approval_in_arabic(self):
        campaign = self._request_approval("ar_001")
        self.assertEqual(campaign.validation_status, "pending")
        review = campaign.review_ids
        self.assertEqual(campaign.next_review, f"المراجعة التالية: {review.name}")
        self.assertIn("بانتظار مصادقة", campaign.to_validate_message)
        self.assertEqual(self._statuses("ar_001"), STATUSES_AR)
        self.assertEqual(
            review.with_context(lang="ar_001").display_status, STATUSES_AR["pending"]
        )
        # the Approvals tab
        labels = {
            name: field["string"]
            for name, field in self.env["tier.review"]
            .with_context(lang="ar_001")
            .fields_get(["todo_by", "requested_by", "done_by", "reviewed_date"])
            .items()
        }
        self.assertEqual(
            labels,
            {
                "todo_by": "المكلَّف بها",
                "requested_by": "مقدّم الطلب",
                "done_by": "تمت بواسطة",
                "reviewed_date": "تاريخ المصادقة",
            },
        )
        # the chatter line of the request
        requested = self.env.ref("base_tier_validation.mt_tier_validation_requested")
        message = campaign.message_ids.filtered(lambda m: m.subtype_id == requested)
        self.assertEqual(len(message), 1)
        self.assertIn("مراجعة بانتظار", message.body)
        self.assertIn(f"طلبها {self.user_officer.name}.", message.body)
        self.assertEqual(requested.with_context(lang="ar_001").name, "طلب المصادقة")
        # the comment wizard and the Reviews menu of the web client
        wizard = self.env.ref("base_tier_validation.view_comment_wizard")
        arch = (
            self.env["comment.wizard"]
            .with_context(lang="ar_001")
            .get_view(wizard.id)["arch"]
        )
        self.assertIn('string="تعليق"', arch)
        web = code_translations.get_web_translations("base_tier_validation", "ar_001")
        self.assertIn(
            {"id": "No reviews to do.", "string": "لا توجد مراجعات مطلوبة منك."},
            web["messages"],
        )

    def test_campaign_under_approval_in_french(self):
        """OCA's French, completed where it has no translation."""
        campaign = self._request_approval("fr_FR")
        review = campaign.review_ids
        self.assertEqual(campaign.next_review, f"Suivante : {review.name}")
        self.assertIn("En attente de validation par", campaign.to_validate_message)
        self.assertEqual(self._statuses("fr_FR")["approved"], "Approuvé")
        requested = self.env.ref("base_tier_validation.mt_tier_validation_requested")
        message = campaign.message_ids.filtered(lambda m: m.subtype_id == requested)
        self.assertIn(f"demandée par {self.user_officer.name}.", message.body)

    def test_banner_in_the_readers_language(self):
        """Asked for in Arabic, read in French: who the review waits for and
        the name of the document follow the reader, not the requester."""
        campaign = self._request_approval("ar_001")
        group = campaign.review_ids.reviewer_group_id
        self.assertTrue(group, "the campaign's first tier is a group's")
        french = campaign.with_context(lang="fr_FR")
        french.invalidate_recordset()
        french.review_ids.invalidate_recordset()
        banner = french.to_validate_message
        self.assertIn(group.with_context(lang="fr_FR").name, banner)
        self.assertNotIn(group.with_context(lang="ar_001").name, banner)
        # before any tier is pending, the banner names the document
        self.assertEqual(
            french._get_to_validate_message_name(),
            self.env["ir.model"].with_context(lang="fr_FR")._get(campaign._name).name,
        )
        self.assertIn(
            group.with_context(lang="fr_FR").name,
            french.review_ids.todo_by,
        )

    def test_arabic_of_algeria(self):
        """Arabic (Algeria), the office's Arabic, reads the same catalogue."""
        lang = self.env.ref("comms_office.lang_ar_dz")
        lang.active = True
        self.env.ref("base.module_base_tier_validation")._update_translations("ar_DZ")
        self.assertEqual(self._statuses("ar_DZ"), STATUSES_AR)
        python = code_translations.get_python_translations(
            "base_tier_validation", "ar_DZ"
        )
        self.assertEqual(python["Next: %s"], "المراجعة التالية: %s")

    def test_catalogue_is_no_module(self):
        """Python imports OCA's package, Odoo knows no other module of that
        name; the catalogue only joins the package's search path."""
        oca = get_module_path("base_tier_validation")
        self.assertEqual(os.path.dirname(base_tier_validation.__file__), oca)
        self.assertEqual(base_tier_validation.__path__[0], oca)
        catalogue = os.path.dirname(
            os.path.dirname(file_path("base_tier_validation/i18n_extra/ar.po"))
        )
        self.assertIn(catalogue, base_tier_validation.__path__[1:])
        self.assertFalse(os.path.exists(os.path.join(catalogue, "__manifest__.py")))
        self.assertEqual(
            self.env["ir.module.module"].search_count(
                [("name", "=", "base_tier_validation")]
            ),
            1,
        )

    def test_catalogues_complete(self):
        """Every term of the module is in Arabic, with its placeholders; the
        French adds only what OCA's French leaves untranslated."""
        pot = polib.pofile(
            file_path("base_tier_validation/i18n/base_tier_validation.pot")
        )
        oca_fr = polib.pofile(file_path("base_tier_validation/i18n/fr.po"))
        ar = polib.pofile(file_path("base_tier_validation/i18n_extra/ar.po"))
        fr = polib.pofile(file_path("base_tier_validation/i18n_extra/fr.po"))
        self.assertIn("nplurals=6;", ar.metadata["Plural-Forms"])
        self.assertLessEqual({e.msgid for e in pot}, {e.msgid for e in ar})
        translated_fr = {e.msgid for e in oca_fr if e.msgstr and not e.obsolete}
        self.assertLessEqual(
            {e.msgid for e in pot}, translated_fr | {e.msgid for e in fr}
        )
        self.assertFalse(translated_fr & {e.msgid for e in fr}, "fr.po: OCA has these")
        for po in (ar, fr):
            for entry in po:
                self.assertTrue(entry.msgstr, entry.msgid)
                self.assertFalse(entry.fuzzy or entry.obsolete, entry.msgid)
                self.assertEqual(
                    sorted(PLACEHOLDERS.findall(entry.msgid)),
                    sorted(PLACEHOLDERS.findall(entry.msgstr)),
                    f"placeholders of {entry.msgid!r}",
                )
