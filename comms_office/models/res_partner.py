# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

MEDIA_KINDS = [
    ("press", "Press"),
    ("radio", "Radio"),
    ("tv", "Television"),
    ("online", "Online"),
    ("agency", "News Agency"),
]
MEDIA_COVERAGES = [
    ("international", "International"),
    ("national", "National"),
    ("regional", "Regional"),
    ("local", "Local"),
]
MEDIA_CONTACT_CHANNELS = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("whatsapp", "WhatsApp"),
    ("social", "Social Media"),
    ("in_person", "In Person"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # media directory: outlets are companies, journalists are their contacts
    is_media = fields.Boolean(
        string="Media Contact",
        compute="_compute_is_media",
        recursive=True,
        store=True,
        readonly=False,
        index=True,
        help="A media outlet or a journalist the communication office works with.",
    )
    media_kind = fields.Selection(
        MEDIA_KINDS,
        compute="_compute_media_kind",
        recursive=True,
        store=True,
        readonly=False,
        string="Kind of Media",
    )
    media_beat_ids = fields.Many2many(
        "comms.media.beat",
        "comms_media_beat_partner_rel",
        "partner_id",
        "beat_id",
        string="Beats",
        help="Topics the outlet or journalist covers.",
    )
    media_language_ids = fields.Many2many(
        "res.lang",
        "comms_media_lang_partner_rel",
        "partner_id",
        "lang_id",
        string="Media Languages",
        compute="_compute_media_language_ids",
        store=True,
        readonly=False,
        recursive=True,
        context={"active_test": False},
        help="Languages the outlet publishes or broadcasts in.",
    )
    media_coverage = fields.Selection(
        MEDIA_COVERAGES,
        compute="_compute_media_coverage",
        recursive=True,
        store=True,
        readonly=False,
        string="Coverage Area",
    )
    media_contact_channel = fields.Selection(
        MEDIA_CONTACT_CHANNELS,
        string="Preferred Channel",
        help="How this contact prefers to be reached.",
    )
    media_audience = fields.Integer(
        string="Estimated Audience",
        help="Readers, listeners, viewers or followers, as the outlet reports them.",
    )
    media_list_ids = fields.Many2many(
        "comms.media.list",
        "comms_media_list_partner_rel",
        "partner_id",
        "list_id",
        string="Media Lists",
    )

    @api.depends("parent_id.is_media")
    def _compute_is_media(self):
        for partner in self:
            partner.is_media = partner.is_media or partner.parent_id.is_media

    @api.depends("parent_id.media_kind")
    def _compute_media_kind(self):
        for partner in self:
            partner.media_kind = partner.parent_id.media_kind or partner.media_kind

    @api.depends("parent_id.media_language_ids")
    def _compute_media_language_ids(self):
        for partner in self:
            partner.media_language_ids = (
                partner.media_language_ids or partner.parent_id.media_language_ids
            )

    @api.depends("parent_id.media_coverage")
    def _compute_media_coverage(self):
        for partner in self:
            partner.media_coverage = (
                partner.parent_id.media_coverage or partner.media_coverage
            )

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _comms_complainant_only(self):
        """The contacts of ``self`` that stand for nothing else than a
        complainant: no record refers to them (user, company, contact of an
        organisation, media list, event, message, other complaint...) and
        they are no media contact. Those go when the complaint is forgotten."""
        candidates = self.exists().filtered(lambda partner: not partner.is_media)
        if not candidates:
            return candidates
        self.env.flush_all()
        foreign_keys = self.env.execute_query(
            SQL(
                """
                SELECT cl.relname, att.attname
                  FROM pg_constraint con
                  JOIN pg_class cl ON cl.oid = con.conrelid
                  JOIN pg_attribute att
                    ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
                 WHERE con.contype = 'f' AND con.confrelid = %s::regclass
                """,
                self._table,
            )
        )
        references = []
        for table, column in foreign_keys:
            condition = SQL(
                "%s = ANY(%s)", SQL.identifier(table, column), candidates.ids
            )
            if table == self._table:
                # a contact is its own commercial partner
                condition = SQL(
                    "%s AND %s <> %s",
                    condition,
                    SQL.identifier(table, "id"),
                    SQL.identifier(table, column),
                )
            references.append(
                SQL(
                    "SELECT %s FROM %s WHERE %s",
                    SQL.identifier(table, column),
                    SQL.identifier(table),
                    condition,
                )
            )
        referred = {
            row[0] for row in self.env.execute_query(SQL(" UNION ").join(references))
        }
        return candidates.filtered(lambda partner: partner.id not in referred)
