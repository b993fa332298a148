# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

EVENT_DOMAIN = "[('is_comms_event', '=', True)]"


class CommsMaterial(models.Model):
    _inherit = "comms.material"

    event_id = fields.Many2one(
        "event.event",
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
