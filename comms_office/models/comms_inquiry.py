# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import email_normalize, html2plaintext

INQUIRY_CHANNELS = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("in_person", "In Person"),
    ("social", "Social Media"),
    ("other", "Other"),
]
INQUIRY_STAGES = [
    ("new", "New"),
    ("in_progress", "In Progress"),
    ("answered", "Answered"),
    ("closed", "Closed"),
    ("cancel", "Declined"),
]
ANSWER_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("sent", "Sent"),
    ("cancel", "Cancelled"),
]


class CommsInquiry(models.Model):
    """A question from a journalist (or anyone) to the institution.

    New emails on the office's alias create an inquiry, replies thread on it.
    The answer is drafted on the inquiry, approved first when the topic is
    sensitive, and sent from it to the requester.
    """

    _name = "comms.inquiry"
    _description = "Media Inquiry"
    _inherit = [
        "comms.mail.intake.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "comms.approval.mixin",
    ]
    _order = "date_deadline, id desc"
    _mail_post_access = "read"
    _primary_email = "email_from"
    _check_company_auto = True

    _state_field = "answer_state"
    _state_to = ["approved", "sent"]
    _approval_content_fields = ["answer"]

    name = fields.Char(string="Subject", required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, index="trigram")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    color = fields.Integer()
    channel = fields.Selection(
        INQUIRY_CHANNELS, string="Received By", required=True, default="phone"
    )
    stage = fields.Selection(
        INQUIRY_STAGES,
        required=True,
        default="new",
        tracking=True,
        copy=False,
        index=True,
        group_expand="_group_expand_stage",
    )
    # requester
    partner_id = fields.Many2one(
        "res.partner", string="Requester", tracking=True, index="btree_not_null"
    )
    email_from = fields.Char(
        string="Email",
        compute="_compute_email_from",
        store=True,
        readonly=False,
    )
    phone = fields.Char(compute="_compute_phone", store=True, readonly=False)
    lang = fields.Selection(
        selection="_lang_get",
        string="Language",
        compute="_compute_lang",
        store=True,
        readonly=False,
        help="Language of the mail to the requester: the one they wrote in, by "
        "default the institution's.",
    )
    outlet_id = fields.Many2one(
        "res.partner",
        compute="_compute_outlet_id",
        store=True,
        readonly=False,
        index="btree_not_null",
    )
    # question
    beat_id = fields.Many2one(
        "comms.media.beat", string="Topic", tracking=True, index="btree_not_null"
    )
    question = fields.Html()
    is_sensitive = fields.Boolean(
        string="Sensitive",
        tracking=True,
        help="The answer commits the institution on a sensitive matter: the head "
        "of office approves it before it is sent.",
    )
    crisis_id = fields.Many2one(
        "comms.crisis", index="btree_not_null", tracking=True, check_company=True
    )
    campaign_id = fields.Many2one(
        "comms.campaign", index="btree_not_null", check_company=True
    )
    # handling
    date_received = fields.Datetime(
        string="Received On", required=True, default=fields.Datetime.now
    )
    date_deadline = fields.Datetime(
        string="Deadline",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        tracking=True,
        help="When the requester needs the answer; by default the company's "
        "media inquiry delay after reception, in working hours.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        tracking=True,
        domain="[('share', '=', False)]",
        index="btree_not_null",
    )
    spokesperson_id = fields.Many2one(
        "comms.spokesperson",
        compute="_compute_spokesperson_id",
        store=True,
        readonly=False,
        tracking=True,
        check_company=True,
    )
    facts = fields.Html(
        string="Facts Gathered",
        help="What colleagues confirmed, with who said it and when.",
    )
    lines_to_take = fields.Html(
        string="Lines to Take",
        help="The agreed points the spokesperson keeps to, and what not to say.",
    )
    # answer
    answer = fields.Html()
    answer_state = fields.Selection(
        ANSWER_STATES,
        string="Answer Status",
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    date_answered = fields.Datetime(string="Answered On", readonly=True, copy=False)
    is_on_time = fields.Boolean(
        string="Answered on Time",
        compute="_compute_is_on_time",
        store=True,
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    coverage_ids = fields.One2many("comms.coverage", "inquiry_id")

    # the reporting views read the inquiries per company and period
    _company_received_idx = models.Index("(company_id, date_received)")

    @api.model
    def _lang_get(self):
        return self.env["res.lang"].get_installed()

    @api.model
    def _group_expand_stage(self, stages, domain):
        # the open stages always show, to drop an inquiry in; the others only
        # when they hold inquiries, so that the open board fits the screen
        return [
            key
            for key, _label in INQUIRY_STAGES
            if key in ("new", "in_progress") or key in stages
        ]

    @api.depends("partner_id.email")
    def _compute_email_from(self):
        for inquiry in self.filtered("partner_id.email"):
            inquiry.email_from = inquiry.partner_id.email

    @api.depends("partner_id.phone")
    def _compute_phone(self):
        for inquiry in self.filtered("partner_id.phone"):
            inquiry.phone = inquiry.partner_id.phone

    @api.depends("partner_id.parent_id")
    def _compute_outlet_id(self):
        for inquiry in self:
            partner = inquiry.partner_id
            if partner.parent_id:
                inquiry.outlet_id = partner.parent_id
            elif partner.is_company and partner.is_media:
                inquiry.outlet_id = partner

    # The company's delay is read, not depended on: changing it in the settings
    # leaves the deadlines already set (by it or by hand) as they are.
    @api.depends("partner_id")
    def _compute_lang(self):
        # entered at the office for a known journalist: their language; an
        # email sets the language it was written in
        for inquiry in self:
            inquiry.lang = (
                inquiry.partner_id.lang
                or inquiry.lang
                or (inquiry.company_id or self.env.company)._comms_lang()
            )

    @api.depends("date_received", "company_id")
    def _compute_date_deadline(self):
        for inquiry in self:
            if inquiry.date_received:
                company = inquiry.company_id or self.env.company
                inquiry.date_deadline = company._comms_add_working_hours(
                    inquiry.date_received, company.comms_inquiry_hours or 24
                )

    @api.depends("beat_id")
    def _compute_spokesperson_id(self):
        Spokesperson = self.env["comms.spokesperson"]
        for inquiry in self:
            if inquiry.beat_id and not inquiry.spokesperson_id:
                inquiry.spokesperson_id = Spokesperson._find_for_topic(
                    inquiry.beat_id, inquiry.company_id
                )

    @api.depends("date_answered", "date_deadline")
    def _compute_is_on_time(self):
        for inquiry in self:
            inquiry.is_on_time = bool(
                inquiry.date_answered
                and (
                    not inquiry.date_deadline
                    or inquiry.date_answered <= inquiry.date_deadline
                )
            )

    @api.depends("date_deadline", "stage")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for inquiry in self:
            inquiry.is_overdue = bool(
                inquiry.stage in ("new", "in_progress")
                and inquiry.date_deadline
                and inquiry.date_deadline < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain("stage", "in", ("new", "in_progress")) & Domain(
            "date_deadline", "<", fields.Datetime.now()
        )
        return domain if operator == "in" else ~domain

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("reference"):
                vals["reference"] = self.env["ir.sequence"].next_by_code(
                    "comms.inquiry"
                )
            if vals.get("user_id") and vals.get("stage", "new") == "new":
                vals["stage"] = "in_progress"
        inquiries = super().create(vals_list)
        for inquiry in inquiries.filtered("partner_id"):
            inquiry.message_subscribe(partner_ids=inquiry.partner_id.ids)
        self.env["comms.crisis"]._crisis_log_created(inquiries, "inquiry")
        return inquiries

    def write(self, vals):
        if vals.get("user_id") and "stage" not in vals:
            self.filtered(lambda i: i.stage == "new").stage = "in_progress"
        return super().write(vals)

    @api.depends("name", "reference")
    def _compute_display_name(self):
        for inquiry in self:
            if inquiry.reference:
                inquiry.display_name = f"{inquiry.reference} {inquiry.name}"
            else:
                inquiry.display_name = inquiry.name

    # ------------------------------------------------------------
    # MAIL GATEWAY
    # ------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A new email on the alias: the sender is the requester."""
        values = dict(custom_values or {})
        company = (
            self.env["res.company"].browse(values.get("company_id")) or self.env.company
        )
        lang, left_out = self._intake_prepare(msg_dict, company)
        email_from = msg_dict.get("email_from") or ""
        email = email_normalize(email_from)
        partner = self.env["res.partner"].browse(msg_dict.get("author_id") or [])
        if not partner and email:
            partner = self.env["res.partner"]._find_or_create_from_emails(
                [email_from], additional_values={email: {"lang": lang}}
            )[0]
        values.setdefault("name", msg_dict.get("subject") or self.env._("No subject"))
        values.setdefault("channel", "email")
        values.setdefault("question", msg_dict.get("body"))
        values.setdefault("email_from", email_from)
        values.setdefault("lang", lang)
        if partner:
            values.setdefault("partner_id", partner.id)
        # The server's time of receipt, whatever the sender's Date header says:
        # the deadline counts from it.
        values.setdefault("date_received", fields.Datetime.now())
        inquiry = super().message_new(msg_dict, custom_values=values)
        if left_out:
            inquiry._intake_log_left_out(left_out)
        return inquiry

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        # Whatever language their contact says, the requester is written to in
        # the language of the inquiry.
        recipients = super()._notify_get_recipients(
            message, msg_vals=msg_vals, **kwargs
        )
        if len(self) == 1 and self.lang:
            email = email_normalize(self.email_from or "")
            for recipient in recipients:
                if (recipient["id"] and recipient["id"] == self.partner_id.id) or (
                    not recipient["id"]
                    and email
                    and recipient["email_normalized"] == email
                ):
                    recipient["lang"] = self.lang
        return recipients

    def _message_get_suggested_recipients(self, **kwargs):
        recipients = super()._message_get_suggested_recipients(**kwargs)
        for recipient in recipients:
            if recipient.get("partner_id") == self.partner_id.id:
                return recipients
        if self.partner_id:
            recipients.append(
                {
                    "partner_id": self.partner_id.id,
                    "name": self.partner_id.name,
                    "email": self.partner_id.email,
                    "create_values": {},
                }
            )
        return recipients

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_assign_to_me(self):
        self.write({"user_id": self.env.user.id})

    def action_request_facts(self):
        """Ask a colleague for the facts, as an activity on the inquiry."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Facts"),
            "res_model": "mail.activity.schedule",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "active_model": self._name,
                "active_id": self.id,
                "active_ids": self.ids,
                "default_res_model": self._name,
                "default_res_ids": str(self.ids),
                "default_activity_type_id": self.env.ref(
                    "comms_office.mail_activity_type_comms_facts"
                ).id,
                "default_date_deadline": fields.Date.to_string(
                    (self.date_deadline or fields.Datetime.now()).date()
                ),
            },
        }

    def action_send_answer(self):
        """Post the answer in the chatter, which emails it to the requester."""
        self._check_office_action()
        for inquiry in self:
            if inquiry.answer_state == "sent":
                raise UserError(self.env._("The answer was sent already."))
            if not inquiry.answer or not html2plaintext(inquiry.answer).strip():
                raise UserError(self.env._("Write the answer before sending it."))
            if not inquiry.partner_id:
                raise UserError(
                    self.env._("Say who asked the question before answering.")
                )
            if inquiry.is_sensitive and inquiry.answer_state != "approved":
                raise UserError(
                    self.env._(
                        "The topic of %(inquiry)s is sensitive: the answer is sent "
                        "once approved.",
                        inquiry=inquiry.display_name,
                    )
                )
            inquiry.message_post(
                body=inquiry.answer,
                partner_ids=inquiry.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                subject=inquiry.with_context(lang=inquiry.lang).env._(
                    "Re: %(subject)s", subject=inquiry.name
                ),
            )
            inquiry.with_context(comms_approval_no_reapproval=True).write(
                {
                    "answer_state": "sent",
                    "stage": "answered",
                    "date_answered": fields.Datetime.now(),
                }
            )
        return True

    def action_close(self):
        self._check_office_action()
        self.write({"stage": "closed"})

    def action_cancel(self):
        self._check_office_action()
        self.write({"stage": "cancel"})

    def action_reopen(self):
        self._check_office_action()
        self.write({"stage": "in_progress" if self.user_id else "new"})

    # ------------------------------------------------------------
    # APPROVAL
    # ------------------------------------------------------------

    def _comms_on_approved(self):
        self.write({"answer_state": "approved"})

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _check_office_action(self):
        self.env["res.users"]._comms_check_role(
            "officer",
            self.env._("answer, close, decline or reopen a media inquiry"),
        )

    @api.model
    def _get_on_time_rates(self, domain, groupby):
        """On-time rate (%) of the answered inquiries, per group, in one query.

        Return ``{group_record: (answered, on_time, rate)}``.
        """
        res = {}
        for group, on_time, count in self._read_group(
            Domain(domain) & Domain("date_answered", "!=", False),
            [groupby, "is_on_time"],
            ["__count"],
        ):
            answered, punctual = res.get(group, (0, 0))[:2]
            answered += count
            punctual += count if on_time else 0
            res[group] = (answered, punctual)
        return {
            group: (answered, punctual, 100.0 * punctual / answered)
            for group, (answered, punctual) in res.items()
        }
