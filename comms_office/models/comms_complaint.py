# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import uuid
from datetime import timedelta

import psycopg2.errors
import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, ConcurrencyError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import (
    email_normalize,
    html2plaintext,
    parse_contact_from_email,
    plaintext2html,
)

_logger = logging.getLogger(__name__)

COMPLAINT_KINDS = [
    ("complaint", "Complaint"),
    ("suggestion", "Suggestion"),
    ("compliment", "Compliment"),
    ("petition", "Petition"),
]
COMPLAINT_CHANNELS = [
    ("web", "Web Form"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("desk", "Visit to the Office"),
    ("paper", "Paper Register"),
]
COMPLAINT_STATES = [
    ("new", "Received"),
    ("acknowledged", "Acknowledged"),
    ("investigation", "Under Investigation"),
    ("answered", "Answered"),
    ("closed", "Closed"),
    ("cancel", "Cancelled"),
]
COMPLAINT_SEVERITIES = [
    ("low", "Low"),
    ("normal", "Normal"),
    ("high", "High"),
    ("critical", "Critical"),
]
COMPLAINT_OUTCOMES = [
    ("founded", "Founded"),
    ("partly", "Partly Founded"),
    ("unfounded", "Unfounded"),
]
OPEN_STATES = ("new", "acknowledged", "investigation")
# What the department concerned writes on its complaints, while they are
# open: the facts it found, the answer it proposes, the corrective action.
# The rest is the office's (Odoo's ``SELF_WRITEABLE_FIELDS`` pattern).
STAFF_WRITABLE_FIELDS = frozenset(
    {"investigation_notes", "answer", "corrective_action"}
)
# Written by the register itself, never by hand: when the answer went out
# (the status page shows it from then on) and the anonymisation.
REGISTER_FIELDS = frozenset({"date_answered", "anonymized", "working_days_to_answer"})
# What the public reads of a corrective action ("you said, we did") is the
# head of office's decision: the wording carries no personal data.
PUBLIC_ACTION_FIELDS = frozenset({"corrective_action_public", "public_action_summary"})


class CommsComplaint(models.Model):
    _name = "comms.complaint"
    _description = "Complaint or Suggestion"
    _inherit = [
        "portal.mixin",
        "comms.mail.intake.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "comms.approval.mixin",
    ]
    _order = "priority desc, date_received desc, id desc"
    _rec_names_search = ["name", "subject"]
    _mail_post_access = "read"
    # Odoo's loop detection counts the complaints of one address
    _primary_email = "complainant_email"
    # the status link opens the status page and the rating form, nothing else
    _comms_token_opens_one_page = True
    # An answer to a sensitive complaint is approved before it is sent: the
    # approval gates "Send Answer", it neither answers nor sends back.
    _state_from = ["investigation"]
    _state_to = ["answered"]
    _cancel_state = "cancel"
    _approval_content_fields = ["answer"]
    # The complainant's identity: each of these fields is readable by the
    # office only (its groups), the department concerned sees
    # ``complainant_display`` instead; the retention period erases them.
    _comms_identity_fields = (
        "complainant_partner_id",
        "complainant_name",
        "complainant_email",
        "complainant_phone",
        "complainant_address",
    )

    # identification
    # the secret of the status page: the office gives it, the department
    # concerned never reads it
    access_token = fields.Char(groups="comms_office.group_comms_officer")
    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    # the one-time key of the public form that sent it: the same form sent
    # again (a double click, a retry after a lost answer) finds it instead of
    # filing it twice; a secret like the status page's
    submission_key = fields.Char(
        readonly=True, copy=False, groups="comms_office.group_comms_officer"
    )
    kind = fields.Selection(
        COMPLAINT_KINDS,
        required=True,
        default="complaint",
        tracking=True,
    )
    channel = fields.Selection(
        COMPLAINT_CHANNELS,
        required=True,
        default="desk",
        tracking=True,
    )
    subject = fields.Char(required=True, tracking=True)
    description = fields.Text(required=True)
    date_received = fields.Datetime(
        string="Received On",
        required=True,
        default=fields.Datetime.now,
        help="For a paper register, the date written on the paper: deadlines "
        "count from it.",
    )
    date_facts = fields.Date(string="Date of the Facts")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    lang = fields.Selection(
        selection="_lang_get",
        string="Language",
        default=lambda self: self.env.company._comms_lang(),
        help="Language of the acknowledgment, of the answer and of every mail to "
        "the complainant: the one they wrote in, by default the institution's.",
    )
    # complainant (confidential)
    complainant_partner_id = fields.Many2one(
        "res.partner",
        string="Complainant Contact",
        groups="comms_office.group_comms_officer",
    )
    complainant_name = fields.Char(groups="comms_office.group_comms_officer")
    complainant_email = fields.Char(groups="comms_office.group_comms_officer")
    complainant_phone = fields.Char(groups="comms_office.group_comms_officer")
    complainant_address = fields.Char(groups="comms_office.group_comms_officer")
    complainant_display = fields.Char(
        string="Complainant", compute="_compute_complainant_display"
    )
    can_hand_back_findings = fields.Boolean(
        compute="_compute_can_hand_back_findings",
        help="The user heads the department concerned, or was asked to look "
        "into the complaint: they hand their findings back to the office.",
    )
    hide_identity = fields.Boolean(
        string="Anonymous to the Department",
        tracking=True,
        help="The complainant asked that the department concerned does not "
        "learn who they are.",
    )
    expects_answer = fields.Boolean(default=True)
    consent = fields.Boolean(
        string="Consent to Processing",
        help="The complainant agreed that their data is used to handle the "
        "request (Law 18-07).",
    )
    # triage
    category_id = fields.Many2one("comms.complaint.category", tracking=True, index=True)
    department_id = fields.Many2one(
        "comms.department",
        string="Department Concerned",
        tracking=True,
        index=True,
        check_company=True,
    )
    severity = fields.Selection(
        COMPLAINT_SEVERITIES,
        default="normal",
        required=True,
        tracking=True,
    )
    health_safety = fields.Boolean(
        string="Health and Safety",
        compute="_compute_health_safety",
        store=True,
        readonly=False,
        tracking=True,
        help="Triaged the same day.",
    )
    is_sensitive = fields.Boolean(
        string="Sensitive",
        compute="_compute_is_sensitive",
        store=True,
        readonly=False,
        help="The answer is approved by the head of office before it is sent.",
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")],
        compute="_compute_priority",
        store=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
    )
    # workflow
    state = fields.Selection(
        COMPLAINT_STATES,
        default="new",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_ack_deadline = fields.Date(
        string="Acknowledge By", compute="_compute_deadlines", store=True
    )
    date_answer_deadline = fields.Date(
        string="Answer By", compute="_compute_deadlines", store=True
    )
    date_acknowledged = fields.Datetime(string="Acknowledged On", copy=False)
    date_answered = fields.Datetime(string="Answered On", copy=False)
    date_closed = fields.Datetime(string="Closed On", copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    overdue_step = fields.Selection(
        [
            ("ack", "Acknowledgment"),
            ("answer", "Answer"),
            ("both", "Acknowledgment and Answer"),
        ],
        string="Late",
        compute="_compute_is_overdue",
        help="Which deadline has passed: the acknowledgment, the answer, or both.",
    )
    answered_on_time = fields.Boolean(compute="_compute_answered_on_time", store=True)
    days_to_answer = fields.Integer(
        compute="_compute_answered_on_time",
        store=True,
        aggregator="avg",
        help="Calendar days between receipt and answer.",
    )
    working_days_to_answer = fields.Integer(
        compute="_compute_working_days_to_answer",
        store=True,
        copy=False,
        aggregator="avg",
        help="Working days between receipt and answer on the institution's "
        "working calendar (its weekends and holidays are not counted), set "
        "when the answer goes out.",
    )
    # investigation and answer
    investigation_notes = fields.Html(help="Internal: never shown to the complainant.")
    answer = fields.Html(help="Shown on the status page once sent.")
    outcome = fields.Selection(
        COMPLAINT_OUTCOMES,
        tracking=True,
    )
    corrective_action = fields.Text()
    corrective_action_public = fields.Boolean(
        string="Public Corrective Action",
        copy=False,
        tracking=True,
        help='Shown on the public transparency page under "You said, we did", '
        "in the words of the public summary only. Decided by the head of office.",
    )
    public_action_summary = fields.Text(
        string="Public Summary",
        copy=False,
        help="What was done, as the public reads it: no name, no date of "
        "the facts, nothing that identifies a patient or a member of staff.",
    )
    satisfaction = fields.Selection(
        [
            ("1", "Very Dissatisfied"),
            ("2", "Dissatisfied"),
            ("3", "Neutral"),
            ("4", "Satisfied"),
            ("5", "Very Satisfied"),
        ],
        copy=False,
        tracking=True,
    )
    satisfaction_comment = fields.Text(copy=False)
    # retention
    anonymized = fields.Boolean(copy=False, readonly=True)

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)", "The reference of a complaint must be unique."
    )
    # A regional database holds a million complaints over thirty
    # establishments. The officer's list reads the open complaints of an
    # establishment in the list's order: its first page comes from this
    # index alone, whatever the size of the register.
    _open_list_idx = models.Index(
        "(company_id, priority DESC, date_received DESC, id DESC) "
        "WHERE state IN ('new', 'acknowledged', 'investigation')"
    )
    # the monthly register and the reporting: a period of an establishment
    _company_received_idx = models.Index("(company_id, date_received)")
    _submission_key_uniq = models.Constraint(
        "UNIQUE(submission_key)", "A form is filed once."
    )

    @api.model
    def _lang_get(self):
        return self.env["res.lang"].get_installed()

    @api.depends_context("uid")
    @api.depends("complainant_name", "complainant_email", "hide_identity", "anonymized")
    def _compute_complainant_display(self):
        is_office = self.env.user.has_group("comms_office.group_comms_officer")
        for complaint in self:
            identity = complaint.sudo()
            if complaint.anonymized:
                complaint.complainant_display = self.env._("Anonymised")
            elif complaint.hide_identity and not is_office:
                complaint.complainant_display = self.env._("Withheld at their request")
            else:
                complaint.complainant_display = (
                    identity.complainant_name
                    or identity.complainant_email
                    or self.env._("Anonymous")
                )

    @api.depends_context("uid")
    @api.depends("state", "user_id", "department_id.head_id")
    def _compute_can_hand_back_findings(self):
        user = self.env.user
        is_office = user.has_group("comms_office.group_comms_officer")
        for complaint in self:
            complaint.can_hand_back_findings = complaint.state in OPEN_STATES and (
                complaint.department_id.head_id == user
                or (complaint.user_id == user and not is_office)
            )

    @api.depends("category_id")
    def _compute_health_safety(self):
        for complaint in self:
            if complaint.category_id.health_safety:
                complaint.health_safety = True

    @api.depends("severity", "health_safety")
    def _compute_is_sensitive(self):
        for complaint in self:
            complaint.is_sensitive = (
                complaint.severity in ("high", "critical") or complaint.health_safety
            )

    @api.depends("severity", "health_safety")
    def _compute_priority(self):
        for complaint in self:
            urgent = complaint.health_safety or complaint.severity == "critical"
            complaint.priority = "1" if urgent else "0"

    @api.depends("department_id")
    def _compute_user_id(self):
        for complaint in self:
            if complaint.department_id.head_id:
                complaint.user_id = complaint.department_id.head_id

    @api.depends("date_received", "company_id")
    def _compute_deadlines(self):
        # complaints received the same day share their deadlines
        deadlines = {}
        for complaint in self:
            if not complaint.date_received:
                complaint.date_ack_deadline = complaint.date_answer_deadline = False
                continue
            company = complaint.company_id or self.env.company
            day = company._comms_local_date(complaint.date_received)
            for field, days in (
                ("date_ack_deadline", company.comms_ack_days),
                ("date_answer_deadline", company.comms_answer_days),
            ):
                key = (company, day, days)
                if key not in deadlines:
                    deadlines[key] = company._comms_add_working_days(day, days)
                complaint[field] = deadlines[key]

    @api.depends_context("date")
    @api.depends("state", "date_ack_deadline", "date_answer_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for complaint in self:
            is_open = complaint.state in OPEN_STATES
            ack_late = bool(
                complaint.state == "new"
                and complaint.date_ack_deadline
                and complaint.date_ack_deadline < today
            )
            answer_late = bool(
                is_open
                and complaint.date_answer_deadline
                and complaint.date_answer_deadline < today
            )
            complaint.is_overdue = ack_late or answer_late
            complaint.overdue_step = (
                (ack_late and answer_late and "both")
                or (ack_late and "ack")
                or (answer_late and "answer")
                or False
            )

    def _search_is_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        domain = Domain("state", "in", OPEN_STATES) & (
            (Domain("state", "=", "new") & Domain("date_ack_deadline", "<", today))
            | Domain("date_answer_deadline", "<", today)
        )
        return domain if True in value else ~domain

    @api.depends("date_answered", "date_received", "date_answer_deadline")
    def _compute_answered_on_time(self):
        for complaint in self:
            if complaint.date_answered and complaint.date_received:
                complaint.answered_on_time = (
                    complaint.date_answered.date() <= complaint.date_answer_deadline
                )
                complaint.days_to_answer = (
                    complaint.date_answered - complaint.date_received
                ).days
            else:
                complaint.answered_on_time = False
                complaint.days_to_answer = 0

    @api.depends("date_answered", "date_received", "company_id")
    def _compute_working_days_to_answer(self):
        """Computed once, when the answer goes out, in one pass over each
        company's calendar for the whole batch: reports read a number, never
        a calendar."""
        unanswered = self.filtered(lambda c: not (c.date_answered and c.date_received))
        unanswered.working_days_to_answer = 0
        for company, complaints in (self - unanswered).grouped("company_id").items():
            company = company or self.env.company
            spans = {
                complaint: (
                    company._comms_local_date(complaint.date_received),
                    company._comms_local_date(complaint.date_answered),
                )
                for complaint in complaints
            }
            days = company._comms_count_working_days(set(spans.values()))
            for complaint, span in spans.items():
                complaint.working_days_to_answer = days[span]

    def _compute_access_url(self):
        for complaint in self:
            complaint.access_url = f"/comms/complaint/status/{complaint.name}"

    @api.constrains("date_received", "date_facts")
    def _check_dates(self):
        now = fields.Datetime.now() + timedelta(minutes=5)
        for complaint in self:
            if complaint.date_received and complaint.date_received > now:
                raise ValidationError(
                    self.env._("A complaint cannot be received in the future.")
                )
            if complaint.date_facts and complaint.date_facts > now.date():
                raise ValidationError(
                    self.env._("The facts cannot have happened in the future.")
                )

    @api.constrains("complainant_email")
    def _check_complainant_email(self):
        for complaint in self.sudo():
            if complaint.complainant_email and not email_normalize(
                complaint.complainant_email
            ):
                raise ValidationError(
                    self.env._(
                        "%(email)s is not a valid email address.",
                        email=complaint.complainant_email,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the secret of the status page, set now rather than one write each
            vals.setdefault("access_token", str(uuid.uuid4()))
        self._assign_references(vals_list)
        complaints = super(
            CommsComplaint, self.with_context(mail_create_nosubscribe=True)
        ).create(vals_list)
        complaints.filtered("health_safety")._schedule_triage()
        return complaints

    @api.model
    def _has_field_access(self, field, operation):
        if not super()._has_field_access(field, operation):
            return False
        if operation != "write" or self.env.su:
            return True
        if field.name in REGISTER_FIELDS:
            return False
        if field.name in PUBLIC_ACTION_FIELDS:
            return self.env["res.users"]._comms_has_role("manager")
        return field.name in STAFF_WRITABLE_FIELDS or self.env[
            "res.users"
        ]._comms_has_role("officer")

    def write(self, vals):
        if not self.env.su:
            self._check_writable_now(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        if any(c.state not in ("new", "cancel") for c in self):
            raise UserError(
                self.env._(
                    "A complaint of the register cannot be deleted once it is "
                    "handled: cancel it instead."
                )
            )

    # ------------------------------------------------------------
    # INTAKE
    # ------------------------------------------------------------

    @api.model
    def _comms_register(self, values, attachments=(), channel="web", left_out=None):
        """Register a request sent to the office from outside (the public
        form, an email), the same way whatever the channel: the complaint is
        created and numbered in its company's register, the documents sent
        with the form are attached in a note, what was left out for its size
        is said in the chatter, and the complainant is acknowledged at once;
        a mail that fails never loses the complaint.

        ``values`` were validated by the caller; ``attachments`` are
        ``(name, content, mimetype)``; ``left_out`` is what
        ``_intake_apply_limits`` did not keep.
        """
        complaint = self.create(dict(values, channel=channel))
        if attachments:
            # given as contents, not as attachments made beforehand: for the
            # public user, mail links to its message only the files it creates
            complaint.message_post(
                body=self.env._("Documents attached to the web form."),
                attachments=[
                    (name, content, {"mimetype": mimetype})
                    for name, content, mimetype in attachments
                ],
                subtype_xmlid="mail.mt_note",
            )
        if left_out:
            complaint._intake_log_left_out(left_out)
        complaint._acknowledge_safely(left_out=left_out)
        return complaint

    # ------------------------------------------------------------
    # MAIL GATEWAY
    # ------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        name, email = parse_contact_from_email(msg_dict.get("email_from") or "")
        email = email_normalize(email) or False
        company = (
            self.env["res.company"].browse((custom_values or {}).get("company_id"))
            or self.env.company
        )
        lang, left_out = self._intake_prepare(msg_dict, company)
        values = {
            "name": "/",
            "subject": (msg_dict.get("subject") or "").strip()[:200]
            or self.env._("(no subject)"),
            "description": html2plaintext(msg_dict.get("body") or "").strip()
            or self.env._("(empty message)"),
            "complainant_name": name or False,
            # the complainant's address as found in the email, not as written
            "complainant_email": email,
            # The server's time of receipt: the sender's Date header could put
            # the complaint in a month whose register was already sent.
            "date_received": fields.Datetime.now(),
            "lang": lang,
            "expects_answer": True,
            "consent": True,
        }
        if msg_dict.get("author_id"):
            values["complainant_partner_id"] = msg_dict["author_id"]
        values.update(custom_values or {})
        channel = values.pop("channel", "email")
        # Registered as from the web form, not by mail.thread's message_new,
        # which would only create it from these values; the email, posted
        # next, is the complaint's first message.
        return self.with_context(mail_create_nolog=True)._comms_register(
            values, channel=channel, left_out=left_out
        )

    def message_update(self, msg_dict, update_vals=None):
        """Someone has to read the complainant's reply: the assignee, or the
        head of office when nobody is assigned or the case is over."""
        author = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if not self._intake_is_automatic() and not author.user_ids.filtered(
            lambda u: not u.share
        ):
            for complaint in self:
                if complaint.state in OPEN_STATES and complaint.user_id:
                    continue
                user = complaint.user_id or complaint.company_id.comms_head_id
                if not user:
                    continue
                summary = complaint.with_context(lang=user.lang).env._(
                    "The complainant replied"
                )
                if not complaint.activity_ids.filtered(
                    lambda a, user=user, summary=summary: (
                        a.user_id == user and a.summary == summary
                    )
                ):
                    complaint.activity_schedule(
                        "mail.mail_activity_data_todo", summary=summary, user_id=user.id
                    )
        return super().message_update(msg_dict, update_vals=update_vals)

    def _track_subtype(self, init_values):
        self.ensure_one()
        if "state" in init_values and self.state == "answered":
            return self.env.ref("comms_office.mt_comms_complaint_answered")
        if "state" in init_values and self.state == "new":
            return self.env.ref("comms_office.mt_comms_complaint_new")
        return super()._track_subtype(init_values)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_acknowledge(self):
        self._check_office_action()
        for complaint in self:
            if complaint.state != "new":
                continue
            if complaint.sudo().complainant_email:
                complaint._send_acknowledgment()
            else:
                complaint.write(
                    {
                        "state": "acknowledged",
                        "date_acknowledged": fields.Datetime.now(),
                    }
                )
        return True

    def action_investigate(self):
        self._check_office_action()
        self.filtered(lambda c: c.state in ("new", "acknowledged")).write(
            {"state": "investigation"}
        )
        return True

    def action_send_answer(self):
        """Open the composer with the answer, after the approval if needed."""
        self.ensure_one()
        self._check_office_action()
        if self.state != "investigation":
            raise UserError(
                self.env._("Only a complaint under investigation can be answered.")
            )
        if not self.answer or not html2plaintext(self.answer).strip():
            raise UserError(self.env._("Write the answer before sending it."))
        if self._comms_approval_under_way():
            raise UserError(
                self.env._("The answer is waiting for the head of office's approval.")
            )
        if not self._comms_may_go_out():
            self.action_request_approval()
            return self._notify_action(
                self.env._("The answer was sent to the head of office for approval.")
            )
        if not self.sudo().complainant_email:
            # Nothing to mail: the answer is given by phone or at the desk.
            self._mark_answered()
            return True
        self._send_to_complainant(
            self.env.ref("comms_office.mail_template_complaint_answer")
        )
        self._mark_answered()
        return self._notify_action(
            self.env._("The answer was sent to the complainant.")
        )

    def action_close(self):
        self._check_office_action()
        for complaint in self:
            if (
                complaint.kind == "complaint"
                and complaint.state == "answered"
                and not complaint.outcome
            ):
                raise UserError(
                    self.env._(
                        "Record the outcome of %(reference)s before closing it.",
                        reference=complaint.name,
                    )
                )
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self._check_office_action()
        self.write({"state": "cancel", "date_closed": fields.Datetime.now()})
        return True

    def action_reset(self):
        self._check_office_action()
        self.filtered(lambda c: c.state == "cancel").write(
            {"state": "new", "date_closed": False}
        )
        return True

    def action_print_receipt(self):
        self._check_office_action()
        return self.env.ref(
            "comms_office.action_report_comms_complaint_receipt"
        ).report_action(self)

    def action_open_findings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand Back Findings"),
            "res_model": "comms.complaint.findings",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    def _notify_action(self, message):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "info",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def message_post(self, **kwargs):
        if kwargs.get("message_type") == "email":
            # An email of the complainant never makes them a follower.
            return super(
                CommsComplaint,
                self.with_context(
                    mail_post_autofollow=False, mail_post_autofollow_author_skip=True
                ),
            ).message_post(**kwargs)
        return super().message_post(**kwargs)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        """Whoever subscribes, the complainant is never a follower: followers
        are listed to every employee, and that would tell who complained."""
        if partner_ids:
            complainants = self.sudo().complainant_partner_id - (
                self.user_id.partner_id | self.department_id.head_id.partner_id
            )
            partner_ids = [pid for pid in partner_ids if pid not in complainants.ids]
            if not partner_ids:
                return True
        return super()._message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids, customer_ids=customer_ids
        )

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        """The department concerned reads the internal notes only (record
        rules of ``mail.message``): it is not mailed nor notified of the rest
        either, above all not of what the complainant writes, signed with
        their name and address. Only the office's users are."""
        recipients = super()._notify_get_recipients(
            message, msg_vals=msg_vals, **kwargs
        )
        msg_vals = msg_vals or {}
        # sudo: the subtype of the message being notified, whoever posts it
        # (the public form, the mail gateway)
        subtype = (
            self.env["mail.message.subtype"].sudo().browse(msg_vals["subtype_id"])
            if "subtype_id" in msg_vals
            else message.sudo().subtype_id
        )
        if not recipients or subtype.internal:
            return recipients
        internal_uids = {r["uid"] for r in recipients if r["uid"] and not r["ushare"]}
        # sudo: whether a recipient is of the office, whoever posts
        office_uids = (
            self.env["res.users"]
            .sudo()
            .browse(internal_uids)
            .filtered(lambda u: u.has_group("comms_office.group_comms_officer"))
            .ids
        )
        return [
            r
            for r in recipients
            if r["uid"] not in internal_uids or r["uid"] in office_uids
        ]

    def _partner_find_from_emails(
        self,
        records_emails,
        avoid_alias=True,
        ban_emails=None,
        filter_found=None,
        additional_values=None,
        no_create=False,
    ):
        # Known contacts are found, no contact is ever created from the address
        # of a complainant (composer, chatter recipients, mail gateway).
        return super()._partner_find_from_emails(
            records_emails,
            avoid_alias=avoid_alias,
            ban_emails=ban_emails,
            filter_found=filter_found,
            additional_values=additional_values,
            no_create=True,
        )

    def _message_get_suggested_recipients_batch(
        self,
        reply_discussion=False,
        reply_message=None,
        no_create=True,
        primary_email=False,
        additional_partners=None,
    ):
        # The complainant is written to with the acknowledgment and the answer
        # only, never proposed as a recipient of the chatter.
        return {complaint.id: [] for complaint in self}

    def _mail_get_primary_email(self):
        # ``_primary_email`` serves the loop detection of the gateway only:
        # the complainant is no default recipient of composers and templates.
        return dict.fromkeys(self.ids, False)

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _check_office_action(self):
        self.env["res.users"]._comms_check_role(
            "officer",
            self.env._(
                "acknowledge, investigate, answer, close, cancel or reopen a "
                "complaint, or print its receipt"
            ),
        )

    def _check_writable_now(self, vals):
        """The department writes while the complaint is open; nobody rewrites
        an answer that was sent."""
        if not self.env["res.users"]._comms_has_role("officer"):
            handled = self.filtered(lambda c: c.state not in OPEN_STATES)
            if handled:
                raise AccessError(
                    self.env._(
                        "%(references)s is no longer under investigation: only "
                        "the communication office changes it now.",
                        references=", ".join(handled.mapped("name")),
                    )
                )
        if "answer" in vals:
            sent = self.filtered(lambda c: c.state in ("answered", "closed"))
            if sent:
                raise UserError(
                    self.env._(
                        "The answer to %(references)s was sent: it cannot be "
                        "changed any more.",
                        references=", ".join(sent.mapped("name")),
                    )
                )

    def _hand_back_findings(self, findings, corrective_action=False):
        """Record the department's findings, close what was asked of its head
        and tell the office that the answer can be prepared."""
        self.ensure_one()
        user = self.env.user
        body = Markup("<p><strong>%s</strong></p>%s") % (
            self.env._(
                "Findings of %(department)s",
                department=self.department_id.name or user.name,
            ),
            findings,
        )
        if corrective_action:
            body += Markup("<p><strong>%s</strong></p>%s") % (
                self.env._("Corrective action"),
                plaintext2html(corrective_action),
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        # the department writes its findings into the investigation and nothing
        # else, whatever the fields of the complaint it may otherwise change
        vals = {
            "investigation_notes": Markup("%s%s")
            % (self.sudo().investigation_notes or "", body)
        }
        if corrective_action:
            vals["corrective_action"] = corrective_action
        self.sudo().with_context(mail_notrack=True).write(vals)
        asked = self.activity_ids.filtered(lambda a: a.user_id == user)
        askers = asked.create_uid.filtered(
            lambda u: (
                u != user
                and not u._is_superuser()
                and u.has_group("comms_office.group_comms_officer")
            )
        )
        asked.action_feedback(feedback=self.env._("Findings handed back."))
        office = (askers or self.company_id.comms_head_id) - user
        for officer in office.filtered(lambda u: not u.share):
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                # in the language of the officer who reads it
                summary=self.with_context(lang=officer.lang).env._(
                    "Findings received: prepare the answer"
                ),
                user_id=officer.id,
            )

    def _mark_answered(self):
        self.write({"state": "answered"})
        # sudo: the date the answer went out is the register's own, set here
        # only, once it was sent (approved first when it had to be)
        self.sudo().date_answered = fields.Datetime.now()

    @api.model
    def _assign_references(self, vals_list):
        """Number new complaints in their company's register, a numbering a
        year, the year of the institution's local time.

        Odoo's sequence of the company gives the year's range once for the
        batch, then each complaint draws one number of it.
        """
        numberings = {}
        for vals in vals_list:
            if vals.get("name", "/") != "/":
                continue
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            received = fields.Datetime.to_datetime(
                vals.get("date_received") or fields.Datetime.now()
            )
            day = pytz.utc.localize(received).astimezone(company._comms_tz()).date()
            numbering = numberings.get(company)
            if numbering is None or (
                numbering._name == "ir.sequence.date_range"
                and not numbering.date_from <= day <= numbering.date_to
            ):
                numbering = numberings[company] = self._register_numbering(company, day)
            vals["name"] = numbering.with_context(ir_sequence_date=day)._next()

    @api.model
    def _register_numbering(self, company, day):
        """What draws the numbers of ``day``: the range of its year in the
        company's sequence, made by the first complaint of the year."""
        sequence = company._comms_complaint_sequence()
        try:
            numbering = sequence._get_current_sequence(sequence_date=day)
        except psycopg2.errors.UniqueViolation as error:
            if error.diag.table_name != "ir_sequence_date_range":
                raise
            # Another transaction opened the year at the same moment: this
            # one starts again (Odoo retries it) and draws from that range.
            raise ConcurrencyError(
                self.env._("The complaints register of the year was just opened.")
            ) from error
        if numbering._name == "ir.sequence.date_range":
            numbering = numbering.with_context(
                ir_sequence_date_range=numbering.date_from
            )
        return numbering

    def _send_acknowledgment(self, left_out=None):
        # Queued, not sent during the request: the form answers without
        # waiting for the mail server, and the mail queue is the only one to
        # send it (a mail sent at once and deleted while the queue's batch
        # held it made the queue fail, with two servers under load).
        self.with_context(mail_notify_force_send=False)._send_to_complainant(
            self.env.ref("comms_office.mail_template_complaint_ack"),
            # an automatic answer: auto-responders stay silent (RFC 3834)
            headers={
                "Auto-Submitted": "auto-replied",
                "X-Auto-Response-Suppress": "All",
            },
            left_out=left_out,
        )
        self.write(
            {"state": "acknowledged", "date_acknowledged": fields.Datetime.now()}
        )

    def _send_to_complainant(self, template, headers=None, left_out=None):
        """Mail ``template`` to the complainant's address, and only there.

        The address is a raw recipient of the message: no contact is looked up
        or created and nobody is subscribed. The message stays in the chatter
        under a subtype that only the office reads, with the Message-Id the
        complainant's replies refer to, so that they thread on the complaint.
        ``headers`` are added to the mail; ``left_out`` (see
        ``_intake_apply_limits``) is told to the complainant.
        """
        subtype = self.env.ref("comms_office.mt_comms_complaint_sent")
        user = self.env.user
        rendered = template.sudo()._generate_template(
            self.ids, ("subject", "body_html", "email_from")
        )
        for complaint in self.sudo():
            if not complaint.complainant_email:
                continue
            values = rendered[complaint.id]
            body = values["body_html"]
            if left_out:
                body = Markup(body) + complaint._left_out_notice(left_out)
            author = (
                complaint.company_id.partner_id
                if user._is_public() or user._is_superuser()
                else user.partner_id
            )
            complaint.with_context(
                mail_post_autofollow=False, mail_create_nosubscribe=True
            ).message_post(
                body=body,
                subject=values["subject"],
                message_type="comment",
                subtype_id=subtype.id,
                author_id=author.id,
                email_from=values.get("email_from") or author.email_formatted,
                outgoing_email_to=complaint.complainant_email,
                email_add_signature=False,
                email_layout_xmlid="mail.mail_notification_light",
                force_email_lang=complaint.lang,
                mail_auto_delete=template.auto_delete,
                mail_headers=headers or {},
            )

    def _left_out_notice(self, left_out):
        """What the complainant is told of the parts of their email that were
        not kept, in their language."""
        self.ensure_one()
        complaint = self.with_context(lang=self.lang)
        return Markup("<p>%s</p><ul>%s</ul><p>%s</p>") % (
            complaint.env._(
                "Part of your email could not be received because of its size:"
            ),
            Markup("").join(
                Markup("<li>%s</li>") % line
                for line in complaint._intake_describe_left_out(left_out)
            ),
            complaint.env._(
                "Bring it to the office or send it again in smaller parts, "
                "replying to this email."
            ),
        )

    def _acknowledge_safely(self, left_out=None):
        """Acknowledge at once; a mail failure never loses the complaint."""
        for complaint in self:
            if not complaint.sudo().complainant_email:
                continue
            try:
                with self.env.cr.savepoint():
                    complaint._send_acknowledgment(left_out=left_out)
            except Exception:
                _logger.exception("Acknowledgment of complaint %s failed", complaint.id)
                # read by the office, not by whoever filed the complaint
                office = complaint.with_context(lang=complaint._office_lang())
                office.message_post(
                    body=office.env._(
                        "The acknowledgment could not be sent: acknowledge the "
                        "complaint by other means before the deadline."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    def _schedule_triage(self):
        activity_type = self.env.ref("comms_office.mail_activity_type_complaint_triage")
        today = fields.Date.context_today(self)
        vals_list = []
        for complaint in self:
            for user in complaint._deadline_recipients():
                vals_list.append(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": complaint.id,
                        "activity_type_id": activity_type.id,
                        # in the language of who reads it, whoever filed it
                        "summary": self.with_context(lang=user.lang).env._(
                            "Health and safety: triage today"
                        ),
                        "user_id": user.id,
                        "date_deadline": today,
                    }
                )
        self.env["mail.activity"].sudo().create(vals_list)

    def _office_lang(self):
        """The language of the office for this complaint: that of the person it
        is assigned to, else of the head of office, else of the company."""
        self.ensure_one()
        return (
            self.user_id.lang
            or self.company_id.comms_head_id.lang
            or self.company_id.partner_id.lang
            or self.env.lang
        )

    def _deadline_recipients(self):
        self.ensure_one()
        return (self.user_id | self.company_id.comms_head_id).filtered(
            lambda u: not u.share
        )

    @api.model
    def _cron_deadline_activities(self, soon_days=2):
        """Remind the assignee and the head of office of late and near deadlines."""
        activity_type = self.env.ref(
            "comms_office.mail_activity_type_complaint_deadline"
        )
        today = fields.Date.context_today(self)
        horizon = today + timedelta(days=soon_days)
        complaints = self.search(
            Domain("state", "in", OPEN_STATES)
            & (
                (
                    Domain("state", "=", "new")
                    & Domain("date_ack_deadline", "<=", horizon)
                )
                | Domain("date_answer_deadline", "<=", horizon)
            )
        )
        if not complaints:
            return
        existing = set(
            self.env["mail.activity"]._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", complaints.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id", "user_id"],
            )
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for complaint in complaints:
            acknowledge = (
                complaint.state == "new" and complaint.date_ack_deadline <= horizon
            )
            deadline = (
                complaint.date_ack_deadline
                if acknowledge
                else complaint.date_answer_deadline
            )
            for user in complaint._deadline_recipients():
                if (complaint.id, user) in existing:
                    continue
                # in the language of each recipient, not of the scheduler
                env = self.with_context(lang=user.lang).env
                what = env._("Acknowledge") if acknowledge else env._("Answer")
                if deadline < today:
                    summary = env._("%(what)s: overdue", what=what)
                else:
                    summary = env._("%(what)s: due soon", what=what)
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": complaint.id,
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "user_id": user.id,
                        "date_deadline": deadline,
                    }
                )
        self.env["mail.activity"].create(vals_list)

    @api.model
    def _cron_anonymize(self, batch_size=100):
        """Law 18-07: forget who complained once the retention period ends.

        Complaints go by batches, each committed with the count of those
        left, so that the scheduler runs the job again until none is left. A
        complaint that cannot be anonymised is logged and left for the next
        run; the others go on.
        """
        expired = self._retention_expired_domain()
        failed = []
        while True:
            complaints = self.search(
                expired & Domain("id", "not in", failed), order="id", limit=batch_size
            )
            done = 0
            for complaint in complaints:
                try:
                    with self.env.cr.savepoint():
                        complaint._anonymize()
                    done += 1
                except Exception:
                    _logger.exception(
                        "Complaint %s could not be anonymised", complaint.id
                    )
                    failed.append(complaint.id)
            remaining = self.search_count(expired & Domain("id", "not in", failed))
            time_left = self.env["ir.cron"]._commit_progress(done, remaining=remaining)
            if not remaining or not time_left:
                return

    @api.model
    def _retention_expired_domain(self):
        """Complaints kept longer than their company's retention period,
        whatever their state: counted from their last step (closing or
        cancelling, else the answer, else the receipt)."""
        now = fields.Datetime.now()
        companies = self.env["res.company"].search(
            [("comms_complaint_retention_years", ">", 0)]
        )
        expired = []
        for company in companies:
            limit = now - relativedelta(years=company.comms_complaint_retention_years)
            expired.append(
                Domain("company_id", "=", company.id)
                & Domain("date_received", "<", limit)
                & (
                    Domain("date_answered", "=", False)
                    | Domain("date_answered", "<", limit)
                )
                & (
                    Domain("date_closed", "=", False)
                    | Domain("date_closed", "<", limit)
                )
            )
        return Domain("anonymized", "=", False) & Domain.OR(expired)

    def _anonymize(self):
        """Erase what names or describes the person: identity, texts, chatter
        (with its tracking values and mails), attachments, activities, the
        comments of the approval, and the contact when it is nothing else
        than the complainant. Reference, category, department, channel,
        dates, outcome and satisfaction stay for the statistics."""
        if not self:
            return
        # sudo: the identity and the chatter are the office's; erasing them is
        # the institution's duty, whoever runs the job
        complaints = self.sudo()
        partners = complaints.complainant_partner_id
        complaints.with_context(
            tracking_disable=True,
            skip_validation_check=True,
            comms_approval_no_reapproval=True,
        ).write(
            {
                **dict.fromkeys(self._comms_identity_fields, False),
                "subject": self.env._("Anonymised"),
                "description": self.env._("Anonymised"),
                "investigation_notes": False,
                "answer": False,
                "corrective_action": False,
                "satisfaction_comment": False,
                "access_token": False,
                "anonymized": True,
            }
        )
        complaints._approval_erase_comments()
        on_complaints = [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        # messages take their tracking values, notifications and mails along
        self.env["mail.message"].sudo().search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["ir.attachment"].sudo().search(on_complaints).unlink()
        self.env["mail.activity"].sudo().search(on_complaints).unlink()
        self.env["mail.followers"].sudo().search(
            [*on_complaints, ("partner_id", "in", partners.ids)]
        ).unlink()
        for partner in partners._comms_complainant_only():
            try:
                with self.env.cr.savepoint():
                    partner.unlink()
            except Exception:
                _logger.exception("Contact %s of a complaint was kept", partner.id)
