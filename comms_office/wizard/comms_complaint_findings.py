# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext


class CommsComplaintFindings(models.TransientModel):
    """The department concerned hands its findings back to the office."""

    _name = "comms.complaint.findings"
    _description = "Findings of the Department Concerned"

    complaint_id = fields.Many2one("comms.complaint", required=True, readonly=True)
    findings = fields.Html(
        required=True,
        sanitize_style=True,
        help="What the department found: facts checked, people heard, documents.",
    )
    corrective_action = fields.Text(
        help="What the department did or will do so that it does not happen again."
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        complaint_id = values.get("complaint_id") or self.env.context.get(
            "default_complaint_id"
        )
        if complaint_id and "corrective_action" in fields_list:
            values.setdefault(
                "corrective_action",
                self.env["comms.complaint"].browse(complaint_id).corrective_action,
            )
        return values

    def action_hand_back(self):
        self.ensure_one()
        complaint = self.complaint_id
        if complaint.state not in ("new", "acknowledged", "investigation"):
            raise UserError(
                self.env._("%(reference)s is no longer open.", reference=complaint.name)
            )
        if not html2plaintext(self.findings or "").strip():
            raise UserError(self.env._("Write what the department found."))
        complaint._hand_back_findings(self.findings, self.corrective_action)
        return {"type": "ir.actions.act_window_close"}
