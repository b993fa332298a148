# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SurveyInvite(models.TransientModel):
    _inherit = "survey.invite"

    comms_event_id = fields.Many2one("event.event", string="Event")

    def _get_answers_values(self):
        values = super()._get_answers_values()
        if self.comms_event_id:
            values["comms_event_id"] = self.comms_event_id.id
        return values
