# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    comms_announcement_id = fields.Many2one(
        "comms.announcement",
        string="Announcement",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )
