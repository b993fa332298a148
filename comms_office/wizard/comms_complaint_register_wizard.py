# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CommsComplaintRegisterWizard(models.TransientModel):
    """The month of the register table sent to the Mediator's delegate: its
    figures are the register's (``comms.complaint.register.report``)."""

    _name = "comms.complaint.register.wizard"
    _description = "Monthly Complaints Register"

    def _default_month(self):
        previous = fields.Date.context_today(self) - relativedelta(months=1)
        return str(previous.month)

    def _default_year(self):
        return (fields.Date.context_today(self) - relativedelta(months=1)).year

    month = fields.Selection(
        [
            ("1", "January"),
            ("2", "February"),
            ("3", "March"),
            ("4", "April"),
            ("5", "May"),
            ("6", "June"),
            ("7", "July"),
            ("8", "August"),
            ("9", "September"),
            ("10", "October"),
            ("11", "November"),
            ("12", "December"),
        ],
        required=True,
        default=lambda self: self._default_month(),
    )
    year = fields.Integer(required=True, default=lambda self: self._default_year())
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    name = fields.Char(string="Period", compute="_compute_dates")
    date_from = fields.Date(compute="_compute_dates")
    date_to = fields.Date(compute="_compute_dates")

    _year_check = models.Constraint(
        "CHECK(year > 1999 AND year < 2200)", "Choose a valid year."
    )

    @api.depends_context("lang")
    @api.depends("month", "year")
    def _compute_dates(self):
        months = dict(self._fields["month"]._description_selection(self.env))
        for wizard in self:
            if wizard.month and wizard.year:
                wizard.name = f"{months[wizard.month]} {wizard.year}"
                wizard.date_from = date(wizard.year, int(wizard.month), 1)
                wizard.date_to = wizard.date_from + relativedelta(months=1, days=-1)
            else:
                wizard.name = wizard.date_from = wizard.date_to = False

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_print_pdf(self):
        return self.env.ref(
            "comms_office.action_report_comms_complaint_register_wizard_pdf"
        ).report_action(self)

    def action_print_xlsx(self):
        return self.env.ref(
            "comms_office.action_report_comms_complaint_register_wizard_xlsx"
        ).report_action(self)
