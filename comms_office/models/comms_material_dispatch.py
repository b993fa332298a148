# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

DISPATCH_STATES = [
    ("queued", "Queued"),
    ("delivered", "Delivered"),
    ("opened", "Opened"),
    ("replied", "Replied"),
    ("bounced", "Bounced"),
    ("failed", "Failed"),
    ("cancel", "Not Sent"),
]
# mailing.trace status -> dispatch state
TRACE_STATES = {
    "outgoing": "queued",
    "process": "queued",
    "pending": "queued",
    "sent": "delivered",
    "open": "opened",
    "reply": "replied",
    "bounce": "bounced",
    "error": "failed",
    "cancel": "cancel",
}


class CommsMaterialDispatch(models.Model):
    """One journalist who was sent a material, and what became of the email.

    The email goes out as a mass mailing on the journalist's contact: its
    ``mailing.trace`` follows delivery, opening (tracking pixel), replies and
    bounces, and the dispatch reads its state from it.
    """

    _name = "comms.material.dispatch"
    _description = "Press Dispatch"
    _order = "date_sent desc, id desc"
    _rec_name = "partner_id"

    material_id = fields.Many2one(
        "comms.material", required=True, ondelete="cascade", index=True
    )
    variant_id = fields.Many2one(
        "comms.material",
        string="Version Sent",
        required=True,
        ondelete="cascade",
    )
    lang_id = fields.Many2one(related="variant_id.lang_id", string="Language")
    company_id = fields.Many2one(related="material_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Journalist", required=True, ondelete="cascade"
    )
    outlet_id = fields.Many2one(related="partner_id.parent_id", string="Outlet")
    email = fields.Char(required=True, help="Normalized address the email went to.")
    media_list_ids = fields.Many2many("comms.media.list", string="Media Lists")
    mailing_id = fields.Many2one("mailing.mailing", ondelete="set null")
    trace_id = fields.Many2one("mailing.trace", ondelete="set null")
    date_sent = fields.Datetime(
        string="Sent On", default=fields.Datetime.now, readonly=True
    )
    state = fields.Selection(
        DISPATCH_STATES,
        compute="_compute_state",
        store=True,
        default="queued",
        index=True,
    )
    open_datetime = fields.Datetime(
        related="trace_id.open_datetime", string="Opened On"
    )
    failure_reason = fields.Text(related="trace_id.failure_reason")
    partner_bounce = fields.Integer(
        related="partner_id.message_bounce", string="Bounces of the Contact"
    )

    _material_email_uniq = models.Constraint(
        "UNIQUE(material_id, email)",
        "This address already received the material.",
    )
    # the media analysis reads the dispatches per period
    _date_sent_idx = models.Index("(date_sent)")

    @api.depends("trace_id.trace_status")
    def _compute_state(self):
        for dispatch in self:
            if dispatch.trace_id:
                dispatch.state = TRACE_STATES.get(
                    dispatch.trace_id.trace_status, "queued"
                )
            elif not dispatch.state:
                dispatch.state = "queued"
