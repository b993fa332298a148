# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

WORK_KINDS = [
    ("complaint_ack", "Complaint to Acknowledge"),
    ("complaint_answer", "Complaint to Answer"),
    ("inquiry", "Media Inquiry"),
    ("milestone", "Campaign Task"),
    ("request", "Asked of Me"),
    ("approval", "Approval"),
    ("approval_next", "Coming for Approval"),
    ("event", "Event"),
    ("campaign", "Running Campaign"),
]
WORK_SECTIONS = [
    ("late", "Late"),
    ("approval", "Waiting for Approval"),
    ("next", "Coming Next"),
    ("todo", "To Do"),
    ("running", "Running"),
]
APPROVAL_KINDS = ("approval", "approval_next")
# activity types the module schedules itself for what already is a work item
# (a review, a complaint deadline): listed once, as the item
MIRRORED_ACTIVITY_TYPES = (
    "mail_activity_type_comms_approval",
    "mail_activity_type_complaint_deadline",
    "mail_activity_type_complaint_triage",
)


class CommsWorkItem(models.Model):
    """What the office has to do, one line per thing to do.

    A SQL view over the records themselves, nothing copied: complaints to
    acknowledge and to answer, media inquiries to answer, campaign tasks,
    activities asked of someone on the office's records, reviews waiting for
    a reviewer (and those coming next), the events of the week and the
    running campaigns. Each line opens its document.

    Like the editorial calendar, each source keeps its own slot in the ids
    (``source id * _id_slots + slot``). Models with tier validation add
    their reviews through ``_work_item_approval_sources``.
    """

    _name = "comms.work.item"
    _description = "Office Work Item"
    _auto = False
    _order = "date_deadline, id"
    _id_slots = 16

    kind = fields.Selection(WORK_KINDS, readonly=True)
    section = fields.Selection(
        WORK_SECTIONS,
        readonly=True,
        group_expand="_group_expand_section",
        help="Late: its deadline has passed. Waiting for Approval: its reviewer "
        "can decide now. Coming Next: the review of an earlier tier comes "
        "first. Running: this week's events and the campaigns under way.",
    )
    reference = fields.Char(readonly=True)
    name = fields.Char(string="Subject", readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    document_type = fields.Char(
        compute="_compute_document_type",
        help="What the line is about: a campaign, a material, a complaint…",
    )
    res_id = fields.Many2oneReference(
        string="Document", model_field="res_model", readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        readonly=True,
        help="Who holds it; for a review, who asked for it.",
    )
    department_id = fields.Many2one("comms.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_deadline = fields.Date(string="Due", readonly=True)
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")], readonly=True, default="0"
    )
    is_today = fields.Boolean(string="Today", readonly=True)
    activity_type_id = fields.Many2one("mail.activity.type", readonly=True)
    review_id = fields.Many2one("tier.review", readonly=True)
    reviewer_ids = fields.Many2many(related="review_id.reviewer_ids")
    is_mine = fields.Boolean(
        string="Asked of Me",
        compute="_compute_is_mine",
        search="_search_is_mine",
        help="Assigned to me, or a review I am one of the reviewers of.",
    )
    is_my_department = fields.Boolean(
        compute="_compute_is_my_department", search="_search_is_my_department"
    )

    @api.depends("res_model")
    @api.depends_context("lang")
    def _compute_document_type(self):
        names = {
            model: self.env["ir.model"]._get(model).name
            for model in set(self.mapped("res_model"))
            if model
        }
        for item in self:
            item.document_type = names.get(item.res_model, False)

    @api.model
    def _group_expand_section(self, values, domain):
        # columns in the order of the day, without adding empty ones
        return [key for key, _label in WORK_SECTIONS if key in values]

    def _mine_domain(self):
        uid = self.env.uid
        return (
            Domain("kind", "in", APPROVAL_KINDS) & Domain("reviewer_ids", "in", [uid])
        ) | (Domain("kind", "not in", APPROVAL_KINDS) & Domain("user_id", "=", uid))

    @api.depends_context("uid")
    def _compute_is_mine(self):
        mine = self.filtered_domain(self._mine_domain())
        for item in self:
            item.is_mine = item in mine

    def _search_is_mine(self, operator, value):
        if operator != "in":
            return NotImplemented
        return self._mine_domain() if True in value else ~self._mine_domain()

    @api.depends_context("uid")
    def _compute_is_my_department(self):
        for item in self:
            item.is_my_department = item.department_id.head_id == self.env.user

    def _search_is_my_department(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain("department_id.head_id", "=", self.env.uid)
        return domain if True in value else ~domain

    # ------------------------------------------------------------
    # SQL
    # ------------------------------------------------------------

    @api.model
    def _work_item_approval_sources(self):
        """Models whose reviews are work items, with the SQL that names them.

        ``{model: (table, reference, name, department, open condition)}``: the
        expressions read the document's table under the alias ``d``; the
        condition keeps the documents that can still be approved.
        """
        return {
            "comms.campaign": (
                "comms_campaign",
                SQL("NULL"),
                SQL("d.name"),
                SQL("NULL::integer"),
                SQL("d.active AND d.state != 'cancel'"),
            ),
            "comms.complaint": (
                "comms_complaint",
                SQL("d.name"),
                SQL("d.subject"),
                SQL("d.department_id"),
                SQL("d.state NOT IN ('closed', 'cancel')"),
            ),
            "comms.material": (
                "comms_material",
                SQL("NULL"),
                SQL("d.name"),
                SQL("NULL::integer"),
                SQL("d.active AND d.state != 'cancel'"),
            ),
            "comms.inquiry": (
                "comms_inquiry",
                SQL("d.reference"),
                SQL("d.name"),
                SQL("NULL::integer"),
                SQL("d.stage NOT IN ('closed', 'cancel')"),
            ),
        }

    @api.model
    def _work_item_activity_models(self):
        """Models whose activities are things asked of someone by the office."""
        return [
            "comms.complaint",
            "comms.inquiry",
            "comms.campaign",
            "comms.material",
            "comms.recommendation",
            "event.event",
        ]

    def _work_item_queries(self):
        """One SELECT per source, all with the columns of the view; ``today``
        is the day in the time zone of the company's working calendar."""
        slots = self._id_slots
        queries = [
            SQL(
                """
                SELECT c.id * %(slots)s AS id,
                       'complaint_ack' AS kind,
                       CASE WHEN c.date_ack_deadline < t.day THEN 'late'
                            ELSE 'todo' END AS section,
                       c.name AS reference,
                       c.subject AS name,
                       'comms.complaint' AS res_model,
                       c.id AS res_id,
                       c.user_id AS user_id,
                       c.department_id AS department_id,
                       c.company_id AS company_id,
                       c.date_ack_deadline AS date_deadline,
                       COALESCE(c.priority, '0') AS priority,
                       FALSE AS is_today,
                       NULL::integer AS activity_type_id,
                       NULL::integer AS review_id
                  FROM comms_complaint c
                  JOIN today t ON t.company_id = c.company_id
                 WHERE c.state = 'new'
                """,
                slots=slots,
            ),
            SQL(
                """
                SELECT c.id * %(slots)s + 1,
                       'complaint_answer',
                       CASE WHEN c.date_answer_deadline < t.day THEN 'late'
                            ELSE 'todo' END,
                       c.name,
                       c.subject,
                       'comms.complaint',
                       c.id,
                       c.user_id,
                       c.department_id,
                       c.company_id,
                       c.date_answer_deadline,
                       COALESCE(c.priority, '0'),
                       FALSE,
                       NULL::integer,
                       NULL::integer
                  FROM comms_complaint c
                  JOIN today t ON t.company_id = c.company_id
                 WHERE c.state IN ('acknowledged', 'investigation')
                """,
                slots=slots,
            ),
            SQL(
                """
                SELECT i.id * %(slots)s + 2,
                       'inquiry',
                       CASE WHEN i.date_deadline < NOW() AT TIME ZONE 'UTC'
                            THEN 'late' ELSE 'todo' END,
                       i.reference,
                       i.name,
                       'comms.inquiry',
                       i.id,
                       i.user_id,
                       NULL::integer,
                       i.company_id,
                       (i.date_deadline AT TIME ZONE 'UTC' AT TIME ZONE t.tz)::date,
                       '0',
                       FALSE,
                       NULL::integer,
                       NULL::integer
                  FROM comms_inquiry i
                  JOIN today t ON t.company_id = i.company_id
                 WHERE i.stage IN ('new', 'in_progress')
                """,
                slots=slots,
            ),
            SQL(
                """
                SELECT m.id * %(slots)s + 3,
                       'milestone',
                       CASE WHEN m.date_deadline < t.day THEN 'late'
                            ELSE 'todo' END,
                       NULL,
                       c.name || ': ' || m.name,
                       'comms.campaign.milestone',
                       m.id,
                       m.user_id,
                       NULL::integer,
                       c.company_id,
                       m.date_deadline,
                       '0',
                       FALSE,
                       NULL::integer,
                       NULL::integer
                  FROM comms_campaign_milestone m
                  JOIN comms_campaign c ON c.id = m.campaign_id
                  JOIN today t ON t.company_id = c.company_id
                 WHERE m.state = 'todo'
                   AND c.active
                   AND c.state != 'cancel'
                """,
                slots=slots,
            ),
            # this week's office events, named in their own language
            SQL(
                """
                SELECT e.id * %(slots)s + 4,
                       'event',
                       'running',
                       NULL,
                       COALESCE(e.name->>e.lang, e.name->>'en_US'),
                       'event.event',
                       e.id,
                       e.user_id,
                       NULL::integer,
                       e.company_id,
                       (e.date_begin AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(e.date_tz, t.tz, 'UTC'))::date,
                       '0',
                       (e.date_begin AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(e.date_tz, t.tz, 'UTC'))::date
                           <= COALESCE(t.day, CURRENT_DATE),
                       NULL::integer,
                       NULL::integer
                  FROM event_event e
             LEFT JOIN today t ON t.company_id = e.company_id
                 WHERE e.is_comms_event
                   AND e.active
                   AND e.kanban_state != 'cancel'
                   AND e.date_end >= NOW() AT TIME ZONE 'UTC'
                   AND (e.date_begin AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(e.date_tz, t.tz, 'UTC'))::date
                       <= COALESCE(t.day, CURRENT_DATE) + 7
                """,
                slots=slots,
            ),
            # a running campaign past its end is late to close
            SQL(
                """
                SELECT c.id * %(slots)s + 5,
                       'campaign',
                       CASE WHEN c.date_end < t.day THEN 'late'
                            ELSE 'running' END,
                       NULL,
                       c.name,
                       'comms.campaign',
                       c.id,
                       c.user_id,
                       NULL::integer,
                       c.company_id,
                       c.date_end,
                       '0',
                       FALSE,
                       NULL::integer,
                       NULL::integer
                  FROM comms_campaign c
                  JOIN today t ON t.company_id = c.company_id
                 WHERE c.state = 'running'
                   AND c.active
                """,
                slots=slots,
            ),
            SQL(
                """
                SELECT a.id * %(slots)s + 6,
                       'request',
                       CASE WHEN a.date_deadline < COALESCE(t.day, CURRENT_DATE)
                            THEN 'late' ELSE 'todo' END,
                       NULL,
                       COALESCE(NULLIF(a.summary, ''), a.res_name),
                       a.res_model,
                       a.res_id,
                       a.user_id,
                       NULL::integer,
                       u.company_id,
                       a.date_deadline,
                       '0',
                       FALSE,
                       a.activity_type_id,
                       NULL::integer
                  FROM mail_activity a
                  JOIN res_users u ON u.id = a.user_id
                  JOIN mail_activity_type at ON at.id = a.activity_type_id
             LEFT JOIN today t ON t.company_id = u.company_id
                 WHERE a.active
                   AND a.res_model IN %(models)s
                   AND at.category != 'meeting'
                   AND NOT EXISTS (
                       SELECT 1
                         FROM ir_model_data imd
                        WHERE imd.model = 'mail.activity.type'
                          AND imd.res_id = a.activity_type_id
                          AND imd.module = 'comms_office'
                          AND imd.name IN %(mirrored)s
                   )
                """,
                slots=slots,
                models=tuple(self._work_item_activity_models()),
                mirrored=MIRRORED_ACTIVITY_TYPES,
            ),
        ]
        for model, (table, reference, name, department, condition) in sorted(
            self._work_item_approval_sources().items()
        ):
            queries.append(
                SQL(
                    """
                    SELECT r.id * %(slots)s + 7,
                           CASE WHEN r.status = 'pending' THEN 'approval'
                                ELSE 'approval_next' END,
                           CASE WHEN r.status = 'pending' THEN 'approval'
                                ELSE 'next' END,
                           %(reference)s,
                           %(name)s,
                           r.model,
                           r.res_id,
                           r.requested_by,
                           %(department)s,
                           d.company_id,
                           r.create_date::date,
                           '0',
                           FALSE,
                           NULL::integer,
                           r.id
                      FROM tier_review r
                      JOIN %(table)s d ON d.id = r.res_id
                     WHERE r.model = %(model)s
                       AND r.status IN ('pending', 'waiting')
                       AND %(condition)s
                    """,
                    slots=slots,
                    reference=reference,
                    name=name,
                    department=department,
                    table=SQL.identifier(table),
                    model=model,
                    condition=condition,
                )
            )
        return queries

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    WITH today AS (
                        SELECT c.id AS company_id,
                               COALESCE(rc.tz, 'UTC') AS tz,
                               (NOW() AT TIME ZONE COALESCE(rc.tz, 'UTC'))::date
                                   AS day
                          FROM res_company c
                     LEFT JOIN resource_calendar rc ON rc.id = c.comms_calendar_id
                    )
                    %s
                )
                """,
                SQL.identifier(self._table),
                SQL(" UNION ALL ").join(self._work_item_queries()),
            )
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
            "target": "current",
        }

    def action_hand_back_findings(self):
        self.ensure_one()
        complaint = self.env["comms.complaint"].browse(self.res_id)
        return complaint.action_open_findings()

    @api.model
    def _action_landing(self):
        """The first screen of the Communication app, by role: the head of
        office and the director an overview of the office, the others what
        they have to do."""
        if self.env.user.has_group("comms_office.group_comms_manager"):
            return self.env["ir.actions.act_window"]._for_xml_id(
                "comms_office.comms_work_item_action_overview"
            )
        return self._action_my_work()

    @api.model
    def _action_my_work(self):
        """What I have to do. Officers also see the office's work nobody holds
        yet (complaints, unassigned inquiries, today's events); a department
        head the complaints of their department."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_work_item_action"
        )
        context = {"search_default_mine": 1, "search_default_group_section": 1}
        user = self.env.user
        if user.has_group("comms_office.group_comms_officer"):
            context["search_default_office"] = 1
        elif self.env["comms.department"].search_count(
            [("head_id", "=", user.id)], limit=1
        ):
            context["search_default_my_department"] = 1
        action["context"] = context
        return action
