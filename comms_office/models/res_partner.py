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

    @api.depends_context("partner_display_name_hide_company")
    def _compute_display_name(self):
        # the office's screens name a journalist beside their outlet: the name
        # alone then, not the outlet twice
        return super()._compute_display_name()

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

    # what the office exchanged with the outlet or the journalist
    comms_inquiry_count = fields.Integer(
        string="Inquiries",
        compute="_compute_comms_media_counts",
        groups="comms_office.group_comms_officer",
    )
    comms_coverage_count = fields.Integer(
        string="Coverage",
        compute="_compute_comms_media_counts",
        groups="comms_office.group_comms_officer",
    )
    comms_dispatch_count = fields.Integer(
        string="Press Releases Received",
        compute="_compute_comms_media_counts",
        groups="comms_office.group_comms_officer",
    )

    def _compute_comms_media_counts(self):
        outlets = self.filtered("is_company")
        people = self - outlets

        def counts(model, outlet_field, person_field):
            res = {}
            for records, field in ((outlets, outlet_field), (people, person_field)):
                if records.ids:
                    res.update(
                        (partner.id, count)
                        for partner, count in self.env[model]._read_group(
                            [(field, "in", records.ids)], [field], ["__count"]
                        )
                    )
            return res

        inquiries = counts("comms.inquiry", "outlet_id", "partner_id")
        coverage = counts("comms.coverage", "outlet_id", "journalist_id")
        dispatches = counts(
            "comms.material.dispatch", "partner_id.parent_id", "partner_id"
        )
        for partner in self:
            partner.comms_inquiry_count = inquiries.get(partner._origin.id, 0)
            partner.comms_coverage_count = coverage.get(partner._origin.id, 0)
            partner.comms_dispatch_count = dispatches.get(partner._origin.id, 0)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _comms_media_domain(self, outlet_field, person_field):
        self.ensure_one()
        field = outlet_field if self.is_company else person_field
        return [(field, "=", self.id)]

    def action_view_comms_inquiries(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_inquiry_action"
        )
        action["domain"] = self._comms_media_domain("outlet_id", "partner_id")
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_comms_coverage(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_coverage_action"
        )
        action["domain"] = self._comms_media_domain("outlet_id", "journalist_id")
        context = {"default_outlet_id": self.commercial_partner_id.id}
        if not self.is_company:
            context["default_journalist_id"] = self.id
        action["context"] = context
        return action

    def action_view_comms_dispatches(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Press Releases Received"),
            "res_model": "comms.material.dispatch",
            "views": [
                (
                    self.env.ref("comms_office.comms_material_dispatch_view_list").id,
                    "list",
                )
            ],
            "domain": self._comms_media_domain("partner_id.parent_id", "partner_id"),
            "context": {"create": False},
        }

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
