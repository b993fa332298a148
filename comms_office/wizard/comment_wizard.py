# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CommentWizard(models.TransientModel):
    _inherit = "comment.wizard"

    def add_comment(self):
        """On the office's records, the comment and the decision go on the
        user's own open reviews of the record, and nowhere else."""
        self.ensure_one()
        if not self.env["tier.review"]._comms_is_office_model(self.res_model):
            return super().add_comment()
        record = self.env[self.res_model].browse(self.res_id)
        record._approval_check_own_reviews(self.review_ids)
        # sudo: reviews change through the approval only (see tier.review);
        # these are the user's own open reviews of the record, checked above
        self.review_ids.sudo().write({"comment": self.comment})
        if self.validate_reject == "validate":
            record._validate_tier(self.review_ids)
        if self.validate_reject == "reject":
            record._rejected_tier(self.review_ids)
        record._update_counter({"review_deleted": True})
