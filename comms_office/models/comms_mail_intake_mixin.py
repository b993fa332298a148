# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import re
import unicodedata

from markupsafe import Markup

from odoo import api, models
from odoo.tools import html2plaintext, plaintext2html

_logger = logging.getLogger(__name__)

# Size limits of incoming mail, changed with these system parameters (also in
# the office's settings).
MAX_TEXT_PARAM = "comms_office.mail_max_text_chars"
MAX_ATTACHMENT_SIZE_PARAM = "comms_office.mail_max_attachment_size"
MAX_ATTACHMENTS_PARAM = "comms_office.mail_max_attachments"
DEFAULT_MAX_TEXT = 20000
DEFAULT_MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
DEFAULT_MAX_ATTACHMENTS = 10
# Markup may be this many times longer than the text before the formatting is
# dropped (inline images, pasted pages).
MAX_MARKUP_RATIO = 20

WORD_RE = re.compile(r"[^\W\d_]+")
# Frequent words that tell French from English; words both languages share
# ("a", "on", "me", "son") are left out.
# fmt: off
FRENCH_WORDS = frozenset({
    "le", "la", "les", "de", "des", "du", "et", "est", "une", "un", "pour",
    "que", "qui", "dans", "pas", "je", "vous", "nous", "mon", "ma", "mes",
    "avec", "sur", "au", "aux", "ce", "cette", "il", "elle", "ont", "été",
    "très", "merci", "bonjour", "madame", "monsieur", "votre", "notre", "mais",
    "ou", "par", "sans", "sont", "suis", "ai", "avons", "depuis",
    "mère", "père", "enfant", "hôpital", "rendez",
})
ENGLISH_WORDS = frozenset({
    "the", "and", "is", "are", "was", "were", "of", "to", "for", "that", "with",
    "my", "you", "your", "this", "have", "has", "not", "please", "hello",
    "dear", "thank", "thanks", "from", "would", "could", "it", "we", "our",
    "be", "been", "at", "by", "hospital", "appointment",
})
# fmt: on
FRENCH_LETTERS = frozenset("éèêëàâçùûîïôœ")


def detect_language(text):
    """The language ``text`` is written in, as a base code ("ar", "fr",
    "en"), or ``False`` when it cannot be told.

    Arabic is told by its script, French from English by their frequent
    words: an email that is neither clearly French nor clearly English is
    not guessed at.
    """
    arabic = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("ARABIC"):
            arabic += 1
        elif name.startswith("LATIN"):
            latin += 1
    if arabic and arabic * 2 >= latin:
        return "ar"
    words = WORD_RE.findall(text.lower())
    french = sum(1 for word in words if word in FRENCH_WORDS)
    french += sum(1 for char in text.lower() if char in FRENCH_LETTERS) // 2
    english = sum(1 for word in words if word in ENGLISH_WORDS)
    if french and french >= english:
        return "fr"
    if english >= 2 and english > 2 * french:
        return "en"
    return False


def attachment_size(content):
    if isinstance(content, bytes):
        return len(content)
    if isinstance(content, str):
        return len(content.encode())
    # an attached email (message/rfc822)
    as_bytes = getattr(content, "as_bytes", None)
    return len(as_bytes()) if as_bytes else 0


