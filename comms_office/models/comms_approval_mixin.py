# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

APPROVAL_SUBTYPES = (
    "base_tier_validation.mt_tier_validation_requested",
    "base_tier_validation.mt_tier_validation_accepted",
    "base_tier_validation.mt_tier_validation_rejected",
    "base_tier_validation.mt_tier_validation_restarted",
)
# The approval's own record of what was decided: written by the approval
# round only, never by hand.
APPROVAL_FIELDS = (
    "review_ids",
    "validation_status",
    "approval_date",
    "approval_rejection_reason",
    "approval_resume_state",
)


class CommsApprovalMixin(models.AbstractModel):
    """Approval before a record commits the institution.

    Built on OCA's ``tier.validation``: the tier definitions of the model
    decide who reviews, in which order, and who is notified of what (their
    ``notify_on_*`` flags). A model using it inherits ``mail.thread`` and
    ``mail.activity.mixin`` itself, sets tier validation's ``_state_field``,
    ``_state_from`` (where the approval round runs) and ``_state_to`` (the
    states that need it), and lists its approved content in
    ``_approval_content_fields``. It then uses:

    - ``action_request_approval()``: start a round, or approve at once when
      no tier applies;
    - ``_comms_may_go_out()``: the gate, "may the approved content go out
      now?", and ``_comms_approval_under_way()``: "is a round asked for and
      not approved?";
    - ``_comms_on_approved()`` and ``_comms_on_rejected()``: what the record
      does once a round approved or rejected it (nothing by default: the
      record stays where it is, its own action makes the transition);
    - ``_comms_check_approvable()``: refuse a request or an approval;
    - ``_comms_decide()``: approve or reject as a reviewer, with a comment.

    The mixin keeps one activity for each reviewer whose turn it is, says
    every decision and its comment in the chatter through tier validation's
    notification hooks, records the approval date and the rejection reason,
    and asks for a new round when approved content changes while it is in
    use: a record past its ``_state_from`` goes back there and, once
    approved again, returns where it was.

    Nobody forges an approval: the reviews of the office's records change
    through the approval round only (``tier.review`` refuses direct writes),
    which runs them in superuser mode once it has checked the user's rights;
    tier validation still approves or rejects only the reviews whose
    reviewers include the user. The approval fields cannot be written by
    hand, and a record enters an approved state from its draft state only.
    """

    _name = "comms.approval.mixin"
    _inherit = ["tier.validation"]
    _description = "Communication Office Approval"

    _state_field = "state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    # approved content: changing it once approved asks for a new approval
    _approval_content_fields = []

    approval_rejection_reason = fields.Text(
        string="Rejection Reason", readonly=True, copy=False, tracking=True
    )
    approval_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    approved_by_ids = fields.Many2many(
        "res.users",
        compute="_compute_approved_by_ids",
        help="The reviewers who approved the last approval round.",
    )
    approval_resume_state = fields.Char(
        readonly=True,
        copy=False,
        help="State to go back to once the new approval round is over.",
    )

    @api.depends("review_ids.status", "review_ids.done_by")
    def _compute_approved_by_ids(self):
        for rec in self:
            rec.approved_by_ids = rec._approval_reviews_approved().done_by

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model
    def _has_field_access(self, field, operation):
        if operation == "write" and field.name in APPROVAL_FIELDS and not self.env.su:
            return False
        return super()._has_field_access(field, operation)

    def write(self, vals):
        self._approval_check_state_entry(vals)
        changed = [f for f in self._approval_content_fields if f in vals]
        to_reapprove = self.browse()
        if changed and not self.env.context.get("comms_approval_no_reapproval"):
            to_reapprove = self.filtered(lambda r: r._approval_content_in_use())
        res = super().write(vals)
        if to_reapprove:
            to_reapprove._approval_request_again(changed)
        return res

    def unlink(self):
        self.check_access("unlink")
        # sudo: the reviews go with their record, for whoever may delete it
        # (checked above); tier.review refuses it to everyone else
        self.sudo().review_ids.unlink()
        return super().unlink()

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_request_approval(self):
        """Start an approval round, or approve at once when no tier applies."""
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("request an approval")
        )
        return self._approval_request()

    def request_validation(self):
        if not self.env.su:
            self.check_access("write")
        # sudo: the reviews of the office's records are created by the
        # approval round only (see tier.review); it is started by whoever may
        # write the record, checked above
        reviews = super(CommsApprovalMixin, self.sudo()).request_validation()
        return reviews.with_env(self.env)

    def restart_validation(self):
        if not self.env.su:
            self.check_access("write")
        # sudo: the approval round drops its reviews, for whoever may write
        # the record (checked above)
        return super(CommsApprovalMixin, self.sudo()).restart_validation()

    def _get_to_validate_message_name(self):
        # the banner names the document in the reader's language
        return self.env["ir.model"]._get(self._name).name

    # ------------------------------------------------------------
    # API OF THE MODELS
    # ------------------------------------------------------------

    def _comms_may_go_out(self):
        """Whether the approved content may go out now: its approval round
        approved it, or no tier applies to it and none was asked for."""
        self.ensure_one()
        if self.review_ids:
            return self.validation_status == "validated"
        return not self.need_validation

    def _comms_approval_under_way(self):
        """Whether an approval round was asked for and has not approved the
        record: its reviewers decide, or a rejection waits for a new
        request."""
        self.ensure_one()
        return bool(self.review_ids) and self.validation_status != "validated"

    def _comms_on_approved(self):
        """Called once a round approved the records (and on a request when no
        tier applies), in the approval round's superuser mode; records that
        went back to their draft state because their approved content changed
        have returned where they were, and are not passed."""

    def _comms_on_rejected(self):
        """Called once a tier rejected the records, in the approval round's
        superuser mode; the rejection reason is recorded already."""

    def _comms_check_approvable(self):
        """Raise to refuse asking for or giving the approval of the records."""

    def _comms_decide(self, approve, comment=False, reviews=None):
        """Approve or reject the record as its reviewer does from the form:
        the user's open ``reviews`` of it (by default those whose turn it
        is), with ``comment``."""
        self.ensure_one()
        if reviews is None:
            sequences = self._get_sequences_to_approve(self.env.user)
            reviews = self.review_ids.filtered(lambda r: r.sequence in sequences)
        self._approval_check_own_reviews(reviews)
        if comment:
            # sudo: reviews change through the approval round only (see
            # tier.review); these are the user's own open reviews, checked above
            reviews.sudo().write({"comment": comment})
        if approve:
            self._validate_tier(reviews)
        else:
            self._rejected_tier(reviews)
        self._update_counter({"review_deleted": True})

    # ------------------------------------------------------------
    # TIER VALIDATION HOOKS
    # ------------------------------------------------------------

    def _tier_validation_check_write_remove_reviews(self, vals):
        dropped = self.filtered(
            lambda r: r.review_ids and r._allow_to_remove_reviews(vals)
        )
        if self.env.su or self._state_field not in vals:
            res = super()._tier_validation_check_write_remove_reviews(vals)
        else:
            self.check_access("write")
            # sudo: a record cancelled or set back to draft drops its reviews,
            # as tier validation wants, for whoever may write it (checked above)
            res = super(
                CommsApprovalMixin, self.sudo()
            )._tier_validation_check_write_remove_reviews(vals)
        # the round is over: so are its reviewers' activities
        dropped._approval_sync_activities()
        return res

    def _tier_validation_check_state_on_write(self, vals):
        # ``need_validation`` has no dependencies: never trust a cached value
        self.invalidate_recordset(["need_validation"])
        # this check may approve on the fly: the state is already being written
        return super(
            CommsApprovalMixin, self.with_context(comms_approval_in_write=True)
        )._tier_validation_check_state_on_write(vals)

    def _validate_tier(self, tiers=False):
        self._comms_check_approvable()
        return self._approval_decide("_validate_tier", tiers, approved=True)

    def _rejected_tier(self, tiers=False):
        return self._approval_decide("_rejected_tier", tiers, approved=False)

    def _notify_accepted_reviews(self):
        # Tier validation speaks here of the next tier when reviews go in
        # sequence, and not at all of the last one: the round says each
        # decision instead, once it is made (``_approval_decide``).
        if self.env.context.get("comms_approval_deciding"):
            return
        return super()._notify_accepted_reviews()

    def _notify_rejected_review(self):
        if self.env.context.get("comms_approval_deciding"):
            return
        return super()._notify_rejected_review()

    def _notify_accepted_reviews_body(self):
        if self.env.context.get("comms_approval_complete"):
            return self.env._("Approved: the approval round is complete.")
        review = self._approval_notified_review()
        if not review:
            return super()._notify_accepted_reviews_body()
        return self._approval_decision_body(
            review,
            self.env._(
                "Approved by %(user)s (%(tier)s).",
                user=self.env.user.name,
                tier=review.name,
            ),
        )

    def _notify_rejected_review_body(self):
        review = self._approval_notified_review()
        if not review:
            return super()._notify_rejected_review_body()
        return self._approval_decision_body(
            review,
            self.env._(
                "Rejected by %(user)s (%(tier)s).",
                user=self.env.user.name,
                tier=review.name,
            ),
        )

    def _notify_restarted_review_body(self):
        changed = self.env.context.get("comms_approval_changed_fields")
        if not changed:
            return super()._notify_restarted_review_body()
        return self.env._(
            "Approved content changed (%(fields)s): a new approval is requested.",
            fields=", ".join(
                self._fields[name]._description_string(self.env) for name in changed
            ),
        )

    def _check_allow_write_under_validation(self, vals):
        # a rejected record is back in the author's hands until resubmitted;
        # an approved one that stays in its state may change, then goes
        # through a new approval round
        if self.validation_status in ("rejected", "validated"):
            return True
        return super()._check_allow_write_under_validation(vals)

    @api.model
    def _get_under_validation_exceptions(self):
        # what is not approved content may change while reviewers look at it
        res = super()._get_under_validation_exceptions()
        content = set(self._approval_content_fields) | {self._state_field}
        return list(set(res) | {name for name in self._fields if name not in content})

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _approval_as_system(self):
        """The records as the approval round writes them: in superuser mode,
        past tier validation's write checks, without asking for a new round."""
        return self.sudo().with_context(
            skip_validation_check=True, comms_approval_no_reapproval=True
        )

    def _approval_request(self):
        """Start an approval round, or approve at once when no tier applies."""
        self._comms_check_approvable()
        done = self.filtered(lambda r: r.review_ids)
        done.restart_validation()
        self.invalidate_recordset(["review_ids", "need_validation"])
        to_review = self.filtered(lambda r: r.need_validation)
        if to_review:
            to_review.request_validation()
            to_review.invalidate_recordset(["need_validation"])
            to_review._approval_sync_activities()
        for rec in self - to_review:
            if not rec.review_ids and rec[self._state_field] in self._state_from:
                rec._approval_round_approved()
        return True

    def _approval_decide(self, method, tiers, approved):
        """Let tier validation record the decision, say in the chatter the
        reviews it decided, and move the record on."""
        self.ensure_one()
        self.check_access("read")
        if tiers:
            # the reviews of this record, whatever else was passed
            tiers = self.review_ids & tiers
            if not tiers:
                return False
        status = "approved" if approved else "rejected"
        before = {review.id: review.status for review in self.review_ids}
        # sudo: reviews change through the approval round only (see
        # tier.review); the decision stays the user's, since tier validation
        # decides only the reviews whose reviewers include env.user, which
        # sudo keeps
        deciding = self.sudo().with_context(comms_approval_deciding=True)
        decide = getattr(super(CommsApprovalMixin, deciding), method)
        res = decide(tiers.sudo() if tiers else tiers)
        decided = self.review_ids.filtered(
            lambda r: r.status == status and before.get(r.id) != status
        )
        for review in decided:
            notified = self.with_context(comms_approval_review_id=review.id)
            if approved:
                notified._notify_accepted_reviews()
            else:
                notified._notify_rejected_review()
        self._approval_after_review()
        return res

    def _approval_notified_review(self):
        """The review a decision message is about, if any."""
        review_id = self.env.context.get("comms_approval_review_id")
        return self.env["tier.review"].sudo().browse(review_id).exists()

    def _approval_decision_body(self, review, body):
        if review.comment:
            return Markup("%s<br/>%s") % (body, review.comment)
        return body

    def _approval_live_states(self):
        """States in which the approved content is in use."""
        return [s for s in self._state_to if s != self._cancel_state]

    def _approval_content_in_use(self):
        """Whether changing the approved content calls for a new approval:
        the record is past its approval, or approved and not gone out yet."""
        self.ensure_one()
        state = self[self._state_field]
        if state in self._state_from:
            return self.validation_status == "validated"
        return state in self._approval_live_states()

    def _approval_after_review(self):
        # promote the next tier now, so that its reviewers get their activity
        self.review_ids._update_review_status()
        if not self.env.context.get("comms_approval_in_write"):
            for rec in self:
                if rec[self._state_field] not in self._state_from:
                    continue
                if rec.validation_status == "validated":
                    rec._approval_round_approved()
                elif rec.validation_status == "rejected":
                    rec._approval_round_rejected()
        self._approval_sync_activities()

    def _approval_round_approved(self):
        self.ensure_one()
        resume_state = self.approval_resume_state
        vals = {
            "approval_resume_state": False,
            "approval_rejection_reason": False,
            "approval_date": fields.Datetime.now(),
        }
        if resume_state:
            vals[self._state_field] = resume_state
        self._approval_as_system().write(vals)
        if not resume_state:
            self._approval_as_system()._comms_on_approved()
        self.with_context(comms_approval_complete=True)._notify_accepted_reviews()

    def _approval_round_rejected(self):
        self.ensure_one()
        rejected = self.review_ids.filtered(lambda r: r.status == "rejected")
        reason = "\n".join(filter(None, rejected.mapped("comment"))) or self.env._(
            "Rejected by %(users)s.",
            users=", ".join(rejected.done_by.mapped("name")),
        )
        self._approval_as_system().write(
            {"approval_resume_state": False, "approval_rejection_reason": reason}
        )
        self._approval_as_system()._comms_on_rejected()

    def _approval_request_again(self, changed_fields):
        for rec in self:
            state = rec[self._state_field]
            if state not in self._state_from:
                rec._approval_as_system().write(
                    {
                        self._state_field: self._state_from[0],
                        "approval_resume_state": state,
                    }
                )
            rec.with_context(
                comms_approval_changed_fields=changed_fields
            )._notify_restarted_review()
        self._approval_request()

    def _approval_reviewers_to_notify(self, review):
        return review.reviewer_ids.filtered(
            lambda u: u.active and not u.share and u.id != SUPERUSER_ID
        )

    def _approval_sync_activities(self):
        """One approval activity per reviewer whose turn it is, no other."""
        activity_type = self.env.ref("comms_office.mail_activity_type_comms_approval")
        Activity = self.env["mail.activity"].sudo()
        existing = Activity.search(
            Domain("res_model", "=", self._name)
            & Domain("res_id", "in", self.ids)
            & Domain("activity_type_id", "=", activity_type.id)
        )
        existing_keys = {(a.res_id, a.user_id.id): a for a in existing}
        wanted = {}
        for review in self.sudo().review_ids.filtered(lambda r: r.status == "pending"):
            for user in self._approval_reviewers_to_notify(review):
                wanted.setdefault((review.res_id, user.id), review)
        outdated = existing.filtered(lambda a: (a.res_id, a.user_id.id) not in wanted)
        done = outdated.filtered(lambda a: a.user_id == self.env.user)
        if done:
            done.action_feedback(feedback=self.env._("Review done"))
        (outdated - done).exists().unlink()
        for (res_id, user_id), review in wanted.items():
            if (res_id, user_id) in existing_keys:
                continue
            # in the reviewer's language, whoever asked for the review
            lang = self.env["res.users"].browse(user_id).lang or self.env.lang
            record = self.browse(res_id).with_context(lang=lang)
            record.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                summary=record.env._(
                    "Approve: %(tier)s", tier=review.with_context(lang=lang).name
                ),
                user_id=user_id,
            )

    def _approval_reviews_approved(self):
        """The approved reviews of the current round, in the order given."""
        self.ensure_one()
        return (
            self.sudo()
            .review_ids.filtered(lambda r: r.status == "approved")
            .sorted(lambda r: (r.reviewed_date or fields.Datetime.now(), r.id))
        )

    def _approval_history(self):
        """Chatter messages of the approval rounds, oldest first."""
        self.ensure_one()
        subtypes = self.env["mail.message.subtype"]
        for xmlid in APPROVAL_SUBTYPES:
            subtypes |= self.env.ref(xmlid)
        return (
            self.env["mail.message"]
            .sudo()
            .search(
                Domain("model", "=", self._name)
                & Domain("res_id", "=", self.id)
                & Domain("subtype_id", "in", subtypes.ids),
                order="date asc, id asc",
            )
        )

    def _approval_erase_comments(self):
        """Forget what the approval wrote of the records: the reviewers'
        comments and the rejection reason (anonymisation)."""
        # sudo: the reviews change through the approval round only (see
        # tier.review); erasing personal data is the institution's duty
        self.env["tier.review"].sudo().search(
            Domain("model", "=", self._name)
            & Domain("res_id", "in", self.ids)
            & Domain("comment", "!=", False)
        ).write({"comment": False})
        self._approval_as_system().with_context(tracking_disable=True).write(
            {"approval_rejection_reason": False}
        )

    def _approval_check_state_entry(self, vals):
        """An approved state is entered from the draft state, through the
        approval, or from another approved state: never from a cancelled or
        any other state by writing it."""
        state = vals.get(self._state_field)
        if self.env.su or state not in self._approval_live_states():
            return
        allowed = set(self._state_from) | set(self._state_to)
        skipping = self.filtered(lambda r: r[self._state_field] not in allowed)
        if skipping:
            labels = dict(
                self._fields[self._state_field]._description_selection(self.env)
            )
            raise UserError(
                self.env._(
                    "%(names)s cannot become “%(state)s” without its approval: "
                    "set it back to draft and request the approval.",
                    names=", ".join(skipping.mapped("display_name")),
                    state=labels.get(state, state),
                )
            )

    def _approval_check_own_reviews(self, reviews):
        """Refuse deciding reviews that are not the user's open reviews of
        this record."""
        self.ensure_one()
        self.check_access("read")
        foreign = reviews.sudo().filtered(
            lambda r: (
                r.model != self._name
                or r.res_id != self.id
                or r.status not in ("waiting", "pending")
                or self.env.user not in r.reviewer_ids
            )
        )
        if foreign:
            raise AccessError(
                self.env._(
                    "You may decide only your own reviews of %(name)s, while "
                    "they are open.",
                    name=self.display_name,
                )
            )
