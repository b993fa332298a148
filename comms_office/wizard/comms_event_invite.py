# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize


class CommsEventInvite(models.TransientModel):
    _name = "comms.event.invite"
    _description = "Invite Guests to an Event"

    event_id = fields.Many2one("event.event", required=True, ondelete="cascade")
    partner_ids = fields.Many2many(
        "res.partner",
        "comms_event_invite_partner_rel",
        "wizard_id",
        "partner_id",
        string="Contacts",
    )
    media_list_ids = fields.Many2many(
        "comms.media.list",
        "comms_event_invite_media_list_rel",
        "wizard_id",
        "list_id",
        string="Media Lists",
    )
    user_ids = fields.Many2many(
        "res.users",
        "comms_event_invite_user_rel",
        "wizard_id",
        "user_id",
        string="Staff",
        domain=[("share", "=", False)],
    )
    send_invitation = fields.Boolean(
        string="Send the Invitation by Email", default=True
    )
    template_id = fields.Many2one(
        "mail.template",
        string="Invitation Email",
        domain=[("model", "=", "event.registration")],
        default=lambda self: self.env.ref(
            "comms_office.mail_template_event_invitation", raise_if_not_found=False
        ),
    )
    new_guest_count = fields.Integer(
        string="New Guests", compute="_compute_new_guest_count"
    )

    @api.depends("event_id", "partner_ids", "media_list_ids", "user_ids")
    def _compute_new_guest_count(self):
        for wizard in self:
            wizard.new_guest_count = len(wizard._get_new_guests())

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_invite(self):
        self.ensure_one()
        guests = self._get_new_guests()
        if not guests:
            raise UserError(
                self.env._("Everyone selected is already a guest of this event.")
            )
        vals_list = []
        for partner, category in guests:
            vals = {
                "event_id": self.event_id.id,
                "partner_id": partner.id,
                # invited: no seat taken until they answer
                "state": "draft",
            }
            # otherwise the category follows the contact (staff, media, partner…)
            if category:
                vals["guest_category"] = category
            vals_list.append(vals)
        registrations = self.env["event.registration"].create(vals_list)
        sent = self.env["event.registration"]
        if self.send_invitation:
            sent = registrations._send_invitation(self.template_id)
        self.event_id.message_post(
            body=self.env._(
                "%(count)s guests invited, %(sent)s invitations sent by email.",
                count=len(registrations),
                sent=len(sent),
            )
        )
        return {"type": "ir.actions.act_window_close"}

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _get_new_guests(self):
        """Partners to invite with their category, in order, leaving out those
        already registered (by partner or by email) and duplicates."""
        self.ensure_one()
        if not self.event_id:
            return []
        candidates = [(user.partner_id, "staff") for user in self.user_ids]
        candidates += [
            (partner, "media") for partner in self.media_list_ids._get_members()
        ]
        candidates += [(partner, False) for partner in self.partner_ids]
        existing = self.env["event.registration"].search(
            [("event_id", "=", self.event_id._origin.id)]
        )
        seen_partners = set(existing.partner_id.ids)
        seen_emails = {email_normalize(email) for email in existing.mapped("email")}
        seen_emails.discard(False)
        guests = []
        for partner, category in candidates:
            email = email_normalize(partner.email)
            if partner.id in seen_partners or (email and email in seen_emails):
                continue
            seen_partners.add(partner.id)
            if email:
                seen_emails.add(email)
            guests.append((partner, category))
        return guests
