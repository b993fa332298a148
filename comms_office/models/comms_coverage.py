# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

COVERAGE_TONES = [
    ("positive", "Positive"),
    ("neutral", "Neutral"),
    ("negative", "Negative"),
]


class CommsCoverage(models.Model):
    """A clipping: what the media published about the institution."""

    _name = "comms.coverage"
    _description = "Media Coverage"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    outlet_id = fields.Many2one("res.partner", required=True, tracking=True, index=True)
    journalist_id = fields.Many2one(
        "res.partner",
        domain="[('parent_id', '=', outlet_id)]",
    )
    media_kind = fields.Selection(related="outlet_id.media_kind", store=True)
    url = fields.Char(string="URL")
    scan = fields.Binary(attachment=True)
    scan_name = fields.Char()
    summary = fields.Text()
    tone = fields.Selection(
        COVERAGE_TONES, required=True, default="neutral", tracking=True
    )
    reach = fields.Integer(
        compute="_compute_reach",
        store=True,
        readonly=False,
        help="Readers, listeners or viewers of the piece; by default the outlet's "
        "estimated audience. Advertising value equivalents are not computed: "
        "they do not measure communication (Barcelona Principles).",
    )
    # what produced it
    material_id = fields.Many2one(
        "comms.material", index="btree_not_null", tracking=True
    )
    inquiry_id = fields.Many2one("comms.inquiry", index="btree_not_null", tracking=True)
    crisis_id = fields.Many2one(
        "comms.crisis", index="btree_not_null", tracking=True, check_company=True
    )
    campaign_id = fields.Many2one(
        "comms.campaign",
        compute="_compute_campaign_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
    )
    event_id = fields.Many2one(
        "event.event",
        domain="[('is_comms_event', '=', True)]",
        compute="_compute_event_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        help="The event this clipping reports on.",
    )
    key_message_ids = fields.Many2many(
        "comms.key.message",
        "comms_coverage_key_message_rel",
        "coverage_id",
        "key_message_id",
        string="Key Messages Carried",
        domain="[('campaign_id', '=', campaign_id)]",
    )
    carries_key_message = fields.Boolean(
        compute="_compute_carries_key_message", store=True
    )

    _reach_positive = models.Constraint(
        "CHECK(reach >= 0)", "The reach cannot be negative."
    )

    @api.model_create_multi
    def create(self, vals_list):
        clippings = super().create(vals_list)
        self.env["comms.crisis"]._crisis_log_created(clippings, "coverage")
        return clippings

    @api.depends("outlet_id.media_audience")
    def _compute_reach(self):
        for coverage in self:
            if not coverage.reach:
                coverage.reach = coverage.outlet_id.media_audience

    @api.depends("material_id.campaign_id", "inquiry_id.campaign_id")
    def _compute_campaign_id(self):
        for coverage in self:
            campaign = (
                coverage.material_id.campaign_id or coverage.inquiry_id.campaign_id
            )
            if campaign:
                coverage.campaign_id = campaign

    @api.depends("material_id.event_id")
    def _compute_event_id(self):
        for coverage in self:
            if coverage.material_id.event_id:
                coverage.event_id = coverage.material_id.event_id

    @api.depends("key_message_ids")
    def _compute_carries_key_message(self):
        for coverage in self:
            coverage.carries_key_message = bool(coverage.key_message_ids)
