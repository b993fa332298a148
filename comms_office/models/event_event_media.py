# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .comms_campaign_media import media_indicator_values

EVENT_DOMAIN = "[('is_comms_event', '=', True)]"


class CommsMaterial(models.Model):
    _inherit = "comms.material"

    event_id = fields.Many2one(
        "event.event",
        string="Event",
        domain=EVENT_DOMAIN,
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="The event this material announces or reports on.",
    )


class CommsPublication(models.Model):
    _inherit = "comms.publication"

    event_id = fields.Many2one(
        related="material_id.event_id", store=True, index="btree_not_null"
    )


class CommsCoverage(models.Model):
    _inherit = "comms.coverage"

    event_id = fields.Many2one(
        "event.event",
        string="Event",
        domain=EVENT_DOMAIN,
        compute="_compute_event_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        help="The event this clipping reports on.",
    )

    @api.depends("material_id.event_id")
    def _compute_event_id(self):
        for coverage in self:
            if coverage.material_id.event_id:
                coverage.event_id = coverage.material_id.event_id


class EventEvent(models.Model):
    _inherit = "event.event"

    comms_material_count = fields.Integer(
        string="Materials",
        compute="_compute_comms_media_counts",
        groups="comms_office.group_comms_officer",
    )
    comms_coverage_count = fields.Integer(
        string="Clippings",
        compute="_compute_comms_media_counts",
        groups="comms_office.group_comms_officer",
    )

    def _compute_comms_media_counts(self):
        counts = {
            model: dict(
                self.env[model]._read_group(
                    [("event_id", "in", self.ids)], ["event_id"], ["__count"]
                )
            )
            for model in ("comms.material", "comms.coverage")
        }
        for event in self:
            event.comms_material_count = counts["comms.material"].get(event._origin, 0)
            event.comms_coverage_count = counts["comms.coverage"].get(event._origin, 0)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _action_view_comms_media(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {
            "default_event_id": self.id,
            "default_campaign_id": self.campaign_id.id,
        }
        return action

    def action_view_comms_materials(self):
        return self._action_view_comms_media("comms_office.comms_material_action")

    def action_view_comms_coverage(self):
        return self._action_view_comms_media("comms_office.comms_coverage_action")

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _comms_indicator_values(self):
        values = super()._comms_indicator_values()
        # staff read indicator actuals without access to the media records
        media = media_indicator_values(self.sudo(), "event_id")
        for event_id, event_values in values.items():
            event_values.update(media[event_id])
        return values
