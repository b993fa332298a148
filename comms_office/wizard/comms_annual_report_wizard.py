# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommsAnnualReportWizard(models.TransientModel):
    """The year of the office's annual activity report."""

    _name = "comms.annual.report.wizard"
    _description = "Annual Activity Report"

    def _default_year(self):
        return fields.Date.context_today(self).year

    year = fields.Integer(required=True, default=lambda self: self._default_year())
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _year_check = models.Constraint(
        "CHECK(year > 1999 AND year < 2200)", "Choose a valid year."
    )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_print_pdf(self):
        return self.env.ref(
            "comms_office.action_report_comms_annual_report_pdf"
        ).report_action(self)

    def action_print_xlsx(self):
        return self.env.ref(
            "comms_office.action_report_comms_annual_report_xlsx"
        ).report_action(self)
