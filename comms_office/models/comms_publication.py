# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CommsPublication(models.Model):
    """Where and when a material went out, and how far it went."""

    _name = "comms.publication"
    _description = "Publication"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    material_id = fields.Many2one(
        "comms.material", required=True, ondelete="restrict", index=True
    )
    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    campaign_id = fields.Many2one(
        related="material_id.campaign_id", store=True, index="btree_not_null"
    )
    event_id = fields.Many2one(
        related="material_id.event_id", store=True, index="btree_not_null"
    )
    material_type = fields.Selection(related="material_id.material_type")
    lang_id = fields.Many2one(related="material_id.lang_id")
    channel_id = fields.Many2one("comms.channel", tracking=True)
    outlet_id = fields.Many2one(
        "res.partner",
        tracking=True,
        help="The newspaper, radio, television, website or page that published it.",
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    url = fields.Char(string="URL")
    user_id = fields.Many2one(
        "res.users",
        string="Published By",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    reach = fields.Integer(
        tracking=True,
        help="People the publication could reach: audience, circulation, followers.",
    )
    views = fields.Integer(help="Views, plays or listens reported by the channel.")
    engagement = fields.Integer(
        help="Reactions, shares, comments and clicks reported by the channel."
    )
    note = fields.Text()

    _reach_positive = models.Constraint(
        "CHECK(reach >= 0 AND views >= 0 AND engagement >= 0)",
        "Reach, views and engagement cannot be negative.",
    )

    @api.depends("material_id.name")
    def _compute_name(self):
        for publication in self:
            publication.name = publication.material_id.name or ""

    @api.depends("name", "outlet_id.name", "channel_id.name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # where it went out, named in the reader's language (channels are
        # translated), not in the language of whoever recorded it
        for publication in self:
            where = publication.outlet_id.name or publication.channel_id.name
            name = publication.name or ""
            publication.display_name = f"{name} – {where}" if where else name

    @api.onchange("outlet_id")
    def _onchange_outlet_id(self):
        if self.outlet_id.media_audience and not self.reach:
            self.reach = self.outlet_id.media_audience

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        publications = super().create(vals_list)
        not_approved = publications.material_id.filtered(
            lambda m: m.state not in ("approved", "published")
        )
        if not_approved:
            raise UserError(
                self.env._(
                    "A material is published once approved: %(names)s.",
                    names=", ".join(not_approved.mapped("display_name")),
                )
            )
        publications.material_id.filtered(lambda m: m.state == "approved").write(
            {"state": "published"}
        )
        return publications
