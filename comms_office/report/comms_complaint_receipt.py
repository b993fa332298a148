# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportComplaintReceipt(models.AbstractModel):
    """The receipt handed to the complainant: it carries the private link
    to the status page. Only the office prints it."""

    _name = "report.comms_office.report_complaint_receipt"
    _description = "Complaint Receipt for the Complainant"

    _for_complainant = True

    @api.model
    def _get_report_values(self, docids, data=None):
        complaints = self.env["comms.complaint"].browse(docids)
        # the menu shows the receipts to the office only; a URL or an RPC
        # call meets the same refusal
        complaints._check_office_action()
        complaints.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": complaints._name,
            "docs": complaints,
            "for_complainant": self._for_complainant,
        }


class ReportComplaintReceiptFile(models.AbstractModel):
    """The same receipt for the office's files: without the private link,
    which is the complainant's alone."""

    _name = "report.comms_office.report_complaint_receipt_file"
    _inherit = "report.comms_office.report_complaint_receipt"
    _description = "Complaint Receipt for the File"

    _for_complainant = False
