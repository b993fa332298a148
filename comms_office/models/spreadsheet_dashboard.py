# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SpreadsheetDashboard(models.Model):
    _inherit = "spreadsheet.dashboard"

    @api.model
    def _comms_action_open(self):
        """Odoo's Dashboards app, opened on the office's dashboard."""
        dashboard = self.env.ref(
            "comms_office.spreadsheet_dashboard_comms_office", raise_if_not_found=False
        )
        action = self.env["ir.actions.actions"]._for_xml_id(
            "spreadsheet_dashboard.ir_actions_dashboard_action"
        )
        if dashboard and dashboard.has_access("read"):
            action["params"] = {"dashboard_id": dashboard.id}
        return action
