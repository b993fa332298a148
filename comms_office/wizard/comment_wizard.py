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
        if self.validate_reject in ("validate", "reject"):
            record._comms_decide(
                self.validate_reject == "validate", self.comment, self.review_ids
            )
