# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import email_normalize

# Precedence values of automatic and bulk mail (RFC 3834 section 2, and the
# de facto values of list servers)
AUTOMATIC_PRECEDENCES = {"auto_reply", "bulk", "junk", "list"}
# Senders of delivery status notifications
BOUNCE_SENDERS = {"mailer-daemon", "postmaster"}

# what portal's mail.thread accepts instead of access rights
TOKEN_ACCESS_PARAMS = ("token", "hash", "pid")


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _comms_mail_automatic_reason(self, message, message_dict):
        """Why the incoming ``message`` was written by a machine, not by a
        person, or ``False``: auto-replies (RFC 3834 and the usual X- headers),
        list and bulk mail (RFC 2369, RFC 2919), delivery reports (RFC 3464)
        and mail from the database's own addresses. The reason is logged."""
        auto_submitted = (
            str(message.get("Auto-Submitted") or "").split(";")[0].strip().lower()
        )
        if auto_submitted and auto_submitted != "no":
            return f"Auto-Submitted: {auto_submitted}"
        for header in ("X-Autoreply", "X-Autorespond"):
            value = message.get(header)
            if value is not None and str(value).strip().lower() not in (
                "no",
                "false",
                "0",
            ):
                return f"{header}: {value}"
        precedence = str(message.get("Precedence") or "").strip().lower()
        if precedence in AUTOMATIC_PRECEDENCES:
            return f"Precedence: {precedence}"
        for header in ("List-Id", "List-Unsubscribe"):
            if message.get(header) is not None:
                return f"{header}: mailing list or bulk mail"
        email_from = email_normalize(message_dict.get("email_from") or "") or ""
        localpart = email_from.partition("@")[0]
        if (
            message_dict.get("is_bounce")
            or message.get_content_type() == "multipart/report"
            or message.get("X-Failed-Recipients") is not None
            or str(message.get("Return-Path") or "").strip() == "<>"
            or localpart in BOUNCE_SENDERS
        ):
            return "delivery status notification"
        if email_from and self.env["mail.alias.domain"].sudo()._find_aliases(
            [email_from]
        ):
            return f"sent from {email_from}, an address of this database"
        return False

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        # The parsed message says nothing of its headers: the records that
        # receive it learn from the context whether a machine sent it.
        reason = self._comms_mail_automatic_reason(message, message_dict)
        return super(
            MailThread, self.with_context(comms_mail_automatic=reason)
        )._message_route_process(message, message_dict, routes)

    # Set on a model whose ``access_token`` opens one public page of the
    # module (a complaint's status page, the answer to an invitation) and
    # nothing else. Portal's mail.thread turns that field into a key to Odoo's
    # generic chatter routes: reading the messages, posting, uploading,
    # reacting (/mail/chatter_fetch, /mail/message/post,
    # /mail/attachment/upload, /portal/chatter_init, /mail/data…), with the
    # token or with the hash signed from it. On such a model those routes
    # only know the visitor's own access rights; the module's controllers
    # check the token themselves.
    _comms_token_opens_one_page = False

    @api.model
    def _get_thread_with_access(self, thread_id, *, mode="read", **kwargs):
        if self._comms_token_opens_one_page:
            kwargs = {
                key: value
                for key, value in kwargs.items()
                if key not in TOKEN_ACCESS_PARAMS
            }
        return super()._get_thread_with_access(thread_id, mode=mode, **kwargs)
