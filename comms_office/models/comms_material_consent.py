# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CommsMaterialConsent(models.Model):
    """The recorded consent of a person a material shows or names.

    Health data and images of patients are sensitive personal data (Law
    18-07): the office keeps the signed consent with the material.
    """

    _name = "comms.material.consent"
    _description = "Consent to Appear in a Material"
    _order = "date desc, id desc"

    material_id = fields.Many2one(
        "comms.material", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="material_id.company_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Person")
    person_name = fields.Char(
        string="Name",
        compute="_compute_person_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    person_role = fields.Selection(
        [
            ("patient", "Patient"),
            ("relative", "Relative of a patient"),
            ("staff", "Staff member"),
            ("other", "Other"),
        ],
        string="Role",
        required=True,
        default="patient",
    )
    date = fields.Date(
        string="Consent Date", required=True, default=fields.Date.context_today
    )
    document = fields.Binary(
        string="Signed Consent", attachment=True, copy=False, required=True
    )
    document_name = fields.Char()
    scope = fields.Text(
        help="What the person agreed to: photo, video, name, quotes, media.",
    )
    date_expiry = fields.Date(string="Valid Until")

    @api.depends("partner_id")
    def _compute_person_name(self):
        for consent in self.filtered("partner_id"):
            consent.person_name = consent.partner_id.name

    def _is_recorded(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        return bool(
            self.person_name
            and self.date
            and self.document
            and (not self.date_expiry or self.date_expiry >= today)
        )
