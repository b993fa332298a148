# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

MATERIAL_TYPES = [
    ("press_release", "Press Release"),
    ("statement", "Statement"),
    ("article", "Article"),
    ("social_post", "Social Media Post"),
    ("poster", "Poster"),
    ("leaflet", "Leaflet"),
    ("video", "Video"),
    ("radio_spot", "Radio Spot"),
    ("infographic", "Infographic"),
    ("faq", "FAQ"),
    ("other", "Other"),
]
MATERIAL_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("published", "Published"),
    ("cancel", "Cancelled"),
]
# material types the public newsroom publishes, once approved and made public
NEWSROOM_MATERIAL_TYPES = ("press_release", "statement")
# material types that commit the institution: the director approves them too
DIRECTOR_MATERIAL_TYPES = ("statement",)


class CommsMaterial(models.Model):
    """A piece the office produces: press release, poster, video…

    The language versions of one material form a group: the first one written
    is the original (``variant_of_id`` empty) and the translations point to
    it. Each version is approved on its own, since each one commits the
    institution in its language.
    """

    _name = "comms.material"
    _description = "Communication Material"
    _inherit = ["mail.thread", "mail.activity.mixin", "comms.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _state_to = ["approved", "published"]
    _approval_content_fields = [
        "name",
        "subtitle",
        "body",
        "attachment_ids",
        "shows_people",
    ]

    name = fields.Char(string="Title", required=True, tracking=True)
    subtitle = fields.Char(tracking=True)
    material_type = fields.Selection(
        MATERIAL_TYPES,
        string="Type",
        required=True,
        default="press_release",
        tracking=True,
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    campaign_id = fields.Many2one(
        "comms.campaign",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    event_id = fields.Many2one(
        "event.event",
        domain="[('is_comms_event', '=', True)]",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="The event this material announces or reports on.",
    )
    crisis_id = fields.Many2one(
        "comms.crisis",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="The crisis this statement speaks for: it is approved on the fast "
        "track, by at most three reviewers.",
    )
    crisis_version = fields.Integer(
        string="Update", help="Number of the statement in its crisis (v1, v2…)."
    )
    crisis_expert_id = fields.Many2one(
        related="crisis_id.medical_expert_id", string="Crisis Medical Expert"
    )
    program_id = fields.Many2one(
        "comms.awareness.program",
        string="Awareness Programme",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    state = fields.Selection(
        MATERIAL_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    approval_director_required = fields.Boolean(
        string="Director Approval Required",
        compute="_compute_approval_director_required",
        help="Statements and sensitive materials are approved by the director too.",
    )
    is_sensitive = fields.Boolean(
        string="Sensitive",
        tracking=True,
        help="The material commits the institution on a sensitive matter: the "
        "director approves it after the head of office.",
    )
    # languages
    lang_id = fields.Many2one(
        "res.lang",
        string="Language",
        required=True,
        default=lambda self: self._default_lang_id(),
        context={"active_test": False},
        tracking=True,
    )
    lang_code = fields.Char(related="lang_id.code", string="Language Code")
    variant_of_id = fields.Many2one(
        "comms.material",
        string="Translation Of",
        index="btree_not_null",
        ondelete="set null",
        domain="[('variant_of_id', '=', False), ('id', '!=', id)]",
        tracking=True,
        help="The original material this one translates.",
    )
    variant_ids = fields.One2many(
        "comms.material", "variant_of_id", string="Translations"
    )
    variant_count = fields.Integer(
        string="Language Versions", compute="_compute_variant_count"
    )
    # content
    body = fields.Html(sanitize_style=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "comms_material_attachment_rel",
        "material_id",
        "attachment_id",
        string="Files",
        help="Files sent or published with the material: photos, PDF, video.",
    )
    # consent of the people it shows
    shows_people = fields.Boolean(
        string="Shows Patients or Staff",
        tracking=True,
        help="The material shows or names patients or staff members: their "
        "recorded consent is needed before it is approved.",
    )
    consent_ids = fields.One2many(
        "comms.material.consent",
        "material_id",
        string="Consents",
        groups="comms_office.group_comms_officer",
    )
    consent_ok = fields.Boolean(
        string="Consent Recorded",
        compute="_compute_consent_ok",
        groups="comms_office.group_comms_officer",
    )
    # publication and distribution
    date_publish = fields.Date(string="Planned Publication", tracking=True)
    publication_ids = fields.One2many(
        "comms.publication", "material_id", string="Publications"
    )
    publication_count = fields.Integer(compute="_compute_publication_stats")
    publication_reach = fields.Integer(
        string="Reach", compute="_compute_publication_stats"
    )
    dispatch_ids = fields.One2many(
        "comms.material.dispatch", "material_id", string="Press Dispatches"
    )
    dispatch_count = fields.Integer(
        string="Journalists Reached", compute="_compute_dispatch_stats"
    )
    dispatch_delivered = fields.Integer(
        string="Delivered", compute="_compute_dispatch_stats"
    )
    dispatch_opened = fields.Integer(string="Opened", compute="_compute_dispatch_stats")
    dispatch_bounced = fields.Integer(
        string="Bounced", compute="_compute_dispatch_stats"
    )
    is_public = fields.Boolean(
        string="Public on the Newsroom",
        copy=False,
        tracking=True,
        help="Press releases and statements shown on the public newsroom "
        "(/comms/news) once approved. Decided by the head of office.",
    )
    coverage_ids = fields.One2many("comms.coverage", "material_id")
    coverage_count = fields.Integer(compute="_compute_coverage_count")

    @api.model
    def _default_lang_id(self):
        Lang = self.env["res.lang"].with_context(active_test=False)
        return Lang.search([("code", "=", self.env.lang or "en_US")], limit=1)

    @api.depends("material_type", "is_sensitive")
    def _compute_approval_director_required(self):
        for material in self:
            material.approval_director_required = (
                material.is_sensitive
                or material.material_type in DIRECTOR_MATERIAL_TYPES
            )

    @api.depends("variant_of_id", "variant_ids")
    def _compute_variant_count(self):
        for material in self:
            material.variant_count = len(material._get_variant_group())

    @api.depends(
        "shows_people",
        "consent_ids.partner_id",
        "consent_ids.person_name",
        "consent_ids.date",
        "consent_ids.document",
        "consent_ids.date_expiry",
    )
    def _compute_consent_ok(self):
        for material in self:
            material.consent_ok = not material.shows_people or any(
                consent._is_recorded() for consent in material.consent_ids
            )

    def _compute_publication_stats(self):
        stats = {
            material.id: (count, reach)
            for material, count, reach in self.env["comms.publication"]._read_group(
                [("material_id", "in", self.ids)],
                ["material_id"],
                ["__count", "reach:sum"],
            )
        }
        for material in self:
            count, reach = stats.get(material._origin.id, (0, 0))
            material.publication_count = count
            material.publication_reach = reach

    def _compute_dispatch_stats(self):
        by_status = defaultdict(lambda: defaultdict(int))
        for material, status, count in self.env["comms.material.dispatch"]._read_group(
            [("material_id", "in", self.ids)], ["material_id", "state"], ["__count"]
        ):
            by_status[material.id][status] = count
        for material in self:
            counts = by_status[material._origin.id]
            material.dispatch_count = sum(counts.values())
            material.dispatch_delivered = sum(
                counts[s] for s in ("delivered", "opened", "replied")
            )
            material.dispatch_opened = counts["opened"] + counts["replied"]
            material.dispatch_bounced = counts["bounced"]

    def _compute_coverage_count(self):
        counts = dict(
            self.env["comms.coverage"]._read_group(
                [("material_id", "in", self.ids)], ["material_id"], ["__count"]
            )
        )
        for material in self:
            material.coverage_count = counts.get(material._origin, 0)

    @api.constrains("variant_of_id")
    def _check_variant_of_id(self):
        for material in self.filtered("variant_of_id"):
            if material.variant_of_id.variant_of_id or material.variant_ids:
                raise UserError(
                    self.env._(
                        "%(name)s: a translation belongs to the original material, "
                        "not to another translation.",
                        name=material.display_name,
                    )
                )

    @api.depends("name", "lang_id")
    def _compute_display_name(self):
        for material in self:
            if material.lang_id and material.variant_count > 1:
                material.display_name = f"{material.name} [{material.lang_id.iso_code}]"
            else:
                material.display_name = material.name

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("is_public") for vals in vals_list) and not self.env[
            "res.users"
        ]._comms_has_role("manager"):
            self.env["res.users"]._comms_refuse_fields(self, ["is_public"])
        materials = super().create(vals_list)
        materials._fix_attachment_ownership()
        return materials

    def write(self, vals):
        if "is_public" in vals and not self.env["res.users"]._comms_has_role("manager"):
            self.env["res.users"]._comms_refuse_fields(self, ["is_public"])
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._fix_attachment_ownership()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_distributed(self):
        if any(m.state == "published" or m.dispatch_ids for m in self):
            raise UserError(
                self.env._(
                    "A material that was published or sent to the media cannot be "
                    "deleted: archive it."
                )
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_publish(self):
        self._check_office_action()
        not_approved = self.filtered(lambda m: m.state not in ("approved", "published"))
        if not_approved:
            raise UserError(
                self.env._(
                    "Only approved materials can be published: %(names)s.",
                    names=", ".join(not_approved.mapped("display_name")),
                )
            )
        to_publish = self.filtered(lambda m: m.state != "published")
        self.write({"state": "published"})
        statements = to_publish.filtered("crisis_id")
        for crisis in statements.crisis_id:
            crisis._crisis_on_statements_published(
                statements.filtered(lambda m, c=crisis: m.crisis_id == c)
            )

    def action_cancel(self):
        self._check_office_action()
        self.write({"state": "cancel"})

    def action_draft(self):
        self._check_office_action()
        self.write({"state": "draft"})

    def action_add_translation(self):
        """Start the translation of the original in another language."""
        self.ensure_one()
        original = self.variant_of_id or self
        used = original._get_variant_group().lang_id
        return {
            "type": "ir.actions.act_window",
            "res_model": "comms.material",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_variant_of_id": original.id,
                "default_name": original.name,
                "default_material_type": original.material_type,
                "default_campaign_id": original.campaign_id.id,
                "default_is_sensitive": original.is_sensitive,
                "default_shows_people": original.shows_people,
                "default_lang_id": self._suggest_lang(used).id,
            },
        }

    def action_view_variants(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_material_action"
        )
        action["domain"] = [("id", "in", self._get_variant_group().ids)]
        action["context"] = {"default_variant_of_id": (self.variant_of_id or self).id}
        return action

    def action_view_publications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_publication_action"
        )
        action["domain"] = [("material_id", "=", self.id)]
        action["context"] = {"default_material_id": self.id}
        return action

    def action_view_coverage(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "comms_office.comms_coverage_action"
        )
        action["domain"] = [("material_id", "=", self.id)]
        action["context"] = {
            "default_material_id": self.id,
            "default_campaign_id": self.campaign_id.id,
        }
        return action

    def action_send_to_media(self):
        self.ensure_one()
        self._check_office_action()
        if self.state not in ("approved", "published"):
            raise UserError(
                self.env._("A press release is sent to the media once approved.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send to the Media"),
            "res_model": "comms.material.send",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_material_id": self.id},
        }

    # ------------------------------------------------------------
    # APPROVAL
    # ------------------------------------------------------------

    def _comms_check_approvable(self):
        self._check_consent()

    def _comms_on_approved(self):
        self.write({"state": "approved"})
        for material in self.filtered("crisis_id"):
            material.crisis_id._crisis_log(
                "approval",
                lambda c, m=material: c.env._(
                    "Statement v%(number)s approved by %(users)s.",
                    number=m.crisis_version,
                    users=", ".join(m.approved_by_ids.mapped("name")),
                ),
            )

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _check_office_action(self):
        self.env["res.users"]._comms_check_role(
            "officer",
            self.env._("publish, send, cancel or reset a material"),
        )

    def _check_consent(self):
        """Nobody approves a material showing people without their consent."""
        missing = self.sudo().filtered(lambda m: not m.consent_ok)
        if missing:
            raise UserError(
                self.env._(
                    "%(names)s shows patients or staff: attach their recorded "
                    "consent (person, date and signed document) before asking for "
                    "or giving approval.",
                    names=", ".join(missing.mapped("display_name")),
                )
            )

    def _fix_attachment_ownership(self):
        """Files uploaded on the form belong to the material, so that whoever
        may read the material may read its files (and nobody else: staff do
        not read those of a draft). The uploader attaches them with their own
        rights: the ids come from the user."""
        for material in self:
            material.attachment_ids.filtered(
                lambda a, m=material: a.res_model == m._name and not a.res_id
            ).write({"res_id": material.id})

    def _get_variant_group(self):
        """The original and all its translations."""
        self.ensure_one()
        original = self.variant_of_id or self
        return original | original.variant_ids

    def _suggest_lang(self, used_langs):
        for xmlid in ("base.lang_ar", "base.lang_fr", "base.lang_en"):
            lang = self.env.ref(xmlid, raise_if_not_found=False)
            if lang and lang not in used_langs:
                return lang
        return self.env["res.lang"]

    def _get_variant_for_partners(self, partners):
        """Pick, for each partner, the approved version in their language.

        A journalist reads the version in their own language, or else in a
        language of their outlet; without one, they get this material.
        Return ``{partner_id: material}``.
        """
        self.ensure_one()
        versions = self._get_variant_group().filtered(
            lambda m: m.state in ("approved", "published")
        )

        # Arabic is Arabic, whether written ar_001 or ar_DZ
        def base(code):
            return code.split("_")[0]

        by_lang = {}
        for version in versions:
            by_lang.setdefault(base(version.lang_id.code), version)
        res = {}
        for partner in partners:
            codes = [partner.lang] if partner.lang else []
            codes += partner.media_language_ids.mapped("code")
            codes += partner.parent_id.media_language_ids.mapped("code")
            res[partner.id] = next(
                (by_lang[base(c)] for c in codes if base(c) in by_lang), self
            )
        return res

    def _get_dispatched_emails(self):
        """Addresses that already received a version of this material."""
        group_ids = [m.id for m in self._get_variant_group()]
        dispatches = self.env["comms.material.dispatch"].search_fetch(
            Domain("material_id", "in", group_ids) & Domain("state", "!=", "cancel"),
            ["email"],
        )
        return set(dispatches.mapped("email"))
