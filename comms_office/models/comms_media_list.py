# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class CommsMediaList(models.Model):
    _name = "comms.media.list"
    _description = "Media List"
    _inherit = ["mail.thread"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Text()
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Maintained By",
        default=lambda self: self.env.user,
        tracking=True,
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "comms_media_list_partner_rel",
        "list_id",
        "partner_id",
        string="Fixed Members",
        domain=[("is_media", "=", True)],
    )
    filter_domain = fields.Char(
        string="Saved Filter",
        help="Media contacts matching this filter belong to the list as well, "
        "as they are when the list is used.",
    )
    member_count = fields.Integer(compute="_compute_member_count", string="Members")

    @api.depends("partner_ids", "filter_domain")
    def _compute_member_count(self):
        static = self.filtered(lambda media_list: not media_list.filter_domain)
        counts = {}
        if static.ids:
            counts = dict(
                self.env["res.partner"]._read_group(
                    [("media_list_ids", "in", static.ids), ("is_media", "=", True)],
                    ["media_list_ids"],
                    ["__count"],
                )
            )
            counts = {media_list.id: count for media_list, count in counts.items()}
        for media_list in static:
            media_list.member_count = counts.get(media_list.id, 0)
        # A saved filter is its own query: one per list that has one.
        for media_list in self - static:
            media_list.member_count = self.env["res.partner"].search_count(
                media_list._get_member_domain()
            )

    @api.constrains("filter_domain")
    def _check_filter_domain(self):
        for media_list in self:
            try:
                self.env["res.partner"].search_count(
                    media_list._parse_filter_domain(), limit=1
                )
            except (ValueError, SyntaxError, TypeError, KeyError) as error:
                raise ValidationError(
                    self.env._(
                        "The saved filter of the media list %(name)s is not valid: "
                        "%(error)s",
                        name=media_list.name,
                        error=error,
                    )
                ) from error

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_view_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.res_partner_action_media"
        )
        action["domain"] = list(self._get_member_domain())
        action["context"] = {"default_is_media": True}
        action["display_name"] = self.name
        return action

    def action_new_mailing(self):
        """Open a mass mailing addressed to the members as they are at sending."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mailing.mailing",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_subject": self.name,
                "default_mailing_type": "mail",
                "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "default_mailing_domain": repr(list(self._get_member_domain())),
            },
        }

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _parse_filter_domain(self):
        self.ensure_one()
        if not self.filter_domain:
            return Domain.FALSE
        return Domain(ast.literal_eval(self.filter_domain))

    def _get_member_domain(self):
        """Members: the fixed ones, and the media contacts the saved filter finds."""
        self.ensure_one()
        domain = Domain("media_list_ids", "in", self.ids)
        if self.filter_domain:
            domain |= self._parse_filter_domain()
        return domain & Domain("is_media", "=", True)

    def _get_members(self):
        partners = self.env["res.partner"]
        for media_list in self:
            partners |= partners.search(media_list._get_member_domain())
        return partners
