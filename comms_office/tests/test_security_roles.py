# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .complaint_common import ComplaintCommon

MUTE = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


@tagged("post_install", "-at_install", "security")
class TestSecurityRoles(ComplaintCommon):
    """What each role may change, model by model, tried by RPC-like calls:
    Staff < Officer < Head of Office < Director."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.comms_director_budget_threshold = 1000000.0
        cls.plan = cls.env["comms.plan"].create({"name": "Plan 2031", "budget": 9000})
        cls.campaign = cls.env["comms.campaign"].create(
            {"name": "Blood donors", "plan_id": cls.plan.id, "budget": 2000000.0}
        )
        cls.milestone = cls.env["comms.campaign.milestone"].create(
            {
                "campaign_id": cls.campaign.id,
                "name": "Radio spot",
                "date_deadline": "2031-03-12",
            }
        )
        cls.indicator = cls.env["comms.indicator"].create(
            {"campaign_id": cls.campaign.id, "name": "Donors", "target": 100}
        )
        cls.recommendation = cls.env["comms.recommendation"].create(
            {
                "campaign_id": cls.campaign.id,
                "name": "Start earlier",
                "user_id": cls.user_head_emergency.id,
            }
        )
        cls.draft = cls.env["comms.material"].create(
            {"name": "Draft leaflet", "lang_id": cls.lang_fr.id}
        )
        cls.inquiry = cls.env["comms.inquiry"].create(
            {"name": "Waiting times", "is_sensitive": True}
        )

    def _refused(self, record, vals):
        for name, value in vals.items():
            with (
                self.subTest(model=record._name, field=name),
                self.assertRaises(AccessError),
            ):
                record.write({name: value})

    def _refused_actions(self, record, *actions):
        for action in actions:
            with (
                self.subTest(model=record._name, action=action),
                self.assertRaises(AccessError),
            ):
                getattr(record, action)()

    @mute_logger(*MUTE)
    @users("comms_head_emergency")
    def test_staff(self):
        """Staff read what is shared with them; they write facts on the
        complaints of their department and the follow-up of their own
        recommendations, nothing else."""
        user = self.env.user
        complaint = self.complaint_emergency.with_user(user)
        complaint.write(
            {"investigation_notes": "<p>Facts</p>", "answer": "<p>Draft</p>"}
        )
        self._refused(complaint, {"state": "closed", "severity": "low"})
        self._refused_actions(complaint, "action_acknowledge", "action_close")
        recommendation = self.recommendation.with_user(user)
        recommendation.action_start()
        recommendation.follow_up = "Planned for March"
        self._refused(
            recommendation,
            {
                "name": "Nothing",
                "user_id": self.user_staff.id,
                "date_due": "2031-01-01",
            },
        )
        self.assertNotIn(self.draft, self.env["comms.material"].search([]))
        for record, vals in (
            (self.campaign, {"name": "Mine"}),
            (self.plan, {"name": "Mine"}),
            (self.milestone, {"name": "Mine"}),
            (self.indicator, {"target": 1}),
            (self.cat_waiting, {"name": "Mine"}),
            (self.dept_emergency, {"head_id": user.id}),
        ):
            self._refused(record.with_user(user), vals)
        self._refused_actions(
            self.campaign.with_user(user), "action_request_approval", "action_start"
        )
        with self.assertRaises(AccessError):
            self.inquiry.with_user(user).read(["name"])

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_officer(self):
        """Officers do the daily work; the approval, the plan's budget and
        standing, the configuration and deletions are not theirs."""
        user = self.env.user
        complaint = self.complaint_emergency.with_user(user)
        complaint.write({"severity": "low", "category_id": self.cat_hygiene.id})
        complaint.action_acknowledge()
        complaint.action_investigate()
        self._refused(
            complaint,
            {
                "anonymized": True,
                "date_answered": "2031-01-01 08:00:00",
                "validation_status": "validated",
            },
        )
        with self.assertRaises(AccessError):
            complaint.unlink()
        campaign = self.campaign.with_user(user)
        campaign.write({"name": "Blood donors 2031"})
        self._refused(
            campaign,
            {
                "utm_campaign_id": self.env["utm.campaign"].create({"title": "X"}).id,
                "validation_status": "validated",
            },
        )
        campaign.action_request_approval()
        campaign.validate_tier()
        self.assertEqual(campaign.validation_status, "pending")
        with self.assertRaises(AccessError):
            campaign.review_ids[0].write({"status": "approved"})
        with self.assertRaises(UserError):
            campaign.action_start()
        plan = self.plan.with_user(user)
        plan.write({"name": "Plan 2031 (revised)"})
        self._refused(plan, {"budget": 1, "state": "active"})
        self._refused_actions(plan, "action_activate", "action_close")
        self.env["comms.plan"].create({"name": "Draft plan"})
        with self.assertRaises(AccessError):
            self.env["comms.plan"].create({"name": "Rich plan", "budget": 5})
        self._refused(self.milestone.with_user(user), {"calendar_event_id": False})
        self._refused(self.cat_waiting.with_user(user), {"name": "Mine"})
        self._refused(self.dept_emergency.with_user(user), {"head_id": user.id})
        with self.assertRaises(AccessError):
            self.plan.with_user(user).unlink()
        with self.assertRaises(UserError):
            self.draft.with_user(user).action_publish()

    @mute_logger(*MUTE)
    @users("comms_manager")
    def test_head_of_office(self):
        """The head of office approves at the first level, sets the plan's
        budget and standing, configures and deletes."""
        user = self.env.user
        plan = self.plan.with_user(user)
        plan.write({"budget": 12000})
        plan.action_activate()
        self.assertEqual(plan.state, "active")
        self.cat_waiting.with_user(user).description = "Waiting times"
        self.dept_emergency.with_user(user).head_id = self.user_head_maternity
        self.campaign.with_user(self.user_officer).action_request_approval()
        self._review(self.campaign, user, "Fine.")
        campaign = self.campaign.with_user(user)
        self.assertEqual(campaign.validation_status, "pending", "the director's turn")
        self.assertFalse(campaign.can_review)
        campaign.validate_tier()
        self.assertEqual(campaign.state, "draft")
        with self.assertRaises(AccessError):
            campaign.review_ids.write({"status": "approved"})
        self.draft.with_user(user).unlink()
        self.complaint_maternity.with_user(user).unlink()

    @mute_logger(*MUTE)
    @users("comms_director")
    def test_director(self):
        """The director decides what commits the institution, with the
        approval buttons like everyone."""
        self.campaign.with_user(self.user_officer).action_request_approval()
        self._review(self.campaign, self.user_manager, "Fine.")
        campaign = self.campaign.with_user(self.env.user)
        with self.assertRaises(AccessError):
            campaign.review_ids.write({"status": "approved"})
        self.assertTrue(campaign.can_review)
        self._review(self.campaign, self.env.user, "Budget granted.")
        self.assertEqual(campaign.state, "approved")
