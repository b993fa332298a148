# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged, users

from .common_media import CommsMediaCommon


@tagged("post_install", "-at_install")
class TestCoverage(CommsMediaCommon):
    @users("comms_officer")
    def test_coverage_feeds_campaign_indicators(self):
        campaign = self.campaign.with_env(self.env)
        indicators = self.env["comms.indicator"].create(
            [
                {"name": name, "campaign_id": campaign.id, "auto_source": source}
                for name, source in (
                    ("Clippings", "coverage_count"),
                    ("Positive", "coverage_positive"),
                    ("Negative", "coverage_negative"),
                    ("Favourable", "coverage_favourable_rate"),
                    ("Key messages", "coverage_key_message"),
                    ("Reach", "coverage_reach"),
                    ("Materials", "material_count"),
                    ("Publications reach", "publication_reach"),
                    ("Inquiries", "inquiry_count"),
                )
            ]
        )
        material = self._create_material()
        self._approve_now(material)
        self.env["comms.publication"].create(
            {"material_id": material.id, "reach": 5000, "views": 10}
        )
        self.outlet_radio.sudo().media_audience = 30000
        Coverage = self.env["comms.coverage"]
        clippings = Coverage.create(
            [
                {
                    "name": "Une maternité moderne",
                    "outlet_id": self.outlet_daily.id,
                    "material_id": material.id,
                    "tone": "positive",
                    "reach": 12000,
                    "key_message_ids": [(6, 0, self.key_message.ids)],
                },
                {
                    "name": "La maternité ouvre",
                    "outlet_id": self.outlet_radio.id,
                    "material_id": material.id,
                    "tone": "neutral",
                },
                {
                    "name": "Encore des retards",
                    "outlet_id": self.outlet_daily.id,
                    "campaign_id": campaign.id,
                    "tone": "negative",
                    "reach": 1000,
                },
            ]
        )
        self.assertEqual(clippings.campaign_id, campaign)
        self.assertEqual(clippings[1].reach, 30000, "the outlet's audience")
        self.env["comms.inquiry"].create({"name": "Lits", "campaign_id": campaign.id})
        actual = dict(
            zip(
                indicators.mapped("auto_source"),
                indicators.mapped("actual"),
                strict=True,
            )
        )
        self.assertEqual(actual["coverage_count"], 3)
        self.assertEqual(actual["coverage_positive"], 1)
        self.assertEqual(actual["coverage_negative"], 1)
        self.assertAlmostEqual(actual["coverage_favourable_rate"], 200 / 3)
        self.assertEqual(actual["coverage_key_message"], 1)
        self.assertEqual(actual["coverage_reach"], 43000)
        self.assertEqual(actual["material_count"], 1)
        self.assertEqual(actual["publication_reach"], 5000)
        self.assertEqual(actual["inquiry_count"], 1)
        self.assertEqual(campaign.coverage_count, 3)
        self.assertEqual(material.coverage_count, 2)

    def test_indicator_values_batch(self):
        campaigns = self.env["comms.campaign"].create(
            [{"name": f"Campaign {i}"} for i in range(20)]
        )
        for campaign in campaigns:
            self.env["comms.coverage"].create(
                {
                    "name": "Clip",
                    "outlet_id": self.outlet_daily.id,
                    "campaign_id": campaign.id,
                }
            )
        Indicator = self.env["comms.indicator"]
        self.assertQueriesDoNotGrow(
            lambda records: Indicator._get_media_values(records, "campaign_id"),
            campaigns[:2],
            campaigns,
        )
        values = Indicator._get_media_values(campaigns, "campaign_id")
        self.assertEqual({v["coverage_count"] for v in values.values()}, {1})
