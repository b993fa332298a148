# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def _get_activity_excluded_models(self):
        # An event's mirror in the calendar is not a meeting to schedule on it.
        return super()._get_activity_excluded_models() + ["event.event"]
