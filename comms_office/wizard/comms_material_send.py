# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class CommsMaterialSend(models.TransientModel):
    """Send an approved press release to media lists, one email per journalist.

    Each journalist gets the version in their language when there is one,
    never twice the same address, and every email is traced.
    """

    _name = "comms.material.send"
    _description = "Send a Material to the Media"

    material_id = fields.Many2one("comms.material", required=True, readonly=True)
    media_list_ids = fields.Many2many("comms.media.list", string="Media Lists")
    partner_ids = fields.Many2many(
        "res.partner",
        string="Other Journalists",
        domain="[('is_media', '=', True), ('email', '!=', False)]",
    )
    recipient_count = fields.Integer(
        string="Will Receive", compute="_compute_recipients"
    )
    already_count = fields.Integer(
        string="Already Received", compute="_compute_recipients"
    )
    no_email_count = fields.Integer(
        string="Without Email", compute="_compute_recipients"
    )
    blacklisted_count = fields.Integer(
        string="Blocked Addresses", compute="_compute_recipients"
    )
    lang_summary = fields.Text(string="Languages", compute="_compute_recipients")

    @api.depends("material_id", "media_list_ids", "partner_ids")
    def _compute_recipients(self):
        for wizard in self:
            recipients = wizard._get_recipients()
            wizard.recipient_count = len(recipients["to_send"])
            wizard.already_count = len(recipients["already"])
            wizard.no_email_count = len(recipients["no_email"])
            wizard.blacklisted_count = len(recipients["blacklisted"])
            lines = []
            if recipients["to_send"] and wizard.material_id:
                by_variant = defaultdict(int)
                for variant in wizard.material_id._get_variant_for_partners(
                    recipients["to_send"]
                ).values():
                    by_variant[variant] += 1
                for variant, count in by_variant.items():
                    lines.append(
                        self.env._(
                            "%(lang)s: %(count)s",
                            lang=variant.lang_id.name,
                            count=count,
                        )
                    )
            wizard.lang_summary = "\n".join(lines)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_send(self):
        self.ensure_one()
        material = self.material_id
        if material.state not in ("approved", "published"):
            raise UserError(
                self.env._("A press release is sent to the media once approved.")
            )
        recipients = self._get_recipients()
        to_send = recipients["to_send"]
        if not to_send:
            raise UserError(
                self.env._(
                    "Nobody to send to: every member already received it, has no "
                    "email address or blocked the office's emails."
                )
            )
        by_variant = defaultdict(lambda: self.env["res.partner"])
        for partner_id, variant in material._get_variant_for_partners(to_send).items():
            by_variant[variant] |= to_send.browse(partner_id)
        Mailing = self.env["mailing.mailing"]
        mailings = Mailing
        for variant, partners in by_variant.items():
            mailing = Mailing.create(self._prepare_mailing_vals(variant, partners))
            mailing.action_send_mail(res_ids=partners.ids)
            mailings |= mailing
        traces = self.env["mailing.trace"].search(
            [("mass_mailing_id", "in", mailings.ids), ("model", "=", "res.partner")]
        )
        trace_by_key = {(t.mass_mailing_id.id, t.res_id): t for t in traces}
        lists_by_partner = defaultdict(list)
        for media_list in self.media_list_ids:
            for partner in media_list._get_members() & to_send:
                lists_by_partner[partner.id].append(media_list.id)
        dispatch_vals = []
        for (variant, partners), mailing in zip(
            by_variant.items(), mailings, strict=True
        ):
            for partner in partners:
                trace = trace_by_key.get((mailing.id, partner.id))
                dispatch_vals.append(
                    {
                        "material_id": material.id,
                        "variant_id": variant.id,
                        "partner_id": partner.id,
                        "email": partner.email_normalized,
                        "mailing_id": mailing.id,
                        "trace_id": trace.id if trace else False,
                        "media_list_ids": [(6, 0, lists_by_partner[partner.id])],
                    }
                )
        self.env["comms.material.dispatch"].create(dispatch_vals)
        material.message_post(body=self._get_summary_message(recipients))
        return {"type": "ir.actions.act_window_close"}

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _get_recipients(self):
        """Members of the lists, split by what will happen to them."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        res = {
            "to_send": Partner,
            "already": Partner,
            "no_email": Partner,
            "blacklisted": Partner,
            "duplicate": Partner,
        }
        if not self.material_id:
            return res
        members = self.media_list_ids._get_members() | self.partner_ids
        already_sent = self.material_id._get_dispatched_emails()
        seen = set()
        for partner in members.sorted("id"):
            email = partner.email_normalized
            if not email:
                res["no_email"] |= partner
            elif email in already_sent:
                res["already"] |= partner
            elif email in seen:
                # two contacts share the address: the first one gets it
                res["duplicate"] |= partner
            elif partner.is_blacklisted:
                res["blacklisted"] |= partner
            else:
                seen.add(email)
                res["to_send"] |= partner
        return res

    def _prepare_mailing_vals(self, variant, partners):
        body = variant.body or ""
        if variant.subtitle:
            body = Markup("<h3>%s</h3>") % variant.subtitle + Markup(body)
        return {
            "subject": variant.name,
            "mailing_type": "mail",
            "body_html": body,
            "body_arch": body,
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            "mailing_domain": repr([("id", "in", partners.ids)]),
            # the mailing takes ownership of its files: give it copies
            "attachment_ids": [(6, 0, variant.attachment_ids.copy().ids)],
            "campaign_id": variant.campaign_id.utm_campaign_id.id,
            "reply_to_mode": "new",
            "reply_to": self.env.user.email_formatted,
            "user_id": self.env.user.id,
            "keep_archives": True,
        }

    def _get_summary_message(self, recipients):
        body = self.env._(
            "Sent to %(count)s journalists (%(lists)s).",
            count=len(recipients["to_send"]),
            lists=", ".join(self.media_list_ids.mapped("name"))
            or self.env._("no list"),
        )
        skipped = []
        if recipients["already"]:
            skipped.append(
                self.env._(
                    "%(count)s already received it", count=len(recipients["already"])
                )
            )
        if recipients["no_email"]:
            skipped.append(
                self.env._(
                    "%(count)s have no email address",
                    count=len(recipients["no_email"]),
                )
            )
        if recipients["duplicate"]:
            skipped.append(
                self.env._(
                    "%(count)s share an address with another recipient",
                    count=len(recipients["duplicate"]),
                )
            )
        if recipients["blacklisted"]:
            skipped.append(
                self.env._(
                    "%(count)s blocked the office's emails",
                    count=len(recipients["blacklisted"]),
                )
            )
        if skipped:
            body = Markup("%s<br/>%s") % (
                body,
                self.env._("Not sent: %(reasons)s.", reasons=", ".join(skipped)),
            )
        return body
