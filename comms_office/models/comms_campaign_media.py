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


def media_indicator_values(records, field):
    """Counts of materials, publications, clippings and inquiries, in batch.

    ``records`` are campaigns or events, ``field`` the many2one that links the
    media records to them; models without that field count nothing.
    """
    env = records.env
    domain = [(field, "in", records.ids)]
    res = defaultdict(lambda: dict.fromkeys(dict(MEDIA_INDICATOR_SOURCES), 0.0))

    def read_group(model, groupby, aggregates):
        if field not in env[model]._fields:
            return []
        return env[model]._read_group(domain, [field, *groupby], aggregates)

    for record, count in read_group("comms.material", [], ["__count"]):
        res[record.id]["material_count"] = count
    for record, count, reach, views, engagement in read_group(
        "comms.publication",
        [],
        ["__count", "reach:sum", "views:sum", "engagement:sum"],
    ):
        res[record.id].update(
            publication_count=count,
            publication_reach=reach,
            publication_views=views,
            publication_engagement=engagement,
        )
    for record, tone, carries, count, reach in read_group(
        "comms.coverage", ["tone", "carries_key_message"], ["__count", "reach:sum"]
    ):
        values = res[record.id]
        values["coverage_count"] += count
        values[f"coverage_{tone}"] += count
        values["coverage_reach"] += reach
        if carries:
            values["coverage_key_message"] += count
    for record, count in read_group("comms.inquiry", [], ["__count"]):
        res[record.id]["inquiry_count"] = count
    if field in env["comms.inquiry"]._fields:
        rates = env["comms.inquiry"]._get_on_time_rates(domain, field)
        for record, (_answered, _on_time, rate) in rates.items():
            res[record.id]["inquiry_on_time_rate"] = rate
    for values in res.values():
        total = values["coverage_count"]
        if total:
            favourable = values["coverage_positive"] + values["coverage_neutral"]
            values["coverage_favourable_rate"] = 100.0 * favourable / total
    return {record.id: res[record.id] for record in records}


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
        return media_indicator_values(self, "campaign_id")


class CommsIndicator(models.Model):
    _inherit = "comms.indicator"

    auto_source = fields.Selection(
        selection_add=MEDIA_INDICATOR_SOURCES,
        ondelete={key: "set default" for key, _label in MEDIA_INDICATOR_SOURCES},
    )
