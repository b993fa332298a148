# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

LOG_KINDS = [
    ("activation", "Activation"),
    ("alert", "Alert"),
    ("decision", "Decision"),
    ("statement", "Statement"),
    ("approval", "Approval"),
    ("dispatch", "Dispatch"),
    ("inquiry", "Media Inquiry"),
    ("coverage", "Coverage"),
    ("rumour", "Rumour"),
    ("clock", "Clock Breach"),
    ("phase", "Phase"),
    ("correction", "Correction"),
    ("note", "Note"),
]


class CommsCrisisLog(models.Model):
    """The timeline of a crisis: appended to, never edited nor deleted; a
    mistake is corrected by a new entry."""

    _name = "comms.crisis.log"
    _description = "Crisis Timeline Entry"
    _order = "date desc, id desc"
    _rec_name = "name"

    crisis_id = fields.Many2one(
        "comms.crisis", required=True, ondelete="restrict", index=True
    )
    date = fields.Datetime(
        string="When", required=True, readonly=True, default=fields.Datetime.now
    )
    kind = fields.Selection(LOG_KINDS, required=True, default="note")
    name = fields.Text(string="What", required=True)
    user_id = fields.Many2one(
        "res.users", string="Who", readonly=True, default=lambda self: self.env.user
    )
    source = fields.Char(help="Where the information comes from.")
    corrects_id = fields.Many2one(
        "comms.crisis.log",
        domain="[('crisis_id', '=', crisis_id)]",
        help="The entry this one corrects.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # who and when are the server's, not the writer's
            for vals in vals_list:
                vals.update(date=fields.Datetime.now(), user_id=self.env.uid)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise UserError(self._append_only_message())
        return super().write(vals)

    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self._append_only_message())

    def _append_only_message(self):
        return self.env._(
            "The crisis timeline is never edited nor deleted: add a correction."
        )
