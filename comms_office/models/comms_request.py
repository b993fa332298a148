# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

REQUEST_TYPES = [
    ("announce_service", "Announce a Service"),
    ("cover_event", "Cover an Event"),
    ("poster", "Poster or Leaflet"),
    ("online", "Website or Social Media"),
    ("visit", "Visit or Ceremony"),
    ("journalist", "Answer a Journalist"),
    ("other", "Other"),
]
REQUEST_STATES = [
    ("new", "Submitted"),
    ("info", "More Information Asked"),
    ("accepted", "Accepted"),
    ("planned", "Planned"),
    ("done", "Done"),
    ("declined", "Declined"),
]
OPEN_STATES = ("new", "info", "accepted", "planned")
# what the requester writes, while the office has not taken the request on
REQUESTER_FIELDS = {
    "name",
    "request_type",
    "description",
    "date_wanted",
    "department_id",
    "audience",
    "attachment_ids",
}
REQUESTER_STATES = ("new", "info")
# the material a request of this type usually becomes
MATERIAL_TYPE_OF_REQUEST = {
    "announce_service": "article",
    "cover_event": "press_release",
    "poster": "poster",
    "online": "social_post",
    "journalist": "statement",
}


class CommsRequest(models.Model):
    """What a department asks of the communication office.

    Staff file requests; the office triages them, plans them into a
    material, an event or a campaign, and closes them. The requester follows
    the progress of what the request became without reading the office's
    drafts.
    """

    _name = "comms.request"
    _description = "Request to the Communication Office"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    request_type = fields.Selection(
        REQUEST_TYPES, string="Type", required=True, default="announce_service"
    )
    description = fields.Html(string="What Is Asked", sanitize_style=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    requester_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "comms.department",
        required=True,
        default=lambda self: self.env.user.comms_department_ids[:1],
        index=True,
        tracking=True,
        check_company=True,
    )
    audience = fields.Char(help="Whom the department wants to reach.")
    date_wanted = fields.Date(string="Wanted For", tracking=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "comms_request_attachment_rel",
        "request_id",
        "attachment_id",
        string="Files",
    )
    state = fields.Selection(
        REQUEST_STATES,
        default="new",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    # the office's side
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        domain=lambda self: [
            ("all_group_ids", "in", self.env.ref("comms_office.group_comms_officer").id)
        ],
        tracking=True,
        copy=False,
    )
    date_filed = fields.Datetime(
        string="Filed On", default=fields.Datetime.now, readonly=True, copy=False
    )
    date_deadline = fields.Date(
        string="Due",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        help="The office handles the request within the working days set in "
        "Settings, on the institution's working calendar.",
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue")
    info_requested = fields.Text(string="Information Asked", tracking=True, copy=False)
    decline_reason = fields.Text(tracking=True, copy=False)
    material_id = fields.Many2one(
        "comms.material",
        index="btree_not_null",
        tracking=True,
        copy=False,
        check_company=True,
    )
    event_id = fields.Many2one(
        "event.event",
        domain="[('is_comms_event', '=', True)]",
        index="btree_not_null",
        tracking=True,
        copy=False,
        check_company=True,
    )
    campaign_id = fields.Many2one(
        "comms.campaign",
        index="btree_not_null",
        tracking=True,
        copy=False,
        check_company=True,
    )
    progress = fields.Char(
        compute="_compute_progress",
        help="Where the material, event or campaign the request became stands.",
    )

    @api.depends("date_filed", "company_id")
    def _compute_date_deadline(self):
        for request in self:
            if request.date_deadline or not request.date_filed:
                continue
            company = request.company_id or self.env.company
            request.date_deadline = company._comms_add_working_days(
                request.date_filed, company.comms_request_days
            )

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.is_overdue = bool(
                request.state in OPEN_STATES
                and request.date_deadline
                and request.date_deadline < today
            )

    @api.depends("material_id", "event_id", "campaign_id")
    @api.depends_context("lang")
    def _compute_progress(self):
        # sudo: the requester reads where the work done on their request
        # stands (a name and a state), not the office's draft itself; the
        # request is one they may read
        for request in self:
            parts = []
            for record in (
                request.sudo().material_id,
                request.sudo().event_id,
                request.sudo().campaign_id,
            ):
                if not record:
                    continue
                model = request.env["ir.model"]._get(record._name).name
                parts.append(f"{model}: {record.name} ({request._stage_of(record)})")
            request.progress = " · ".join(parts)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env["res.users"]._comms_has_role("officer"):
            for vals in vals_list:
                refused = {
                    name
                    for name in set(vals) - REQUESTER_FIELDS - {"company_id"}
                    # the form sends the initial state along
                    if not (name == "state" and vals[name] == "new")
                }
                if refused:
                    self.env["res.users"]._comms_refuse_fields(self, sorted(refused))
        requests = super().create(vals_list)
        requests._fix_attachment_ownership()
        requests._notify_office_new()
        return requests

    def write(self, vals):
        if not self.env["res.users"]._comms_has_role("officer"):
            refused = set(vals) - REQUESTER_FIELDS
            if refused:
                self.env["res.users"]._comms_refuse_fields(self, sorted(refused))
            if self.filtered(lambda r: r.state not in REQUESTER_STATES):
                raise UserError(
                    self.env._(
                        "The office has taken this request on: write to it in "
                        "the chatter instead."
                    )
                )
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._fix_attachment_ownership()
        return res

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_submit(self):
        """The requester sends the request back with what was asked."""
        for request in self:
            if request.state != "info":
                continue
            request.check_access("write")
            # sudo: the requester moves their own request (checked above) back
            # to the office; the state is the office's field otherwise
            request.sudo().state = "new"
            request._notify_office_new()

    def action_accept(self):
        self._check_office_action()
        self._check_state(("new", "info"))
        for request in self:
            vals = {"state": "accepted"}
            if not request.user_id:
                vals["user_id"] = self.env.user.id
            request.write(vals)
        self._close_triage()
        self._notify_requester(
            lambda r: r.env._(
                "Your request “%(name)s” was accepted; %(user)s handles it.",
                name=r.name,
                user=r.user_id.name,
            )
        )

    def action_ask_info(self):
        self._check_office_action()
        self._check_state(("new", "accepted"))
        if self.filtered(lambda r: not r.info_requested):
            raise UserError(self.env._("Say what information the office needs."))
        self.write({"state": "info"})
        self._close_triage()
        self._notify_requester(
            lambda r: r.env._(
                "The communication office needs more information on your request "
                "“%(name)s”: %(info)s",
                name=r.name,
                info=r.info_requested,
            )
        )

    def action_decline(self):
        self._check_office_action()
        self._check_state(OPEN_STATES)
        if self.filtered(lambda r: not r.decline_reason):
            raise UserError(self.env._("Give the reason for declining the request."))
        self.write({"state": "declined"})
        self._close_triage()
        self._notify_requester(
            lambda r: r.env._(
                "Your request “%(name)s” was declined: %(reason)s",
                name=r.name,
                reason=r.decline_reason,
            )
        )

    def action_plan(self):
        """Planned into the material, event or campaign linked to it."""
        self._check_office_action()
        self._check_state(("accepted", "planned"))
        unlinked = self.filtered(
            lambda r: not (r.material_id or r.event_id or r.campaign_id)
        )
        if unlinked:
            raise UserError(
                self.env._(
                    "Link the material, event or campaign the request becomes first."
                )
            )
        self.write({"state": "planned"})
        self._notify_requester(
            lambda r: r.env._(
                "Your request “%(name)s” is planned: %(progress)s",
                name=r.name,
                progress=r.progress,
            )
        )

    def action_create_material(self):
        """Start the material the request becomes, and plan the request."""
        self.ensure_one()
        self._check_office_action()
        self._check_state(("new", "accepted"))
        if self.state == "new":
            self.action_accept()
        material = self.env["comms.material"].create(
            {
                "name": self.name,
                "material_type": MATERIAL_TYPE_OF_REQUEST.get(
                    self.request_type, "other"
                ),
                "body": self.description,
                "event_id": self.event_id.id,
                "campaign_id": self.campaign_id.id,
                "user_id": self.user_id.id or self.env.user.id,
                "company_id": self.company_id.id,
            }
        )
        self.material_id = material
        self.action_plan()
        return {
            "type": "ir.actions.act_window",
            "res_model": "comms.material",
            "res_id": material.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def action_done(self):
        self._check_office_action()
        self._check_state(("accepted", "planned"))
        self.write({"state": "done"})
        self._notify_requester(
            lambda r: r.env._(
                "Your request “%(name)s” is done. Thank you.", name=r.name
            )
        )

    def action_reopen(self):
        self._check_office_action()
        self._check_state(("done", "declined"))
        self.write({"state": "accepted"})

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_overdue_activities(self):
        """One activity for each overdue request, for its assignee or else the
        head of office."""
        activity_type = self.env.ref("comms_office.mail_activity_type_request_overdue")
        today = fields.Date.context_today(self)
        overdue = self.search(
            Domain("state", "in", OPEN_STATES) & Domain("date_deadline", "<", today)
        )
        already = {
            res_id
            for [res_id] in self.env["mail.activity"]._read_group(
                Domain("res_model", "=", self._name)
                & Domain("res_id", "in", overdue.ids)
                & Domain("activity_type_id", "=", activity_type.id),
                ["res_id"],
            )
        }
        for request in overdue.filtered(lambda r: r.id not in already):
            user = request.user_id or request.company_id.comms_head_id
            if not user:
                continue
            request.with_context(lang=user.lang).activity_schedule(
                activity_type_id=activity_type.id,
                summary=request.with_context(lang=user.lang).env._(
                    "Request overdue since %(date)s", date=request.date_deadline
                ),
                user_id=user.id,
            )

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _check_office_action(self):
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("triage, plan or close a request")
        )

    def _check_state(self, states):
        wrong = self.filtered(lambda r: r.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "This step does not apply to %(names)s in its current state.",
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def _stage_of(self, record):
        """The stage of an event, or the state of a material or campaign, as
        its users name it."""
        if record._name == "event.event":
            return record.stage_id.name
        labels = dict(record._fields["state"]._description_selection(self.env))
        return labels.get(record.state, record.state)

    def _close_triage(self):
        """The request is triaged: its triage activity is done."""
        self.activity_feedback(["comms_office.mail_activity_type_request_triage"])

    def _notify_requester(self, body):
        """Tell each requester what happened, in their own language."""
        for request in self:
            requester = request.requester_id
            localized = request.with_context(lang=requester.lang or self.env.lang)
            request.message_post(
                body=body(localized),
                partner_ids=requester.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )

    def _notify_office_new(self):
        """The assignee, else the head of office, gets an activity to triage."""
        activity_type = self.env.ref("comms_office.mail_activity_type_request_triage")
        for request in self:
            user = request.user_id or request.company_id.comms_head_id
            if not user or request.state != "new":
                continue
            # sudo: the requester asks the office to act; activities on the
            # request are the office's to do
            request.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                summary=request.with_context(lang=user.lang).env._(
                    "Triage the request of %(department)s",
                    department=request.department_id.name,
                ),
                user_id=user.id,
                date_deadline=request.date_deadline,
            )

    def _fix_attachment_ownership(self):
        """Files uploaded on the form belong to the request, so that whoever
        reads the request reads its files; the uploader attaches them with
        their own rights (the ids come from the user)."""
        for request in self:
            request.attachment_ids.filtered(
                lambda a, r=request: a.res_model == r._name and not a.res_id
            ).write({"res_id": request.id})
