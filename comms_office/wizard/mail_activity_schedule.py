# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailActivitySchedule(models.TransientModel):
    _inherit = "mail.activity.schedule"

    def _compute_plan_date(self):
        # the logistics plan of an office event counts back from its first day
        todo = self.browse()
        for scheduler in self.filtered(lambda s: s.res_model == "event.event"):
            event = scheduler._get_applied_on_records()
            if len(event) == 1 and event.is_comms_event and event.date_begin:
                scheduler.plan_date = fields.Date.context_today(event, event.date_begin)
                todo |= scheduler
        return super(MailActivitySchedule, self - todo)._compute_plan_date()

    def action_schedule_plan(self):
        res = super().action_schedule_plan()
        if self.res_model == "event.event":
            self._get_applied_on_records().filtered(
                lambda event: event.event_type_id.activity_plan_id == self.plan_id
            ).comms_plan_launched = True
        return res
