# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged, users

from .common import CommsCampaignCommon


@tagged("post_install", "-at_install")
class TestCampaignApproval(CommsCampaignCommon):
    def _approval_activities(self, campaign):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "comms.campaign"),
                ("res_id", "=", campaign.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("comms_office.mail_activity_type_comms_approval").id,
                ),
            ]
        )

    @users("comms_officer")
    def test_officer_drafts_and_submits(self):
        campaign = self.campaign.with_user(self.env.user)
        self.assertEqual(campaign.state, "draft")
        self.assertEqual(
            campaign.stage_id, self.env.ref("comms_office.comms_campaign_stage_draft")
        )
        self.assertTrue(campaign.utm_campaign_id)
        self.assertEqual(campaign.utm_campaign_id.title, "Vaccinate on time")
        campaign.action_request_approval()
        self.assertEqual(campaign.validation_status, "pending")
        self.assertEqual(len(campaign.review_ids), 1, "below the threshold: head only")
        self.assertIn(self.user_manager, campaign.review_ids.reviewer_ids)
        self.assertFalse(campaign.can_review)
        # the officer cannot approve nor change the content under review
        with self.assertRaises(ValidationError):
            campaign.budget = 300000.0
        with self.assertRaises(UserError):
            campaign.action_start()
        activities = self._approval_activities(campaign)
        self.assertIn(self.user_manager, activities.user_id)
        self.assertNotIn(self.user_officer, activities.user_id)

    def test_head_approves_below_threshold(self):
        self.campaign.with_user(self.user_officer).action_request_approval()
        self._approve(self.campaign, self.user_manager, "Good plan.")
        campaign = self.campaign
        self.assertEqual(campaign.validation_status, "validated")
        self.assertEqual(campaign.state, "approved")
        self.assertEqual(campaign.stage_id.state, "approved")
        self.assertTrue(campaign.approval_date)
        self.assertFalse(self._approval_activities(campaign))
        bodies = " ".join(campaign.message_ids.mapped("body"))
        self.assertIn("Approved by Head of Office", bodies)
        self.assertIn("Good plan.", bodies)
        self.assertIn("approval round is complete", bodies)
        # now it may start
        campaign.with_user(self.user_officer).action_start()
        self.assertEqual(campaign.state, "running")

    def test_director_above_threshold(self):
        self.campaign.budget = 1500000.0
        self.assertTrue(self.campaign.approval_director_required)
        self.campaign.with_user(self.user_officer).action_request_approval()
        self.assertEqual(len(self.campaign.review_ids), 2)
        self._approve(self.campaign, self.user_manager)
        self.assertEqual(self.campaign.validation_status, "pending")
        self.assertEqual(self.campaign.state, "draft")
        # the director's turn: their activity replaces the head's
        activities = self._approval_activities(self.campaign)
        self.assertEqual(activities.user_id, self.user_director)
        # the head of office cannot approve the director's tier
        self.assertFalse(self.campaign.with_user(self.user_manager).can_review)
        self.assertTrue(self.campaign.with_user(self.user_director).can_review)
        self._approve(self.campaign, self.user_director, "Budget granted.")
        self.assertEqual(self.campaign.state, "approved")
        self.assertFalse(self._approval_activities(self.campaign))
        history = self.campaign._approval_history()
        self.assertTrue(any("Budget granted." in m.body for m in history))

    def test_rejection_back_to_draft_with_reason(self):
        self.campaign.with_user(self.user_officer).action_request_approval()
        self._reject(self.campaign, self.user_manager, "The insight is missing.")
        campaign = self.campaign
        self.assertEqual(campaign.validation_status, "rejected")
        self.assertEqual(campaign.state, "draft")
        self.assertEqual(campaign.approval_rejection_reason, "The insight is missing.")
        self.assertFalse(self._approval_activities(campaign))
        self.assertIn(
            "The insight is missing.", " ".join(campaign.message_ids.mapped("body"))
        )
        with self.assertRaises(UserError):
            campaign.with_user(self.user_officer).action_start()
        # the officer completes the campaign and submits it again
        officer_campaign = campaign.with_user(self.user_officer)
        officer_campaign.insight = "<p>Parents fear side effects.</p>"
        officer_campaign.action_request_approval()
        self.assertEqual(campaign.validation_status, "pending")
        self._approve(campaign, self.user_manager)
        self.assertEqual(campaign.state, "approved")
        self.assertFalse(campaign.approval_rejection_reason)

    def test_cannot_start_before_approval(self):
        campaign = self.campaign.with_user(self.user_officer)
        with self.assertRaises(UserError):
            campaign.action_start()
        running = self.env.ref("comms_office.comms_campaign_stage_running")
        with self.assertRaises(UserError):
            campaign.stage_id = running
        self.assertEqual(campaign.state, "draft")

    def test_editing_running_campaign_asks_approval_again(self):
        self.campaign.with_user(self.user_officer).action_request_approval()
        self._approve(self.campaign, self.user_manager)
        campaign = self.campaign.with_user(self.user_officer)
        campaign.action_start()
        # what is not approved content does not need a new approval
        campaign.budget_spent = 5000.0
        self.assertEqual(campaign.state, "running")
        campaign.key_messages = "<p>A new message</p>"
        self.assertEqual(campaign.state, "draft")
        self.assertEqual(campaign.validation_status, "pending")
        self.assertEqual(campaign.approval_resume_state, "running")
        self.assertIn(self.user_manager, self._approval_activities(campaign).user_id)
        self._approve(self.campaign, self.user_manager)
        self.assertEqual(self.campaign.state, "running", "back where it was")

    def test_no_tier_approves_at_once(self):
        self.env["tier.definition"].search(
            [("model", "=", "comms.campaign")]
        ).active = False
        self.campaign.with_user(self.user_officer).action_request_approval()
        self.assertEqual(self.campaign.state, "approved")

    def test_stage_shows_the_state(self):
        """The state is the truth: the kanban column follows it, and moving a
        campaign to a column asks for that column's state."""
        Stage = self.env["comms.campaign.stage"]
        review = Stage.create({"name": "In Review", "state": "draft", "sequence": 15})
        draft = self.env.ref("comms_office.comms_campaign_stage_draft")
        approved = self.env.ref("comms_office.comms_campaign_stage_approved")
        cancelled = self.env.ref("comms_office.comms_campaign_stage_cancel")
        campaign = self.campaign.with_user(self.user_officer)
        campaign.stage_id = review
        self.assertEqual((campaign.state, campaign.stage_id), ("draft", review))
        campaign.stage_id = cancelled
        self.assertEqual(campaign.state, "cancel")
        campaign.action_draft()
        self.assertEqual(campaign.stage_id, draft)
        with self.assertRaises(ValidationError):
            campaign.stage_id = approved
        campaign.action_request_approval()
        self._approve(self.campaign, self.user_manager)
        self.assertEqual(campaign.stage_id, approved)

    def test_kanban_stages(self):
        approved = self.env.ref("comms_office.comms_campaign_stage_approved")
        groups = (
            self.env["comms.campaign"]
            .with_user(self.user_officer)
            .with_context(read_group_expand=True)
            .formatted_read_group([], ["stage_id"], ["__count"])
        )
        self.assertIn(approved.id, [g["stage_id"][0] for g in groups])
