# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models


class CommsAwarenessSession(models.Model):
    """A session of an awareness programme, in a place of a commune, with its
    attendance counted by sex and age band; mirrored in the calendars of its
    facilitators."""

    _name = "comms.awareness.session"
    _description = "Awareness Session"
    # the mirror first: its meeting (and the meeting's to-do on the session) is
    # made once the chatter has its followers
    _inherit = ["comms.calendar.mirror.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_begin, id"

    program_id = fields.Many2one(
        "comms.awareness.program",
        string="Programme",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="program_id.company_id", store=True)
    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Held"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )
    date_begin = fields.Datetime(
        string="Start",
        required=True,
        tracking=True,
        default=lambda self: self._default_date_begin(),
    )
    date_end = fields.Datetime(
        string="End",
        required=True,
        tracking=True,
        default=lambda self: self._default_date_begin() + timedelta(hours=2),
    )
    place = fields.Char(help="School, mosque, health centre, town hall…")
    commune_id = fields.Many2one("comms.commune", required=True, tracking=True)
    facilitator_ids = fields.Many2many(
        "res.users",
        string="Facilitators",
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    audience_id = fields.Many2one("comms.audience")
    partner_id = fields.Many2one(
        "res.partner", help="The school, mosque or association."
    )
    # attendance
    attendance_planned = fields.Integer(string="Planned Attendance")
    attendance_line_ids = fields.One2many(
        "comms.awareness.attendance",
        "session_id",
        string="Attendance by Sex and Age",
        copy=False,
    )
    attendance_total = fields.Integer(
        string="Attendance", compute="_compute_attendance", store=True
    )
    attendance_female = fields.Integer(
        string="Women and Girls", compute="_compute_attendance", store=True
    )
    attendance_male = fields.Integer(
        string="Men and Boys", compute="_compute_attendance", store=True
    )
    # materials and photos
    materials_handed = fields.Integer(
        string="Materials Handed Out", help="Leaflets, posters and kits handed out."
    )
    material_ids = fields.Many2many("comms.material", string="Materials")
    photo_ids = fields.Many2many(
        "ir.attachment",
        "comms_awareness_session_photo_rel",
        "session_id",
        "attachment_id",
        string="Photos",
    )
    note = fields.Text()

    _dates_check = models.Constraint(
        "CHECK(date_end >= date_begin)", "A session cannot end before it starts."
    )
    _counts_positive = models.Constraint(
        "CHECK(attendance_planned >= 0 AND materials_handed >= 0)",
        "Attendance and materials cannot be negative.",
    )

    @api.model
    def _default_date_begin(self):
        # tomorrow, on the hour: a session is planned ahead
        now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        return now + timedelta(days=1)

    @api.depends("attendance_line_ids.count", "attendance_line_ids.sex")
    def _compute_attendance(self):
        for session in self:
            lines = session.attendance_line_ids
            session.attendance_total = sum(lines.mapped("count"))
            session.attendance_female = sum(
                lines.filtered(lambda line: line.sex == "female").mapped("count")
            )
            session.attendance_male = session.attendance_total - (
                session.attendance_female
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_plan(self):
        self.write({"state": "planned"})

    # ------------------------------------------------------------
    # CALENDAR MIRROR
    # ------------------------------------------------------------

    def _comms_mirror_sync(self):
        res = super()._comms_mirror_sync()
        held = self.filtered(lambda session: session.state == "done")
        if held:
            # a session held leaves no reminder of its meeting behind; sudo:
            # the meeting's to-dos belong to the facilitators
            self.env["mail.activity"].sudo().search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", held.ids),
                    ("calendar_event_id", "!=", False),
                ]
            ).unlink()
        return res

    @api.model
    def _comms_mirror_fields(self):
        return {
            "name",
            "date_begin",
            "date_end",
            "place",
            "commune_id",
            "facilitator_ids",
            "state",
            "active",
            "program_id",
            "note",
        }

    def _comms_mirror_is_live(self):
        self.ensure_one()
        return (
            self.active
            and self.state != "cancel"
            and self.program_id.active
            and self.program_id.state != "cancel"
        )

    def _comms_mirror_values(self):
        self.ensure_one()
        place = ", ".join(filter(None, [self.place, self.commune_id.name]))
        organiser = self.facilitator_ids[:1] or self.program_id.user_id
        return {
            "name": self.env._(
                "%(program)s: %(session)s",
                program=self.program_id.name,
                session=self.name,
            ),
            "allday": False,
            "start": self.date_begin,
            "stop": self.date_end,
            "location": place or False,
            "user_id": organiser.id,
            "partner_ids": [Command.set(self.facilitator_ids.partner_id.ids)],
            "description": self.note or False,
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }
