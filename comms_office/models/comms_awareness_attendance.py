# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

SEXES = [("female", "Female"), ("male", "Male")]
# the age bands of the health statistics
AGE_BANDS = [
    ("0_14", "Under 15"),
    ("15_24", "15 to 24"),
    ("25_64", "25 to 64"),
    ("65_plus", "65 and over"),
]


class CommsAwarenessAttendance(models.Model):
    """The people who attended a session, of one sex and age band."""

    _name = "comms.awareness.attendance"
    _description = "Awareness Session Attendance"
    _order = "session_id, sex, age_band"

    session_id = fields.Many2one(
        "comms.awareness.session", required=True, ondelete="cascade", index=True
    )
    program_id = fields.Many2one(
        related="session_id.program_id", string="Programme", store=True, index=True
    )
    commune_id = fields.Many2one(related="session_id.commune_id", store=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True)
    date = fields.Datetime(related="session_id.date_begin", store=True)
    sex = fields.Selection(SEXES, required=True)
    age_band = fields.Selection(AGE_BANDS, required=True)
    count = fields.Integer(string="People", required=True, default=0)

    _count_positive = models.Constraint(
        "CHECK(count >= 0)", "Attendance cannot be negative."
    )
    _band_unique = models.Constraint(
        "UNIQUE(session_id, sex, age_band)",
        "Each sex and age band is counted once per session.",
    )
