# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .comms_mail_intake_mixin import (
    DEFAULT_MAX_ATTACHMENT_SIZE,
    DEFAULT_MAX_ATTACHMENTS,
    DEFAULT_MAX_TEXT,
    MAX_ATTACHMENT_SIZE_PARAM,
    MAX_ATTACHMENTS_PARAM,
    MAX_TEXT_PARAM,
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    comms_calendar_id = fields.Many2one(
        related="company_id.comms_calendar_id", readonly=False
    )
    comms_ack_days = fields.Integer(related="company_id.comms_ack_days", readonly=False)
    comms_request_days = fields.Integer(
        related="company_id.comms_request_days", readonly=False
    )
    comms_announcement_reminder_days = fields.Integer(
        related="company_id.comms_announcement_reminder_days", readonly=False
    )
    comms_answer_days = fields.Integer(
        related="company_id.comms_answer_days", readonly=False
    )
    comms_inquiry_hours = fields.Integer(
        related="company_id.comms_inquiry_hours", readonly=False
    )
    comms_alias_domain_id = fields.Many2one(
        related="company_id.alias_domain_id", readonly=False
    )
    comms_head_id = fields.Many2one(related="company_id.comms_head_id", readonly=False)
    comms_complaint_retention_years = fields.Integer(
        related="company_id.comms_complaint_retention_years", readonly=False
    )
    comms_complaint_alias_prefix = fields.Char(
        string="Complaints Alias",
        help="Emails sent to this address become complaints.",
    )
    comms_director_budget_threshold = fields.Monetary(
        related="company_id.comms_director_budget_threshold",
        currency_field="comms_currency_id",
        readonly=False,
    )
    comms_currency_id = fields.Many2one(related="company_id.currency_id")
    comms_lang = fields.Selection(
        related="company_id.partner_id.lang",
        string="Office Language",
        readonly=False,
        help="Language of the mail to people whose language cannot be told "
        "from what they wrote, and the default of complaints and inquiries "
        "entered at the office.",
    )
    # size limits of incoming mail
    comms_mail_max_text_chars = fields.Integer(
        string="Text (characters)",
        config_parameter=MAX_TEXT_PARAM,
        default=DEFAULT_MAX_TEXT,
    )
    comms_mail_max_attachment_mb = fields.Integer(
        string="Attachment (MB)",
        default=DEFAULT_MAX_ATTACHMENT_SIZE // (1024 * 1024),
    )
    comms_mail_max_attachments = fields.Integer(
        string="Attachments",
        config_parameter=MAX_ATTACHMENTS_PARAM,
        default=DEFAULT_MAX_ATTACHMENTS,
    )

    def _default_comms_inquiry_alias(self):
        return self.env.ref(
            "comms_office.mail_alias_comms_inquiry", raise_if_not_found=False
        )

    comms_inquiry_alias_id = fields.Many2one(
        "mail.alias",
        string="Media Inquiry Alias",
        default=lambda self: self._default_comms_inquiry_alias(),
    )
    comms_inquiry_alias_name = fields.Char(
        related="comms_inquiry_alias_id.alias_name", readonly=False
    )
    comms_inquiry_alias_domain_id = fields.Many2one(
        related="comms_inquiry_alias_id.alias_domain_id",
        string="Media Inquiry Alias Domain",
        readonly=False,
    )

    @api.model
    def get_values(self):
        res = super().get_values()
        alias = self.env.ref(
            "comms_office.mail_alias_complaint", raise_if_not_found=False
        )
        res["comms_complaint_alias_prefix"] = alias.alias_name if alias else False
        max_size = self.env["comms.complaint"]._intake_limits()[1]
        res["comms_mail_max_attachment_mb"] = max(1, max_size // (1024 * 1024))
        return res

    def set_values(self):
        res = super().set_values()
        megabytes = self.comms_mail_max_attachment_mb
        current = self.env["comms.complaint"]._intake_limits()[1] // (1024 * 1024)
        if megabytes > 0 and megabytes != current:
            self.env["ir.config_parameter"].sudo().set_param(
                MAX_ATTACHMENT_SIZE_PARAM, str(megabytes * 1024 * 1024)
            )
        alias = self.env.ref(
            "comms_office.mail_alias_complaint", raise_if_not_found=False
        )
        prefix = self.comms_complaint_alias_prefix
        if not alias and prefix:
            alias = (
                self.env["mail.alias"]
                .sudo()
                .create(
                    {
                        "alias_contact": "everyone",
                        "alias_domain_id": self.env.company.alias_domain_id.id,
                        "alias_model_id": self.env["ir.model"]._get_id(
                            "comms.complaint"
                        ),
                        "alias_name": prefix,
                    }
                )
            )
            self.env["ir.model.data"].sudo().create(
                {
                    "name": "mail_alias_complaint",
                    "module": "comms_office",
                    "model": "mail.alias",
                    "noupdate": True,
                    "res_id": alias.id,
                }
            )
        elif alias and alias.alias_name != prefix:
            alias.sudo().alias_name = prefix
        return res
