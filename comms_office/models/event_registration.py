# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Odoo's registration state is the guest's answer, so that seats, reminders and
# the Events app's own screens see the same thing as the office; the RSVP only
# names it in the office's words, and tells a no-show from a registered guest.
RSVP_TO_STATE = {
    "invited": "draft",
    "confirmed": "open",
    "declined": "cancel",
    "attended": "done",
    "no_show": "open",
}
STATE_TO_RSVP = {
    "draft": "invited",
    "open": "confirmed",
    "cancel": "declined",
    "done": "attended",
}


class EventRegistration(models.Model):
    _inherit = "event.registration"
    # the token of the answer links answers the invitation, nothing else
    _comms_token_opens_one_page = True

    rsvp_status = fields.Selection(
        [
            ("invited", "Invited"),
            ("confirmed", "Confirmed"),
            ("declined", "Declined"),
            ("attended", "Attended"),
            ("no_show", "No-show"),
        ],
        string="RSVP",
        compute="_compute_rsvp_status",
        inverse="_inverse_rsvp_status",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="Invited: waiting for an answer. Confirmed: will come (reminders are "
        "sent). Declined: will not come. Attended: was there. No-show: confirmed "
        "but did not come.",
    )
    is_no_show = fields.Boolean(
        string="No-show",
        compute="_compute_is_no_show",
        store=True,
        readonly=False,
        copy=False,
        help="Registered, but did not come.",
    )
    guest_category = fields.Selection(
        [
            ("staff", "Staff"),
            ("public", "Public"),
            ("media", "Media"),
            ("partner", "Partners"),
        ],
        compute="_compute_guest_category",
        store=True,
        readonly=False,
        index=True,
        help="Staff: employees of the institution. Media: journalists and outlets. "
        "Partners: organisations and their people. Public: everyone else.",
    )
    is_walk_in = fields.Boolean(
        string="Walk-in",
        help="Came on the day without an invitation.",
    )
    invitation_sent = fields.Boolean(copy=False, readonly=True)
    access_token = fields.Char(
        "Security Token",
        copy=False,
        readonly=True,
        groups="event.group_event_registration_desk",
        help="Secret of the guest's answer links in the invitation.",
    )

    @api.depends("state", "is_no_show")
    def _compute_rsvp_status(self):
        for registration in self:
            # read is_no_show first: computing it clears it when the state moved
            if registration.is_no_show and registration.state == "open":
                registration.rsvp_status = "no_show"
            else:
                registration.rsvp_status = STATE_TO_RSVP.get(
                    registration.state, "invited"
                )

    def _inverse_rsvp_status(self):
        # write only what changes: Odoo logs attendance and reschedules its
        # reminders on every write of the state
        changes = defaultdict(lambda: self.browse())
        for registration in self.filtered("rsvp_status"):
            status = registration.rsvp_status
            target = (RSVP_TO_STATE[status], status == "no_show")
            if (registration.state, registration.is_no_show) != target:
                changes[target] |= registration
        for (state, is_no_show), registrations in changes.items():
            registrations.write({"state": state, "is_no_show": is_no_show})

    @api.depends("state")
    def _compute_is_no_show(self):
        # only a registered guest can fail to come
        for registration in self:
            registration.is_no_show = (
                registration.is_no_show and registration.state == "open"
            )

    @api.depends("partner_id")
    def _compute_guest_category(self):
        partners = self.partner_id
        # internal users' partners, in one query for the whole batch
        staff_partners = (
            self.env["res.users"]
            .sudo()
            .search([("partner_id", "in", partners.ids), ("share", "=", False)])
            .partner_id
        )
        for registration in self:
            partner = registration.partner_id
            if not partner:
                registration.guest_category = registration.guest_category or "public"
            elif partner in staff_partners:
                registration.guest_category = "staff"
            elif partner.is_media:
                registration.guest_category = "media"
            elif partner.is_company or partner.parent_id:
                registration.guest_category = "partner"
            else:
                registration.guest_category = "public"

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_rsvp_confirm(self):
        self.write({"rsvp_status": "confirmed"})

    def action_rsvp_decline(self):
        self.write({"rsvp_status": "declined"})

    def action_rsvp_attended(self):
        self.write({"rsvp_status": "attended"})

    def action_rsvp_no_show(self):
        self.write({"rsvp_status": "no_show"})

    def action_send_invitation(self):
        self._send_invitation()

    # ------------------------------------------------------------
    # ONLINE ANSWER
    # ------------------------------------------------------------

    def _rsvp_ensure_token(self):
        """The secret of the guest's answer links, created on first use (as
        portal documents do)."""
        self.ensure_one()
        if not self.sudo().access_token:
            self.sudo().write({"access_token": str(uuid.uuid4())})
        return self.sudo().access_token

    def _get_rsvp_url(self, answer):
        """Public link answering the invitation (answer: accept or decline)."""
        self.ensure_one()
        base_url = self.get_base_url()
        token = self._rsvp_ensure_token()
        return f"{base_url}/comms/event/rsvp/{self.id}/{token}/{answer}"

    def _rsvp_lang(self):
        """Language of the answer page: the invitation's own."""
        self.ensure_one()
        lang = self.event_id.lang or self.partner_id.lang
        if lang and self.env["res.lang"]._get_data(code=lang).active:
            return lang
        return False

    def _rsvp_check_answer(self):
        """Why the guest cannot answer online any more, or False."""
        self.ensure_one()
        event = self.event_id
        if not self.active or not event.active:
            return "closed"
        if self.rsvp_status in ("attended", "no_show"):
            return "attended"
        if event.date_begin and event.date_begin <= fields.Datetime.now():
            return "started"
        return False

    def _rsvp_answer(self, answer):
        """Record the guest's own answer (accept or decline), given through
        the invitation's links. Returns False when recorded, otherwise the
        reason of the refusal (closed, attended, started, full)."""
        self.ensure_one()
        refusal = self._rsvp_check_answer()
        if refusal:
            return refusal
        status = "confirmed" if answer == "accept" else "declined"
        if self.rsvp_status == status:
            return False
        try:
            with self.env.cr.savepoint():
                # the note below tells who answered, better than a tracking line
                # signed by whoever opened the page
                self.with_context(mail_notrack=True).write({"rsvp_status": status})
        except ValidationError:
            # no seat left: the office decides
            return "full"
        guest = self.partner_id.display_name or self.name or self.email
        # the note is read by the office, not by the guest
        office_lang = (
            self.event_id.user_id.lang
            or self.event_id.company_id.partner_id.lang
            or self.env.lang
        )
        env = self.with_context(lang=office_lang).env
        if status == "confirmed":
            body = env._("%(guest)s will attend (answered online).", guest=guest)
        else:
            body = env._("%(guest)s cannot attend (answered online).", guest=guest)
        author = self.partner_id.id or None
        self._message_log(body=body, author_id=author, email_from=self.email)
        self.event_id._message_log(body=body, author_id=author, email_from=self.email)
        return False

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _send_invitation(self, template=None):
        """Email the invitation to each guest who has an address, one mailing
        per event (as Odoo's event schedulers do), with tracking."""
        template = template or self.env.ref(
            "comms_office.mail_template_event_invitation", raise_if_not_found=False
        )
        guests = self.filtered("email")
        if not template or not guests:
            return self.browse()
        for event, registrations in guests.grouped("event_id").items():
            author = (
                event.organizer_id
                if event.organizer_id.email
                else (event.company_id or self.env.company).partner_id
            )
            if not author.email:
                author = self.env.user.partner_id
            composer = self.env["mail.compose.message"].create(
                {
                    "composition_mode": "mass_mail",
                    "force_send": False,
                    "model": registrations._name,
                    "res_ids": registrations.ids,
                    "template_id": template.id,
                    "author_id": author.id,
                    "email_from": template.email_from or author.email_formatted,
                }
            )
            # guests without a partner keep their address: no contact is created
            composer.with_context(
                mail_composer_force_partners=False
            )._action_send_mail()
        guests.invitation_sent = True
        return guests

    @api.model
    def _comms_attendance_figures(self, groups):
        """Guests of one or several events from their registrations.

        ``groups`` yields ``(rsvp_status, is_walk_in, count)``. Invited: the
        guests the office invited, whatever their answer (walk-ins were not
        invited). Expected: everyone who did not decline, walk-ins included.
        Attended: everyone who came. The attendance rate is the attended among
        the expected, ``None`` when nobody is expected.
        """
        invited = expected = attended = walk_ins = declined = 0
        for status, walk_in, count in groups:
            if walk_in:
                walk_ins += count
            else:
                invited += count
            if status == "declined":
                declined += count
            else:
                expected += count
            if status == "attended":
                attended += count
        return {
            "invited": invited,
            "expected": expected,
            "attended": attended,
            "walk_ins": walk_ins,
            "declined": declined,
            "rate": 100.0 * attended / expected if expected else None,
        }
