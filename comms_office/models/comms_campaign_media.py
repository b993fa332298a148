# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import fields, models

# automatic indicator sources fed by materials, publications, coverage and
# inquiries
MEDIA_INDICATOR_SOURCES = [
    ("material_count", "Materials produced"),
    ("publication_count", "Publications"),
    ("publication_reach", "Reach of publications"),
    ("publication_views", "Views of publications"),
    ("publication_engagement", "Engagement on publications"),
    ("coverage_count", "Media clippings"),
    ("coverage_positive", "Positive clippings"),
    ("coverage_neutral", "Neutral clippings"),
    ("coverage_negative", "Negative clippings"),
    ("coverage_favourable_rate", "Positive or neutral clippings (%)"),
    ("coverage_reach", "Reach of clippings"),
    ("coverage_key_message", "Clippings carrying a key message"),
    ("inquiry_count", "Media inquiries"),
    ("inquiry_on_time_rate", "Media inquiries answered on time (%)"),
]


class CommsCampaign(models.Model):
    _inherit = "comms.campaign"

    material_ids = fields.One2many("comms.material", "campaign_id", string="Materials")
    material_count = fields.Integer(compute="_compute_media_counts")
    publication_count = fields.Integer(compute="_compute_media_counts")
    coverage_count = fields.Integer(string="Clippings", compute="_compute_media_counts")
    key_message_ids = fields.One2many(
        "comms.key.message", "campaign_id", string="Key Message List", copy=True
    )

    def _compute_media_counts(self):
        counts = {}
        for model in ("comms.material", "comms.publication", "comms.coverage"):
            counts[model] = dict(
                self.env[model]._read_group(
                    [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
                )
            )
        for campaign in self:
            origin = campaign._origin
            campaign.material_count = counts["comms.material"].get(origin, 0)
            campaign.publication_count = counts["comms.publication"].get(origin, 0)
            campaign.coverage_count = counts["comms.coverage"].get(origin, 0)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _action_view_media(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_view_materials(self):
        return self._action_view_media("comms_office.comms_material_action")

    def action_view_publications(self):
        return self._action_view_media("comms_office.comms_publication_action")

    def action_view_coverage(self):
        return self._action_view_media("comms_office.comms_coverage_action")

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _comms_indicator_values(self):
        values = super()._comms_indicator_values()
        media = self._comms_media_indicator_values()
        for campaign_id, campaign_values in values.items():
            campaign_values.update(media[campaign_id])
        return values

    def _comms_media_indicator_values(self):
        """Counts of materials, publications, clippings and inquiries, in batch."""
        env = self.env
        domain = [("campaign_id", "in", self.ids)]
        res = defaultdict(lambda: dict.fromkeys(dict(MEDIA_INDICATOR_SOURCES), 0.0))
        for campaign, count in env["comms.material"]._read_group(
            domain, ["campaign_id"], ["__count"]
        ):
            res[campaign.id]["material_count"] = count
        for campaign, count, reach, views, engagement in env[
            "comms.publication"
        ]._read_group(
            domain,
            ["campaign_id"],
            ["__count", "reach:sum", "views:sum", "engagement:sum"],
        ):
            res[campaign.id].update(
                publication_count=count,
                publication_reach=reach,
                publication_views=views,
                publication_engagement=engagement,
            )
        for campaign, tone, carries, count, reach in env["comms.coverage"]._read_group(
            domain,
            ["campaign_id", "tone", "carries_key_message"],
            ["__count", "reach:sum"],
        ):
            campaign_values = res[campaign.id]
            campaign_values["coverage_count"] += count
            campaign_values[f"coverage_{tone}"] += count
            campaign_values["coverage_reach"] += reach
            if carries:
                campaign_values["coverage_key_message"] += count
        for campaign, count in env["comms.inquiry"]._read_group(
            domain, ["campaign_id"], ["__count"]
        ):
            res[campaign.id]["inquiry_count"] = count
        rates = env["comms.inquiry"]._get_on_time_rates(domain, "campaign_id")
        for campaign, (_answered, _on_time, rate) in rates.items():
            res[campaign.id]["inquiry_on_time_rate"] = rate
        for campaign_values in res.values():
            total = campaign_values["coverage_count"]
            if total:
                favourable = (
                    campaign_values["coverage_positive"]
                    + campaign_values["coverage_neutral"]
                )
                campaign_values["coverage_favourable_rate"] = 100.0 * favourable / total
        return {campaign.id: res[campaign.id] for campaign in self}


class CommsIndicator(models.Model):
    _inherit = "comms.indicator"

    auto_source = fields.Selection(
        selection_add=MEDIA_INDICATOR_SOURCES,
        ondelete={key: "set default" for key, _label in MEDIA_INDICATOR_SOURCES},
    )
