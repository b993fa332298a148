# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportComplaintRegister(models.AbstractModel):
    _name = "report.comms_office.report_complaint_register"
    _description = "Monthly Complaints Register (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["comms.complaint.register.wizard"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "comms.complaint.register.wizard",
            "docs": wizards,
            "registers": self.env["comms.complaint.register.report"]._get_registers(
                wizards
            ),
        }
