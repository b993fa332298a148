# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools.misc import format_date

URGENCIES = [
    ("normal", "Normal"),
    ("high", "Important"),
    ("urgent", "Urgent"),
]
AUDIENCES = [
    ("everyone", "All Staff"),
    ("department", "Departments"),
    ("role", "Roles"),
]
# days an announcement without an end date stays on the notice board
BOARD_DAYS = 30
ANNOUNCEMENT_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("sent", "Sent"),
    ("cancel", "Cancelled"),
]


class CommsAnnouncement(models.Model):
    """A message of the office or the direction to staff.

    Approved through the office's approval round, then sent at once: email
    to each recipient through a mass mailing addressed to the announcement's
    recipients (tracked like any mailing), a post in the matching Discuss
    channels, and the notice board. A mandatory announcement asks each
    recipient to confirm reading it. The monthly newsletter is an
    announcement to all staff, assembled from the month's work.
    """

    _name = "comms.announcement"
    _description = "Announcement to Staff"
    _inherit = ["mail.thread", "mail.activity.mixin", "comms.approval.mixin"]
    _order = "date_sent desc, id desc"
    _check_company_auto = True

    _state_to = ["approved", "sent"]
    _approval_content_fields = [
        "name",
        "body",
        "attachment_ids",
        "audience_type",
        "department_ids",
        "group_ids",
        "is_mandatory",
    ]

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(
        [("announcement", "Announcement"), ("newsletter", "Newsletter")],
        required=True,
        default="announcement",
    )
    body = fields.Html(sanitize_style=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    urgency = fields.Selection(
        URGENCIES, required=True, default="normal", tracking=True
    )
    is_mandatory = fields.Boolean(
        string="Read Confirmation",
        tracking=True,
        help="Each recipient confirms reading it (a new protocol, a drill "
        "instruction); those who have not are reminded.",
    )
    commits_institution = fields.Boolean(
        string="Commits the Institution",
        tracking=True,
        help="The director approves it after the head of office.",
    )
    approval_director_required = fields.Boolean(
        string="Director Approval Required",
        compute="_compute_approval_director_required",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "comms_announcement_attachment_rel",
        "announcement_id",
        "attachment_id",
        string="Files",
    )
    color = fields.Integer()
    # audience
    audience_type = fields.Selection(
        AUDIENCES, string="Audience", required=True, default="everyone", tracking=True
    )
    department_ids = fields.Many2many(
        "comms.department", string="Departments", check_company=True
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="Roles",
        domain="[('share', '=', False)]",
        help="Staff holding any of these roles receive it.",
    )
    channel_ids = fields.Many2many(
        "discuss.channel",
        string="Discuss Channels",
        compute="_compute_channel_ids",
        store=True,
        readonly=False,
        domain="[('channel_type', '=', 'channel')]",
        help="Where the announcement is posted too; by default the "
        "departments' channels, or the company's general channel.",
    )
    # sending
    state = fields.Selection(
        ANNOUNCEMENT_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_sent = fields.Datetime(string="Sent On", readonly=True, copy=False)
    date_expiry = fields.Date(
        string="On the Board Until",
        help="The notice board shows it until this date; empty: 30 days.",
    )
    reminder_days = fields.Integer(
        string="Remind After (days)",
        default=lambda self: self.env.company.comms_announcement_reminder_days,
        help="Recipients who have not confirmed reading are reminded this many "
        "days after it went out.",
    )
    is_current = fields.Boolean(
        string="On the Board",
        compute="_compute_is_current",
        search="_search_is_current",
    )
    date_reminded = fields.Datetime(string="Reminded On", readonly=True, copy=False)
    mailing_ids = fields.One2many(
        "mailing.mailing", "comms_announcement_id", string="Mailings", readonly=True
    )
    recipient_ids = fields.One2many(
        "comms.announcement.recipient", "announcement_id", readonly=True
    )
    recipient_count = fields.Integer(
        string="Recipients", compute="_compute_confirmation_counts"
    )
    confirmed_count = fields.Integer(
        string="Confirmed", compute="_compute_confirmation_counts"
    )
    confirmed_rate = fields.Float(
        string="Confirmation Rate", compute="_compute_confirmation_counts"
    )
    my_recipient_id = fields.Many2one(
        "comms.announcement.recipient", compute="_compute_my_recipient"
    )
    my_confirmation = fields.Selection(
        [("none", "Not Asked"), ("todo", "To Confirm"), ("done", "Confirmed")],
        compute="_compute_my_recipient",
    )
    # newsletter
    newsletter_month = fields.Date(
        string="Month", help="The month the newsletter reports on (its first day)."
    )

    @api.depends("commits_institution")
    def _compute_approval_director_required(self):
        for announcement in self:
            announcement.approval_director_required = announcement.commits_institution

    @api.depends("audience_type", "department_ids.channel_id")
    def _compute_channel_ids(self):
        general = self.env.ref("mail.channel_all_employees", raise_if_not_found=False)
        for announcement in self:
            if announcement.audience_type == "department":
                announcement.channel_ids = announcement.department_ids.channel_id
            elif announcement.audience_type == "everyone" and general:
                announcement.channel_ids = general
            else:
                announcement.channel_ids = False

    def _check_channel_ids(self):
        """The office posts in its departments' channels and the general
        channel whoever sends; any other channel only if the one who picks it
        is a member (the post is made on the office's behalf). Checked on
        create and write, as the caller: constraints run in superuser mode."""
        if self.env.su:
            return
        general = self.env.ref("mail.channel_all_employees", raise_if_not_found=False)
        for announcement in self:
            own = announcement.department_ids.channel_id | (
                general or self.env["discuss.channel"]
            )
            foreign = (announcement.channel_ids - own).filtered(
                lambda channel: not channel.is_member
            )
            if foreign:
                raise UserError(
                    self.env._(
                        "You can only post %(name)s in the departments' channels, "
                        "the general channel or a channel you are a member of, "
                        "not in: %(channels)s.",
                        name=announcement.name,
                        channels=", ".join(foreign.sudo().mapped("name")),
                    )
                )

    @api.depends("state", "date_sent", "date_expiry")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for announcement in self:
            announcement.is_current = announcement.state == "sent" and (
                announcement._board_until() >= today
            )

    def _search_is_current(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.context_today(self)
        current = Domain("state", "=", "sent") & (
            Domain("date_expiry", ">=", today)
            | (
                Domain("date_expiry", "=", False)
                & Domain("date_sent", ">=", today - timedelta(days=BOARD_DAYS))
            )
        )
        if (True in value) == (operator == "in"):
            return current
        return ~current

    def _compute_confirmation_counts(self):
        counts = {
            announcement.id: (total, confirmed)
            for announcement, total, confirmed in self.env[
                "comms.announcement.recipient"
            ]._read_group(
                Domain("announcement_id", "in", self.ids),
                ["announcement_id"],
                ["__count", "date_confirmed:count"],
            )
        }
        for announcement in self:
            total, confirmed = counts.get(announcement._origin.id, (0, 0))
            announcement.recipient_count = total
            announcement.confirmed_count = confirmed
            announcement.confirmed_rate = confirmed / total * 100 if total else 0.0

    @api.depends_context("uid")
    def _compute_my_recipient(self):
        mine = self.env["comms.announcement.recipient"].search_fetch(
            Domain("announcement_id", "in", self.ids)
            & Domain("user_id", "=", self.env.uid),
            ["announcement_id", "date_confirmed"],
        )
        by_announcement = {r.announcement_id.id: r for r in mine}
        for announcement in self:
            recipient = by_announcement.get(announcement._origin.id)
            announcement.my_recipient_id = recipient
            if not recipient or not announcement.is_mandatory:
                announcement.my_confirmation = "none"
            elif recipient.date_confirmed:
                announcement.my_confirmation = "done"
            else:
                announcement.my_confirmation = "todo"

    @api.constrains("audience_type", "department_ids", "group_ids")
    def _check_audience(self):
        for announcement in self:
            if (
                announcement.audience_type == "department"
                and not announcement.department_ids
            ) or (announcement.audience_type == "role" and not announcement.group_ids):
                raise UserError(
                    self.env._(
                        "%(name)s: choose the departments or roles it goes to.",
                        name=announcement.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("write an announcement")
        )
        announcements = super().create(vals_list)
        announcements._fix_attachment_ownership()
        announcements._check_channel_ids()
        return announcements

    def write(self, vals):
        res = super().write(vals)
        if "channel_ids" in vals:
            self._check_channel_ids()
        if "attachment_ids" in vals:
            self._fix_attachment_ownership()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if any(a.state == "sent" for a in self):
            raise UserError(
                self.env._("An announcement that went out stays on record.")
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_send(self):
        """Send approved announcements: recipients, email, Discuss, board."""
        self._check_office_action()
        not_approved = self.filtered(lambda a: a.state != "approved")
        if not_approved:
            raise UserError(
                self.env._(
                    "Only approved announcements go out: %(names)s.",
                    names=", ".join(not_approved.mapped("name")),
                )
            )
        for announcement in self:
            announcement._send()
        return True

    def action_confirm_read(self):
        """The current user confirms reading, from the notice board."""
        for announcement in self:
            recipient = announcement.my_recipient_id
            if not recipient:
                raise UserError(
                    self.env._("%(name)s was not sent to you.", name=announcement.name)
                )
            recipient.action_confirm()
        return True

    def action_remind(self):
        """Remind now the recipients who have not confirmed reading."""
        self._check_office_action()
        self._remind()
        return True

    def action_cancel(self):
        self._check_office_action()
        if self.filtered(lambda a: a.state == "sent"):
            raise UserError(
                self.env._("An announcement that went out stays on record.")
            )
        self.write({"state": "cancel"})

    def action_draft(self):
        self._check_office_action()
        self.filtered(lambda a: a.state == "cancel").write({"state": "draft"})

    def action_view_recipients(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_announcement_recipient_action"
        )
        action["domain"] = [("announcement_id", "=", self.id)]
        action["context"] = {"search_default_group_department": 1}
        return action

    def action_assemble_newsletter(self):
        """Write the newsletter's body from its month's approved materials,
        announcements and events."""
        self._check_office_action()
        for newsletter in self:
            if newsletter.kind != "newsletter" or newsletter.state != "draft":
                raise UserError(
                    self.env._("Only a draft newsletter is assembled from its month.")
                )
            newsletter.body = newsletter._newsletter_body()
        return True

    @api.model
    def action_new_newsletter(self, month=None):
        """The draft newsletter of the month (by default the last one),
        assembled and ready for review."""
        self._check_office_action()
        month = month or (fields.Date.context_today(self) - relativedelta(months=1))
        month = month.replace(day=1)
        newsletter = self.create(
            {
                "name": self.env._(
                    "Internal Newsletter — %(month)s",
                    month=self._month_label(month),
                ),
                "kind": "newsletter",
                "newsletter_month": month,
                "audience_type": "everyone",
            }
        )
        newsletter.action_assemble_newsletter()
        return newsletter

    # ------------------------------------------------------------
    # APPROVAL
    # ------------------------------------------------------------

    def _comms_on_approved(self):
        self.write({"state": "approved"})

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_remind_unconfirmed(self):
        """Remind, once, the recipients of mandatory announcements who have
        not confirmed reading after the announcement's delay."""
        now = fields.Datetime.now()
        candidates = self.search(
            Domain("state", "=", "sent")
            & Domain("is_mandatory", "=", True)
            & Domain("date_reminded", "=", False)
        )
        due = candidates.filtered(
            lambda a: a.date_sent + timedelta(days=a.reminder_days) <= now
        )
        due._remind()

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _check_office_action(self):
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("send, remind or cancel an announcement")
        )

    def _board_until(self):
        self.ensure_one()
        if self.date_expiry:
            return self.date_expiry
        if not self.date_sent:
            return fields.Date.context_today(self) - timedelta(days=1)
        return self.date_sent.date() + timedelta(days=BOARD_DAYS)

    def _audience_domain(self):
        """The staff the announcement goes to, as one domain on users:
        active internal users of its company, of its departments or holding
        one of its roles."""
        self.ensure_one()
        domain = (
            Domain("share", "=", False)
            & Domain("active", "=", True)
            & Domain("company_ids", "in", self.company_id.id)
        )
        if self.audience_type == "department":
            domain &= Domain("comms_department_ids", "in", self.department_ids.ids)
        elif self.audience_type == "role":
            domain &= Domain("all_group_ids", "in", self.group_ids.ids)
        return domain

    def _resolve_audience(self):
        """The users the announcement goes to: one query, each user once."""
        self.ensure_one()
        # sudo: the office addresses staff it may not read one by one (other
        # companies' users excluded by the domain); only the fields below
        return (
            self.env["res.users"]
            .sudo()
            .search_fetch(
                self._audience_domain(),
                ["partner_id", "email", "comms_department_ids"],
                order="id",
            )
        )

    def _send(self):
        self.ensure_one()
        users = self._resolve_audience()
        if not users:
            raise UserError(
                self.env._(
                    "%(name)s reaches nobody: check its audience.", name=self.name
                )
            )
        # sudo: recipients are written by the sending only, never by hand; a
        # recipient is a mailing's addressee, not a discussion
        self.env["comms.announcement.recipient"].sudo().with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        ).create(
            [
                {
                    "announcement_id": self.id,
                    # given, not computed: no update after the insert
                    "company_id": self.company_id.id,
                    "is_confirmed": False,
                    "user_id": user.id,
                    "partner_id": user.partner_id.id,
                    "email": user.email,
                    "department_id": user._comms_announcement_department(
                        self.department_ids
                    ).id,
                }
                for user in users
            ]
        )
        self.write({"state": "sent", "date_sent": fields.Datetime.now()})
        self._queue_mailing(reminder=False)
        self._post_in_channels()
        self.message_post(
            body=self.env._("Sent to %(count)s staff members.", count=len(users)),
            subtype_xmlid="mail.mt_note",
        )

    def _queue_mailing(self, reminder):
        """A mass mailing to the recipients (all, or for a reminder those who
        have not confirmed), queued for mass mailing's sending job, which
        sends it in batches and tracks each email."""
        self.ensure_one()
        domain = [("announcement_id", "=", self.id)]
        subject = self.name
        if reminder:
            domain.append(("date_confirmed", "=", False))
            subject = self.env._("Reminder: %(name)s", name=self.name)
        # sudo: the office sends its approved announcement; mailings are mass
        # mailing users' records, which officers are
        mailing = (
            self.env["mailing.mailing"]
            .sudo()
            .create(
                {
                    "subject": subject,
                    "mailing_type": "mail",
                    "mailing_model_id": self.env["ir.model"]._get_id(
                        "comms.announcement.recipient"
                    ),
                    "mailing_domain": repr(domain),
                    "body_html": self._mailing_body(),
                    "body_arch": self._mailing_body(),
                    "attachment_ids": [(6, 0, self.attachment_ids.ids)],
                    "use_exclusion_list": False,
                    "user_id": self.env.user.id,
                    "comms_announcement_id": self.id,
                }
            )
        )
        mailing.action_put_in_queue()
        return mailing

    def _mailing_body(self):
        """The email: the announcement, and for a mandatory one the
        recipient's own confirmation link (rendered per recipient)."""
        self.ensure_one()
        body = Markup('<div class="o_comms_announcement">%s</div>') % (self.body or "")
        if self.is_mandatory:
            body += Markup(
                '<p style="margin:24px 0;"><t t-out="object.confirm_link"/></p>'
            )
        return body

    def _post_in_channels(self):
        self.ensure_one()
        body = Markup("<p><strong>%s</strong></p>%s") % (self.name, self.body or "")
        for channel in self.channel_ids:
            # sudo: the office posts its approved announcement in the channels
            # chosen on it, whether or not the sender is a member
            channel.sudo().message_post(
                body=body,
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                attachment_ids=self.attachment_ids.ids,
            )

    def _remind(self):
        for announcement in self:
            if announcement.state != "sent" or not announcement.is_mandatory:
                continue
            pending = announcement.recipient_ids.filtered(
                lambda r: not r.date_confirmed
            )
            now = fields.Datetime.now()
            announcement.sudo().date_reminded = now
            if not pending:
                continue
            # sudo: the reminder is written by the reminding only
            pending.sudo().write({"date_reminded": now})
            announcement._queue_mailing(reminder=True)
            announcement.message_post(
                body=announcement.env._(
                    "Reminder sent to %(count)s staff members who have not "
                    "confirmed reading.",
                    count=len(pending),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _comms_confirmation_by_department(self):
        """``{department: (recipients, confirmed)}`` for the announcements, in
        one grouped query."""
        return {
            department: (total, confirmed)
            for department, total, confirmed in self.env[
                "comms.announcement.recipient"
            ]._read_group(
                Domain("announcement_id", "in", self.ids),
                ["department_id"],
                ["__count", "date_confirmed:count"],
            )
        }

    @api.model
    def _month_label(self, month):
        return format_date(self.env, month, date_format="MMMM y")

    def _newsletter_body(self):
        """The month's approved materials, sent announcements and the
        office's events, as the newsletter's sections."""
        self.ensure_one()
        start = self.newsletter_month or fields.Date.context_today(self).replace(day=1)
        start = start.replace(day=1)
        end = start + relativedelta(months=1)
        company = Domain("company_id", "=", self.company_id.id)
        materials = self.env["comms.material"].search(
            company
            & Domain("state", "in", ("approved", "published"))
            & Domain("variant_of_id", "=", False)
            & Domain("approval_date", ">=", start)
            & Domain("approval_date", "<", end),
            order="approval_date",
        )
        announcements = self.search(
            company
            & Domain("kind", "=", "announcement")
            & Domain("state", "=", "sent")
            & Domain("date_sent", ">=", start)
            & Domain("date_sent", "<", end),
            order="date_sent",
        )
        events = self.env["event.event"].search(
            company
            & Domain("is_comms_event", "=", True)
            & Domain("date_begin", ">=", start)
            & Domain("date_begin", "<", end),
            order="date_begin",
        )
        sections = [
            (self.env._("Published by the office"), materials, "subtitle"),
            (self.env._("Announcements"), announcements, None),
            (self.env._("Events"), events, None),
        ]
        body = Markup("<p>%s</p>") % self.env._(
            "The month at the institution, from the communication office."
        )
        for title, records, detail in sections:
            if not records:
                continue
            items = Markup("").join(
                Markup("<li><strong>%s</strong>%s</li>")
                % (
                    record.name,
                    Markup(" — %s") % record[detail]
                    if detail and record[detail]
                    else "",
                )
                for record in records
            )
            body += Markup("<h3>%s</h3><ul>%s</ul>") % (title, items)
        return body

    def _fix_attachment_ownership(self):
        """Files uploaded on the form belong to the announcement; the uploader
        attaches them with their own rights (the ids come from the user)."""
        for announcement in self:
            announcement.attachment_ids.filtered(
                lambda a, r=announcement: a.res_model == r._name and not a.res_id
            ).write({"res_id": announcement.id})
