# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

RUMOUR_KINDS = [
    ("question", "Question"),
    ("concern", "Concern"),
    ("void", "Information Void"),
    ("misinformation", "Misinformation"),
]
RUMOUR_STATES = [
    ("new", "New"),
    ("verifying", "Verifying"),
    ("answered", "Answered"),
    ("debunked", "Debunked"),
    ("closed", "Closed"),
]
RUMOUR_RISKS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
# WHO infodemic management: the higher the risk, the sooner the answer
RISK_TARGET_HOURS = {"high": 2, "medium": 6, "low": 24}


class CommsRumour(models.Model):
    """A rumour, question or concern seen in the public, followed until the
    office answered it (after WHO's infodemic management)."""

    _name = "comms.rumour"
    _description = "Rumour"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_first_seen desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="What Is Said", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    crisis_id = fields.Many2one(
        "comms.crisis", index="btree_not_null", tracking=True, check_company=True
    )
    kind = fields.Selection(RUMOUR_KINDS, required=True, default="misinformation")
    state = fields.Selection(
        RUMOUR_STATES, required=True, default="new", tracking=True, index=True
    )
    risk = fields.Selection(
        RUMOUR_RISKS, required=True, default="medium", tracking=True
    )
    seen_on = fields.Char(string="Where", help="Facebook group, WhatsApp, radio…")
    url = fields.Char(string="Link")
    screenshot = fields.Image(max_width=1024, max_height=1024)
    date_first_seen = fields.Datetime(
        string="First Seen", required=True, default=fields.Datetime.now
    )
    reach = fields.Integer(string="Estimated Reach")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    fact = fields.Html(
        string="The Facts",
        help="The approved myth-versus-fact answer: what is true, and where "
        "to find reliable information.",
    )
    published_where = fields.Char(string="Answer Published On")
    date_target = fields.Datetime(
        string="Answer Due",
        compute="_compute_date_target",
        store=True,
        readonly=False,
    )
    date_answered = fields.Datetime(string="Answered On", readonly=True, copy=False)
    answered_on_time = fields.Boolean(compute="_compute_answered_on_time", store=True)
    color = fields.Integer()

    @api.depends("date_first_seen", "risk")
    def _compute_date_target(self):
        for rumour in self:
            if rumour.date_first_seen:
                hours = RISK_TARGET_HOURS[rumour.risk or "medium"]
                rumour.date_target = rumour.date_first_seen + timedelta(hours=hours)

    @api.depends("date_answered", "date_target")
    def _compute_answered_on_time(self):
        for rumour in self:
            rumour.answered_on_time = bool(
                rumour.date_answered
                and (
                    not rumour.date_target or rumour.date_answered <= rumour.date_target
                )
            )

    @api.depends("name", "crisis_id.is_drill")
    def _compute_display_name(self):
        for rumour in self:
            rumour.display_name = (
                rumour.crisis_id._crisis_label(rumour.name)
                if rumour.crisis_id
                else rumour.name
            )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        rumours = super().create(vals_list)
        for crisis in rumours.crisis_id:
            seen = rumours.filtered(lambda r, c=crisis: r.crisis_id == c)
            crisis._crisis_log(
                "rumour",
                lambda c, s=seen: c.env._(
                    "Rumour logged: %(names)s", names="; ".join(s.mapped("name"))
                ),
                source=", ".join(filter(None, seen.mapped("seen_on"))) or False,
            )
        return rumours

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_verify(self):
        return self._rumour_move("verifying", ("new",))

    def action_answer(self):
        return self._rumour_answer("answered")

    def action_debunk(self):
        return self._rumour_answer("debunked")

    def action_close(self):
        return self._rumour_move("closed", ("answered", "debunked", "new", "verifying"))

    def action_reopen(self):
        return self._rumour_move("verifying", ("closed",))

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _rumour_move(self, state, from_states):
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("move a rumour on the board")
        )
        wrong = self.filtered(lambda r: r.state not in from_states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(names)s cannot move there from its present status.",
                    names=", ".join(wrong.mapped("display_name")),
                )
            )
        self.write({"state": state})
        return True

    def _rumour_answer(self, state):
        silent = self.filtered(lambda r: not r.fact or not r.published_where)
        if silent:
            raise UserError(
                self.env._(
                    "Write the facts and where the answer was published before "
                    "answering %(names)s.",
                    names=", ".join(silent.mapped("display_name")),
                )
            )
        self._rumour_move(state, ("new", "verifying"))
        self.write({"date_answered": fields.Datetime.now()})
        labels = dict(self._fields["state"]._description_selection(self.env))
        for rumour in self.filtered("crisis_id"):
            rumour.crisis_id._crisis_log(
                "rumour",
                lambda c, r=rumour: c.env._(
                    "%(status)s: %(name)s (published on %(where)s)",
                    status=labels[state],
                    name=r.name,
                    where=r.published_where,
                ),
            )
        return True
