# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import tagged

from .common import CommsCampaignCommon


@tagged("post_install", "-at_install")
class TestOwnDirection(CommsCampaignCommon):
    """A text keeps its own direction; a reference stays whole."""

    def test_references_are_never_cut(self):
        for xmlid, field in (
            ("comms_office.comms_complaint_view_list", "name"),
            ("comms_office.comms_inquiry_view_list", "reference"),
            ("comms_office.comms_work_item_view_list", "reference"),
        ):
            arch = etree.fromstring(self.env.ref(xmlid).arch)
            node = arch.xpath(f"//field[@name='{field}']")[0]
            self.assertIn("o_comms_reference", node.get("class"), xmlid)
            self.assertTrue(node.get("width"), xmlid)
            self.assertIn("o_comms_view", arch.get("class"), xmlid)

    def test_backend_lays_out_each_text_in_its_direction(self):
        Asset = self.env["ir.asset"]
        paths = [
            path
            for path, *_rest in Asset._get_asset_paths(
                "web.assets_backend", Asset._get_asset_params()
            )
        ]
        for name in ("comms_backend.scss", "comms_calendar_bidi.xml"):
            self.assertTrue(any(path.endswith(name) for path in paths), name)

    def test_report_text_in_its_own_direction(self):
        self.campaign.name = "حملة التلقيح في وقته"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "comms_office.action_report_comms_campaign_evaluation",
                self.campaign.ids,
            )[0]
            .decode()
        )
        self.assertRegex(html, r'<span dir="auto">حملة التلقيح في وقته</span>')
        self.assertIn('<td dir="auto"><span>Children up to date', html)
