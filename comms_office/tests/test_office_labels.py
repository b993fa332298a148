# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import CommsCampaignCommon
from .complaint_common import ComplaintCommon
from .lang_common import fake_translation


@tagged("post_install", "-at_install")
class TestLabelsInTheReadersLanguage(CommsCampaignCommon):
    """What the module writes for someone is in that person's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer.lang = "fr_FR"
        cls.user_manager.lang = "ar_001"
        cls.user_director.lang = "fr_FR"

    def test_approval_activity_in_the_reviewers_language(self):
        with (
            fake_translation("ar_001", "Approve: %(tier)s", "وافق: %(tier)s"),
            fake_translation("fr_FR", "Approve: %(tier)s", "Approuver : %(tier)s"),
        ):
            self.campaign.budget = 2000000.0
            self.campaign.with_user(self.user_officer).action_request_approval()
            activity = self.campaign.activity_ids.filtered(
                lambda a: a.user_id == self.user_manager
            )
            self.assertEqual(len(activity), 1)
            tier = self.campaign.review_ids.filtered(
                lambda r: r.status == "pending"
            ).with_context(lang="ar_001")
            self.assertEqual(activity.summary, f"وافق: {tier.name}")
            # the director's turn comes when the head approves: in French
            self._approve(self.campaign, self.user_manager)
            activity = self.campaign.activity_ids
            self.assertEqual(activity.user_id, self.user_director)
            self.assertTrue(activity.summary.startswith("Approuver : "))

    def test_publication_place_in_the_readers_language(self):
        channel = self.env.ref("comms_office.comms_channel_website")
        french = channel.with_context(lang="fr_FR").name
        self.assertNotEqual(french, channel.with_context(lang="en_US").name)
        material = self.env["comms.material"].create(
            {"name": "Open day", "campaign_id": self.campaign.id}
        )
        material.action_request_approval()
        self._approve(material, self.user_manager)
        self.assertEqual(material.state, "approved")
        publication = (
            self.env["comms.publication"]
            .with_context(lang="en_US")
            .create(
                {
                    "material_id": material.id,
                    "channel_id": channel.id,
                    "date": "2025-04-02",
                }
            )
        )
        self.assertEqual(publication.name, "Open day", "no channel stored in the name")
        self.assertEqual(
            publication.with_context(lang="fr_FR").display_name, f"Open day – {french}"
        )
        self.env.flush_all()
        entry = (
            self.env["comms.editorial.calendar"]
            .with_context(lang="fr_FR")
            .search(
                [
                    ("res_model", "=", "comms.publication"),
                    ("res_id", "=", publication.id),
                ]
            )
        )
        self.assertEqual(entry.display_name, f"Open day – {french}")

    def test_answer_subject_in_the_journalists_language(self):
        self.journalist_daily.lang = "fr_FR"
        inquiry = self.env["comms.inquiry"].create(
            {
                "name": "Maternité",
                "partner_id": self.journalist_daily.id,
                "answer": "<p>Ouverture en mai.</p>",
            }
        )
        with fake_translation("fr_FR", "Re: %(subject)s", "Réf : %(subject)s"):
            inquiry.with_user(self.user_manager).with_context(
                lang="ar_001"
            ).action_send_answer()
        self.assertEqual(inquiry.message_ids[0].subject, "Réf : Maternité")


@tagged("post_install", "-at_install")
class TestComplaintLabels(ComplaintCommon):
    def test_deadline_reminders_in_each_recipients_language(self):
        self.user_head_emergency.lang = "fr_FR"
        self.user_manager.lang = "ar_001"
        complaint = self.env["comms.complaint"].create(
            {
                "subject": "Late",
                "description": "x",
                "department_id": self.dept_emergency.id,
                "date_received": fields.Datetime.now() - timedelta(days=10),
            }
        )
        with (
            fake_translation("fr_FR", "Acknowledge", "Accuser réception"),
            fake_translation("fr_FR", "%(what)s: overdue", "%(what)s : en retard"),
            fake_translation("ar_001", "Acknowledge", "الإشعار"),
            fake_translation("ar_001", "%(what)s: overdue", "%(what)s: متأخر"),
        ):
            self.env["comms.complaint"].with_context(
                lang="en_US"
            )._cron_deadline_activities()
        summaries = {a.user_id: a.summary for a in complaint.activity_ids}
        self.assertEqual(
            summaries,
            {
                self.user_head_emergency: "Accuser réception : en retard",
                self.user_manager: "الإشعار: متأخر",
            },
        )

    def test_health_and_safety_triage_in_the_readers_language(self):
        self.user_manager.lang = "ar_001"
        hygiene = self.cat_hygiene
        with fake_translation(
            "ar_001", "Health and safety: triage today", "الصحة والسلامة: الفرز اليوم"
        ):
            complaint = (
                self.env["comms.complaint"]
                .with_context(lang="fr_FR")
                .create(
                    {
                        "subject": "Needles on the floor",
                        "description": "x",
                        "category_id": hygiene.id,
                        "health_safety": True,
                    }
                )
            )
        triage = complaint.activity_ids.filtered(
            lambda a: a.user_id == self.user_manager
        )
        self.assertEqual(triage.summary, "الصحة والسلامة: الفرز اليوم")
