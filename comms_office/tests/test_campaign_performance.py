# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged, users

from .common import BENCHMARKS, CommsCampaignCommon


@tagged("post_install", "-at_install", "performance")
class TestCampaignPerformance(CommsCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Campaign = cls.env["comms.campaign"]
        cls.campaigns = Campaign
        for index in range(50):
            campaign = Campaign.create(
                {
                    "name": f"Campaign {index}",
                    "date_start": "2025-01-01",
                    "budget": 1000 * index,
                    "audience_ids": [(6, 0, cls.audience_parents.ids)],
                    "channel_ids": [(6, 0, cls.channel_radio.ids)],
                    "indicator_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Reached",
                                "target": 100,
                                "auto_source": "audience_reached",
                            },
                        ),
                        (0, 0, {"name": "Coverage", "target": 95, "actual_manual": 50}),
                    ],
                }
            )
            cls.env["mailing.mailing"].create(
                {
                    "subject": f"Mailing {index}",
                    "mailing_type": "mail",
                    "campaign_id": campaign.utm_campaign_id.id,
                }
            )
            cls.campaigns |= campaign

    def _list_specification(self):
        view = self.env["comms.campaign"].get_views([(False, "list")])
        names = view["models"]["comms.campaign"]["fields"]
        fields_ = self.env["comms.campaign"].fields_get(names, ["type"])
        return {
            name: {"fields": {"display_name": {}}}
            if fields_[name]["type"] in ("many2one", "many2many")
            else {}
            for name in names
        }

    def _load_list(self, limit):
        self.env.invalidate_all()
        return self.env["comms.campaign"].web_search_read(
            [("id", "in", self.campaigns.ids)],
            self._list_specification(),
            limit=limit,
        )

    @users("comms_officer")
    def test_campaign_list_queries_do_not_grow(self):
        specification = self._list_specification()
        for name in ("mailing_count", "indicator_achievement", "audience_size"):
            self.assertIn(name, specification)
        queries_5 = self.assertQueriesDoNotGrow(self._load_list, 5, 50)
        self.assertEqual(len(self._load_list(50)["records"]), 50)
        BENCHMARKS.append(
            f"comms.campaign list: {queries_5} queries for 5 or 50 campaigns"
        )