class CommsMailIntakeMixin(models.AbstractModel):
    """What the office receives by email, on its aliases.

    Mail written by machines (auto-replies, list and bulk mail, delivery
    reports, the database's own addresses) opens no record and is logged;
    the body and the attachments are kept within size limits, and what is
    left out is said in the chatter; the record takes the language the
    email was written in. Models using it call ``_intake_prepare`` in
    ``message_new`` and get the same checks on replies.
    """

    _name = "comms.mail.intake.mixin"
    _inherit = ["mail.thread"]
    _description = "Mail Intake of the Communication Office"

    # ------------------------------------------------------------
    # MAIL GATEWAY
    # ------------------------------------------------------------

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        # Answering a robot is how mail loops start: no record, no
        # acknowledgment. Replies to a record still thread on it.
        if not route[1]:
            reason = self._comms_mail_automatic_reason(message, message_dict)
            if reason:
                _logger.info(
                    "Routing mail from %s to %s with Message-Id %s: no %s opened, "
                    "automatic mail (%s)",
                    message_dict.get("email_from"),
                    message_dict.get("to"),
                    message_dict.get("message_id"),
                    self._name,
                    reason,
                )
                return ()
        return super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )

    def message_update(self, msg_dict, update_vals=None):
        left_out = self._intake_apply_limits(msg_dict)
        if left_out:
            for record in self:
                record._intake_log_left_out(left_out)
        return super().message_update(msg_dict, update_vals=update_vals)

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    @api.model
    def _intake_prepare(self, msg_dict, company):
        """Apply the size limits to ``msg_dict`` and tell its language.

        The limits change ``msg_dict`` itself: it is what the gateway posts
        in the chatter once the record exists. Return ``(lang, left_out)``
        where ``left_out`` lists what was dropped, for
        ``_intake_log_left_out``.
        """
        left_out = self._intake_apply_limits(msg_dict)
        text = "{}\n{}".format(
            msg_dict.get("subject") or "", html2plaintext(msg_dict.get("body") or "")
        )
        lang = company._comms_lang_variant(detect_language(text))
        return lang or company._comms_lang(), left_out

    @api.model
    def _intake_is_automatic(self):
        """Whether the email being processed was sent by a machine."""
        return bool(self.env.context.get("comms_mail_automatic"))

    @api.model
    def _intake_limits(self):
        get_param = self.env["ir.config_parameter"].sudo().get_param

        def limit(param, default):
            value = (get_param(param) or "").strip()
            return int(value) if value.isdigit() and int(value) > 0 else default

        return (
            limit(MAX_TEXT_PARAM, DEFAULT_MAX_TEXT),
            limit(MAX_ATTACHMENT_SIZE_PARAM, DEFAULT_MAX_ATTACHMENT_SIZE),
            limit(MAX_ATTACHMENTS_PARAM, DEFAULT_MAX_ATTACHMENTS),
        )

    @api.model
    def _intake_apply_limits(self, msg_dict):
        """Cut the body and drop the attachments beyond the limits.

        Return what was left out, as ``(kind, name, size, limit)`` tuples:
        ``text`` (the text was cut at ``limit`` characters), ``markup`` (the
        formatting was dropped), ``attachment_size`` (larger than ``limit``
        bytes), ``attachment_count`` (more than ``limit`` attachments).
        """
        max_text, max_size, max_count = self._intake_limits()
        left_out = []
        body = msg_dict.get("body") or ""
        if body:
            text = html2plaintext(body)
            if len(text) > max_text:
                left_out.append(("text", False, len(text), max_text))
                msg_dict["body"] = plaintext2html(text[:max_text])
            elif len(body) > max(len(text), 1000) * MAX_MARKUP_RATIO:
                left_out.append(("markup", False, len(body), max_text))
                msg_dict["body"] = plaintext2html(text)
        kept = []
        for attachment in msg_dict.get("attachments") or []:
            name = attachment[0] or "attachment"
            size = attachment_size(attachment[1])
            if size > max_size:
                left_out.append(("attachment_size", name, size, max_size))
            elif len(kept) >= max_count:
                left_out.append(("attachment_count", name, size, max_count))
            else:
                kept.append(attachment)
        if "attachments" in msg_dict:
            msg_dict["attachments"] = kept
        if left_out:
            _logger.info(
                "Mail with Message-Id %s on %s: left out by the size limits: %s",
                msg_dict.get("message_id"),
                self._name,
                left_out,
            )
        return left_out

    @api.model
    def _intake_describe_left_out(self, left_out):
        """One line per item left out, in the language of the environment."""
        lines = []
        for kind, name, size, limit in left_out:
            if kind == "text":
                lines.append(
                    self.env._(
                        "the text after its first %(limit)s characters (it had "
                        "%(size)s)",
                        limit=limit,
                        size=size,
                    )
                )
            elif kind == "markup":
                lines.append(self.env._("the formatting of the text (too large)"))
            elif kind == "attachment_size":
                lines.append(
                    self.env._(
                        "%(name)s (%(size)s, more than %(limit)s)",
                        name=name,
                        size=self._intake_size_label(size),
                        limit=self._intake_size_label(limit),
                    )
                )
            else:
                lines.append(
                    self.env._(
                        "%(name)s (more than %(limit)s attachments)",
                        name=name,
                        limit=limit,
                    )
                )
        return lines

    @api.model
    def _intake_size_label(self, size):
        if size >= 1024 * 1024:
            number = f"{size / (1024 * 1024):.1f}".removesuffix(".0")
            return self.env._("%(size)s MB", size=number)
        return self.env._("%(size)s KB", size=max(1, round(size / 1024)))

    def _intake_log_left_out(self, left_out):
        """Say in the chatter, for the office, what an email lost."""
        self.ensure_one()
        record = self.with_context(lang=self._intake_company()._comms_lang())
        items = Markup("").join(
            Markup("<li>%s</li>") % line
            for line in record._intake_describe_left_out(left_out)
        )
        record.message_post(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                record.env._(
                    "Left out of the email received, because of the size limits "
                    "of incoming mail:"
                ),
                items,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _intake_company(self):
        return self.company_id if "company_id" in self else self.env.company
