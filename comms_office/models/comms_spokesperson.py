# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CommsSpokesperson(models.Model):
    """Who may speak for the institution, on which topics, with a backup."""

    _name = "comms.spokesperson"
    _description = "Spokesperson"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False)]",
        tracking=True,
        help="The spokesperson's account, to assign them inquiries.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        tracking=True,
    )
    function = fields.Char(string="Position", help="e.g. Director, Head of Maternity")
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    topic_ids = fields.Many2many(
        "comms.media.beat",
        "comms_spokesperson_beat_rel",
        "spokesperson_id",
        "beat_id",
        string="Topics",
        help="Topics this person may speak about.",
    )
    lang_ids = fields.Many2many(
        "res.lang",
        "comms_spokesperson_lang_rel",
        "spokesperson_id",
        "lang_id",
        string="Languages",
        context={"active_test": False},
    )
    backup_id = fields.Many2one(
        "comms.spokesperson",
        domain="[('id', '!=', id)]",
        tracking=True,
        help="Speaks when the spokesperson is not available.",
    )
    available = fields.Boolean(
        default=True,
        tracking=True,
        help="Untick while the spokesperson is away: inquiries go to the backup.",
    )
    note = fields.Text(string="Guidance")

    @api.depends("user_id")
    def _compute_partner_id(self):
        for spokesperson in self.filtered("user_id"):
            spokesperson.partner_id = spokesperson.user_id.partner_id

    @api.depends("partner_id.name")
    def _compute_name(self):
        for spokesperson in self.filtered("partner_id"):
            spokesperson.name = spokesperson.partner_id.name

    @api.constrains("backup_id")
    def _check_backup_id(self):
        if self._has_cycle("backup_id"):
            raise ValidationError(
                self.env._("A spokesperson cannot be their own backup.")
            )

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    @api.model
    def _find_for_topic(self, topic, company=None):
        """The available spokesperson for a topic, or the backup of one."""
        if not topic:
            return self.browse()
        company = company or self.env.company
        candidates = self.search(
            [("topic_ids", "in", topic.ids), ("company_id", "=", company.id)]
        )
        for spokesperson in candidates:
            if spokesperson.available:
                return spokesperson
            if spokesperson.backup_id.available:
                return spokesperson.backup_id
        return self.browse()
