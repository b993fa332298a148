# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class TierReview(models.Model):
    """Reviews of the office's records are decided by their reviewers, from
    the document, and by nobody else.

    Tier validation lets every employee write reviews: anyone could approve
    a statement by writing ``status``. For the office's models, reviews are
    created, decided and dropped by the approval round only
    (``comms.approval.mixin``), which works in superuser mode once it has
    checked who acts; any other create, write or unlink is refused.
    """

    _inherit = "tier.review"

    # who the review waits for, in the language of whoever reads it (the
    # approval banner, the Approvals tab), not of whoever asked for it
    todo_by = fields.Char(store=False)

    @api.depends_context("lang")
    def _compute_todo_by(self):
        return super()._compute_todo_by()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            self._comms_is_office_model(vals.get("model")) for vals in vals_list
        ):
            self._comms_refuse()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and self._comms_office_reviews():
            self._comms_refuse()
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self._comms_office_reviews():
            self._comms_refuse()
        return super().unlink()

    def _update_review_status(self):
        office = self._comms_office_reviews()
        # office is in superuser mode: promoting the next tier follows the
        # order of the definitions, whoever triggers it (the previous
        # approver, a reviewer's counter)
        super(TierReview, office)._update_review_status()
        return super(TierReview, self - office)._update_review_status()

    @api.model
    def _comms_is_office_model(self, model_name):
        return bool(
            model_name
            and model_name in self.pool
            and issubclass(self.pool[model_name], self.pool["comms.approval.mixin"])
        )

    def _comms_office_reviews(self):
        """The reviews of ``self`` that belong to the office's records, in
        superuser mode."""
        # sudo: only the model of the reviews is read, to know whether the
        # office's rules apply to them
        return self.sudo().filtered(lambda r: self._comms_is_office_model(r.model))

    def _comms_refuse(self):
        raise AccessError(
            self.env._(
                "Approvals of the communication office are given or refused "
                "from the document, by its reviewers: a review cannot be "
                "created, changed or deleted directly."
            )
        )
