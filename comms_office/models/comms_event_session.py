# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CommsEventSession(models.Model):
    _name = "comms.event.session"
    _description = "Event Agenda Item"
    _order = "event_id, date_begin, sequence, id"
    _rec_name = "topic"
    _check_company_auto = True

    event_id = fields.Many2one(
        "event.event", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="event_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    date_begin = fields.Datetime(string="Start", required=True)
    date_end = fields.Datetime(string="End", required=True)
    topic = fields.Char(required=True, translate=True)
    speaker_id = fields.Many2one("res.partner", index=True)
    speaker_function = fields.Char(
        related="speaker_id.function", string="Speaker's Position"
    )
    description = fields.Text()

    @api.constrains("date_begin", "date_end", "event_id")
    def _check_dates(self):
        for session in self:
            if session.date_end < session.date_begin:
                raise ValidationError(
                    self.env._(
                        "The agenda item %(topic)s ends before it starts.",
                        topic=session.topic,
                    )
                )
            event = session.event_id
            if (
                session.date_begin < event.date_begin
                or session.date_end > event.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "The agenda item %(topic)s must take place during the "
                        "event %(event)s.",
                        topic=session.topic,
                        event=event.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions.event_id._comms_mirror_sync()
        return sessions

    def write(self, vals):
        events = self.event_id
        result = super().write(vals)
        if {"speaker_id", "event_id"} & vals.keys():
            (events | self.event_id)._comms_mirror_sync()
        return result

    def unlink(self):
        events = self.event_id
        result = super().unlink()
        events.exists()._comms_mirror_sync()
        return result
