# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .complaint_common import ComplaintCommon

MUTE = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


@tagged("post_install", "-at_install", "security")
class TestApprovalSecurity(ComplaintCommon):
    """Approvals are decided by the reviewers of each tier, through the
    approval buttons: nobody forges them by writing reviews or states."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.comms_director_budget_threshold = 1000000.0
        cls.campaign = cls.env["comms.campaign"].create(
            {"name": "Hand hygiene", "budget": 1500000.0}
        )
        cls.campaign.with_user(cls.user_officer).action_request_approval()
        cls.review_head, cls.review_director = cls.campaign.review_ids.sorted(
            "sequence"
        )
        cls.statement = cls.env["comms.material"].create(
            {
                "name": "Statement on the outbreak",
                "material_type": "statement",
                "lang_id": cls.lang_fr.id,
                "body": "<p>Unapproved wording</p>",
            }
        )
        cls.statement.with_user(cls.user_officer).action_request_approval()
        # a sensitive complaint whose answer waits for the head of office
        cls.complaint = cls.complaint_emergency
        cls.complaint.severity = "high"
        cls.complaint.action_acknowledge()
        cls.complaint.action_investigate()
        cls.complaint.answer = "<p>We admit everything.</p>"
        cls.complaint.with_user(cls.user_officer).action_send_answer()
        cls.user_portal = mail_new_test_user(
            cls.env, login="comms_portal", groups="base.group_portal", name="Portal"
        )

    def _reviews(self):
        return (
            self.campaign.review_ids
            | self.statement.review_ids
            | self.complaint.review_ids
        )

    def _assert_nothing_approved(self):
        self.env.invalidate_all()
        self.assertEqual(self.campaign.validation_status, "pending")
        self.assertEqual(self.campaign.state, "draft")
        self.assertEqual(self.statement.validation_status, "pending")
        self.assertEqual(self.statement.state, "draft")
        self.assertEqual(self.complaint.validation_status, "pending")
        self.assertEqual(self.complaint.state, "investigation")

    @mute_logger(*MUTE)
    def test_forged_review_write(self):
        """Writing a review's status, whoever writes it, is refused: the
        reviewers decide with the buttons, and the record stays unvalidated."""
        for user in (
            self.user_employee,
            self.user_staff,
            self.user_officer,
            self.user_manager,
            self.user_director,
        ):
            for review in self._reviews():
                for vals in (
                    {"status": "approved"},
                    {"status": "approved", "done_by": user.id},
                    {"comment": "Approved."},
                    {"res_id": self.env["comms.campaign"].create({"name": "X"}).id},
                ):
                    with (
                        self.subTest(user=user.login, review=review.name, vals=vals),
                        self.assertRaises(AccessError),
                    ):
                        review.with_user(user).write(vals)
        self._assert_nothing_approved()
        with self.assertRaises(UserError):
            self.campaign.with_user(self.user_officer).action_start()
        with self.assertRaises(UserError):
            self.statement.with_user(self.user_officer).action_publish()
        with self.assertRaises(UserError):
            self.complaint.with_user(self.user_officer).action_send_answer()

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_forged_review_create_and_unlink(self):
        Review = self.env["tier.review"]
        other = self.complaint_maternity
        other.write({"state": "investigation", "answer": "<p>Sorry.</p>"})
        definition = self.env.ref("comms_office.tier_definition_complaint_sensitive")
        with self.assertRaises(AccessError):
            Review.create(
                {
                    "model": "comms.complaint",
                    "res_id": other.id,
                    "definition_id": definition.id,
                    "status": "approved",
                    "done_by": self.user_manager.id,
                }
            )
        self.assertFalse(other.review_ids)
        with self.assertRaises(AccessError):
            self.complaint.review_ids.with_user(self.env.user).unlink()
        # nor through the record's one2many
        complaint = self.complaint.with_user(self.env.user)
        for command in (
            [(1, complaint.review_ids.id, {"status": "approved"})],
            [(2, complaint.review_ids.id)],
            [(0, 0, {"model": complaint._name, "status": "approved"})],
        ):
            with self.subTest(command=command), self.assertRaises(AccessError):
                complaint.write({"review_ids": command})
        self._assert_nothing_approved()

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_forged_validation_status(self):
        for record in (self.campaign, self.statement, self.complaint):
            record = record.with_user(self.env.user)
            for vals in (
                {"validation_status": "validated"},
                {"approval_date": "2031-01-01 08:00:00"},
                {"approval_rejection_reason": "Nothing"},
                {"approval_resume_state": "running"},
            ):
                with (
                    self.subTest(model=record._name, vals=vals),
                    self.assertRaises(AccessError),
                ):
                    record.write(vals)
        self._assert_nothing_approved()

    @mute_logger(*MUTE)
    @users("comms_officer", "comms_manager")
    def test_forged_decision_through_the_comment_wizard(self):
        """The comment wizard decides the reviews of the user, nobody else's."""
        for record, review in (
            (self.campaign, self.review_director),
            (self.complaint, self.complaint.review_ids),
        ):
            if self.env.user in review.reviewer_ids:
                continue
            wizard = (
                self.env["comment.wizard"]
                .with_context(
                    default_res_model=record._name,
                    default_res_id=record.id,
                    default_review_ids=review.ids,
                    default_validate_reject="validate",
                )
                .create({"comment": "Approved by someone else."})
            )
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                wizard.add_comment()
            self.assertFalse(review.comment)
            self.assertNotEqual(review.status, "approved")
        # nor the reviews of another record, passed in as this one's
        own = self.campaign.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids
        )
        if own:
            wizard = (
                self.env["comment.wizard"]
                .with_context(
                    default_res_model="comms.material",
                    default_res_id=self.statement.id,
                    default_review_ids=own.ids,
                    default_validate_reject="validate",
                )
                .create({"comment": "Wrong record."})
            )
            with self.assertRaises(AccessError):
                wizard.add_comment()

    @mute_logger(*MUTE)
    def test_head_of_office_cannot_decide_the_directors_tier(self):
        self._review(self.campaign, self.user_manager, "Fine by me.")
        self.assertEqual(self.review_head.status, "approved")
        self.assertEqual(self.review_director.status, "pending")
        campaign = self.campaign.with_user(self.user_manager)
        self.assertFalse(campaign.can_review)
        campaign.validate_tier()
        self.assertEqual(self.review_director.status, "pending")
        with self.assertRaises(AccessError):
            self.review_director.with_user(self.user_manager).write(
                {"status": "approved"}
            )
        self.assertEqual(self.campaign.state, "draft")
        # the director does, with the button
        self._review(self.campaign, self.user_director, "Budget granted.")
        self.assertEqual(self.campaign.state, "approved")
        self.assertEqual(self.review_director.done_by, self.user_director)

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_no_approved_state_without_approval(self):
        """A cancelled record does not jump to an approved state."""
        campaign = self.env["comms.campaign"].create({"name": "Cancelled first"})
        campaign.action_cancel()
        with self.assertRaises(UserError):
            campaign.write({"state": "approved"})
        with self.assertRaises(UserError):
            campaign.write(
                {"stage_id": self.env.ref("comms_office.comms_campaign_stage_done").id}
            )
        material = self.env["comms.material"].create(
            {"name": "Draft poster", "lang_id": self.lang_fr.id}
        )
        material.action_cancel()
        for state in ("approved", "published"):
            with self.subTest(state=state), self.assertRaises(UserError):
                material.write({"state": state})
        self.assertEqual(material.state, "cancel")
        inquiry = self.env["comms.inquiry"].create(
            {"name": "Beds", "is_sensitive": True, "answer": "<p>Unapproved</p>"}
        )
        inquiry.answer_state = "cancel"
        with self.assertRaises(UserError):
            inquiry.answer_state = "approved"
        # from draft, tier validation asks for the approval
        with self.assertRaises(ValidationError):
            self.statement.with_user(self.env.user).write({"state": "published"})

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_sent_answer_is_not_rewritten(self):
        complaint = self.complaint_maternity.with_user(self.env.user)
        complaint.action_acknowledge()
        complaint.action_investigate()
        complaint.answer = "<p>Water is back.</p>"
        complaint.action_send_answer()
        self.assertEqual(complaint.state, "answered")
        with self.assertRaises(UserError):
            complaint.answer = "<p>Another answer than the one given.</p>"
        self.assertEqual(complaint.answer, "<p>Water is back.</p>")

    @mute_logger(*MUTE)
    def test_portal_and_public_read_no_reviews(self):
        public = self.env.ref("base.public_user")
        for user in (self.user_portal, public, self.user_employee):
            Review = self.env["tier.review"].with_user(user)
            with self.subTest(user=user.login):
                self.assertFalse(
                    Review.search([("model", "in", list(self._office_models()))])
                )
                with self.assertRaises(AccessError):
                    self._reviews().with_user(user).read(["status", "comment"])
        # the office reads them
        self._reviews().with_user(self.user_staff).read(["status"])

    def _office_models(self):
        return {"comms.campaign", "comms.complaint", "comms.material", "comms.inquiry"}
