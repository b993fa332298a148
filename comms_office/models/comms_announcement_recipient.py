# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError


class CommsAnnouncementRecipient(models.Model):
    """One staff member an announcement went to, and when they confirmed
    reading it.

    The recipients are resolved once, when the announcement goes out; the
    mass mailing is addressed to them, so that each email carries its
    recipient's own confirmation link. Nobody writes a recipient by hand: the
    confirmation is recorded once, by its recipient, with its time.
    """

    _name = "comms.announcement.recipient"
    _description = "Announcement Recipient"
    _inherit = ["mail.thread"]
    _order = "department_id, id"
    _rec_name = "user_id"
    _mailing_enabled = True
    _primary_email = "email"

    announcement_id = fields.Many2one(
        "comms.announcement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="announcement_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Staff Member", required=True)
    partner_id = fields.Many2one("res.partner", string="Contact")
    email = fields.Char()
    department_id = fields.Many2one(
        "comms.department",
        index="btree_not_null",
        help="The recipient's department when the announcement went out.",
    )
    is_mandatory = fields.Boolean(related="announcement_id.is_mandatory")
    date_confirmed = fields.Datetime(string="Confirmed On", readonly=True)
    is_confirmed = fields.Boolean(
        string="Confirmed", compute="_compute_is_confirmed", store=True
    )
    date_reminded = fields.Datetime(string="Reminded On", readonly=True)
    # not named access_token: portal's chatter routes take that one as a key
    confirm_token = fields.Char(
        default=lambda self: uuid.uuid4().hex,
        required=True,
        readonly=True,
        copy=False,
        groups="base.group_system",
    )
    confirm_url = fields.Char(compute="_compute_confirm_url")
    confirm_link = fields.Html(
        compute="_compute_confirm_url",
        sanitize=False,
        help="The button of the email that opens the recipient's confirmation.",
    )

    _announcement_user_uniq = models.Constraint(
        "UNIQUE(announcement_id, user_id)",
        "An announcement goes once to each staff member.",
    )

    @api.depends("date_confirmed")
    def _compute_is_confirmed(self):
        for recipient in self:
            recipient.is_confirmed = bool(recipient.date_confirmed)

    def _compute_confirm_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        # sudo: the link carries the recipient's own secret, read to address
        # the email to them and never shown to anyone else
        tokens = {r.id: r.confirm_token for r in self.sudo()}
        for recipient in self:
            url = (
                f"{base_url}/comms/announcement/{recipient.id}/"
                f"{tokens.get(recipient.id, '')}"
            )
            recipient.confirm_url = url
            label = recipient.with_context(
                lang=recipient.user_id.lang or self.env.lang
            ).env._("I have read it: confirm")
            recipient.confirm_link = Markup(
                '<a href="%s" style="display:inline-block;background:#714B67;'
                "color:#ffffff;padding:10px 18px;border-radius:4px;"
                'text-decoration:none;">%s</a>'
            ) % (url, label)

    # ------------------------------------------------------------
    # MAILING
    # ------------------------------------------------------------

    def _mail_get_partner_fields(self, introspect_fields=False):
        return ["partner_id"]

    def _mailing_get_default_domain(self, mailing):
        return []

    def mail_allowed_qweb_expressions(self):
        # the email of a mandatory announcement carries its recipient's link
        return (*super().mail_allowed_qweb_expressions(), "object.confirm_link")

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_confirm(self):
        """The recipient confirms reading: from the notice board, for the
        user's own recipients only."""
        if self.filtered(lambda r: r.user_id != self.env.user):
            raise AccessError(
                self.env._("You may confirm reading only what was sent to you.")
            )
        self._confirm()
        return True

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _confirm(self):
        """Record the first confirmation and its time; a later one changes
        nothing. The row is updated only while it has no confirmation, so
        that two clicks at the same instant record one."""
        todo = self.filtered(lambda r: not r.date_confirmed)
        if not todo:
            return self.browse()
        now = fields.Datetime.now()
        self.env.cr.execute(
            "UPDATE comms_announcement_recipient SET date_confirmed = %s, "
            "is_confirmed = TRUE, "
            "write_date = %s, write_uid = %s "
            "WHERE id IN %s AND date_confirmed IS NULL RETURNING id",
            (now, now, self.env.uid, tuple(todo.ids)),
        )
        done = self.browse([row[0] for row in self.env.cr.fetchall()])
        done.invalidate_recordset(
            ["date_confirmed", "is_confirmed", "write_date", "write_uid"]
        )
        return done
