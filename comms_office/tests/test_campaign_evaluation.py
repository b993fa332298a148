# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date

from openpyxl import load_workbook

from odoo.tests import tagged, users

from .common import CommsCampaignCommon


@tagged("post_install", "-at_install")
class TestCampaignEvaluation(CommsCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ar_001")
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.indicators = cls.env["comms.indicator"].create(
            [
                {
                    "campaign_id": cls.campaign.id,
                    "name": "Vaccination coverage",
                    "level": "outcome",
                    "unit": "%",
                    "baseline": 80,
                    "target": 95,
                    "actual_manual": 89,
                    "source": "Vaccination register",
                },
                {
                    "campaign_id": cls.campaign.id,
                    "name": "Estimated audience",
                    "level": "output",
                    "target": 3000,
                    "auto_source": "audience_size",
                },
                {
                    "campaign_id": cls.campaign.id,
                    "name": "Measles cases",
                    "level": "impact",
                    "baseline": 12,
                    "target": 0,
                    "actual_manual": 9,
                },
            ]
        )
        cls.recommendation = cls.env["comms.recommendation"].create(
            {
                "campaign_id": cls.campaign.id,
                "name": "Involve the imams earlier",
                "user_id": cls.user_staff.id,
                "date_due": "2025-06-30",
            }
        )
        cls.campaign.with_user(cls.user_officer).action_request_approval()
        cls.campaign.with_user(cls.user_manager)._validate_tier()

    @users("comms_officer")
    def test_indicators_computed(self):
        coverage, audience, measles = self.indicators.with_user(self.env.user)
        self.assertAlmostEqual(coverage.actual, 89)
        self.assertAlmostEqual(coverage.achievement, 0.6)
        self.assertEqual(audience.actual, 1500, "1200 parents and 300 nurses")
        self.assertAlmostEqual(audience.achievement, 0.5)
        self.assertAlmostEqual(measles.achievement, 0.25, msg="a decrease is progress")
        # an automatic actual cannot be typed over; a manual one can
        coverage.actual = 92
        self.assertEqual(coverage.actual_manual, 92)
        campaign = self.campaign.with_user(self.env.user)
        self.assertAlmostEqual(campaign.indicator_achievement, (0.8 + 0.5 + 0.25) / 3)

    @users("comms_officer")
    def test_milestones_feed_an_indicator(self):
        campaign = self.campaign.with_user(self.env.user)
        milestones = self.env["comms.campaign.milestone"].create(
            [
                {"campaign_id": campaign.id, "name": n, "date_deadline": "2025-04-10"}
                for n in ("Leaflets", "Radio", "Open day")
            ]
        )
        indicator = self.env["comms.indicator"].create(
            {
                "campaign_id": campaign.id,
                "name": "Actions carried out",
                "level": "activity",
                "target": 3,
                "auto_source": "milestone_done",
            }
        )
        self.assertEqual(indicator.actual, 0)
        milestones[:2].state = "done"
        indicator.invalidate_recordset()
        self.assertEqual(indicator.actual, 2)

    @users("comms_officer")
    def test_recommendation_owner_activity(self):
        activity_type = self.env.ref(
            "comms_office.mail_activity_type_comms_recommendation"
        )
        recommendation = self.recommendation.with_user(self.env.user)
        activity = recommendation.activity_ids
        self.assertEqual(activity.activity_type_id, activity_type)
        self.assertEqual(activity.user_id, self.user_staff)
        self.assertEqual(activity.date_deadline, date(2025, 6, 30))
        recommendation.user_id = self.user_manager
        self.assertEqual(recommendation.activity_ids.user_id, self.user_manager)
        # the owner follows it up and closes it
        recommendation.user_id = self.user_staff
        staff_recommendation = recommendation.with_user(self.user_staff)
        staff_recommendation.action_start()
        staff_recommendation.write({"follow_up": "Meeting held with the imams."})
        staff_recommendation.action_done()
        self.assertEqual(recommendation.state, "done")
        self.assertFalse(recommendation.activity_ids)

    def _render_html(self, lang):
        report = self.env.ref("comms_office.action_report_comms_campaign_evaluation")
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(lang=lang)
            ._render_qweb_html(report, self.campaign.ids)
        )
        return html.decode()

    def test_evaluation_report_content(self):
        html = self._render_html("en_US")
        self.assertEqual(html.count("Approved by Head of Office"), 1)
        for text in (
            "Campaign Evaluation Report",
            "Vaccinate on time",
            "Children up to date with vaccinations",
            "Parents of young children",
            "Radio",
            "Vaccination coverage",
            "<span>60 %</span>",
            "Involve the imams earlier",
            "Approved by Head of Office",
            "Outcome",
        ):
            self.assertIn(text, html)

    def test_evaluation_report_arabic_rtl(self):
        html = self._render_html("ar_001")
        self.assertIn('dir="rtl"', html)
        self.assertIn("Vaccinate on time", html)
        french = self._render_html("fr_FR")
        self.assertNotIn('dir="rtl"', french)

    def test_evaluation_report_pdf(self):
        report = self.env.ref("comms_office.action_report_comms_campaign_evaluation")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, self.campaign.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        # the report's web font is embedded without a text layer: the
        # content itself is checked on the HTML render above
        self.assertIn(b"/Type /Page", pdf)

    def test_indicators_xlsx(self):
        action = self.campaign.with_user(self.user_officer).action_export_indicators()
        self.assertEqual(action["report_type"], "xlsx")
        report = self.env.ref("comms_office.action_report_comms_indicator_xlsx")
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_xlsx(report, self.indicators.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][2], "Indicator")
        by_name = {row[2]: row for row in rows[1:]}
        self.assertEqual(set(by_name), set(self.indicators.mapped("name")))
        coverage = by_name["Vaccination coverage"]
        self.assertEqual(coverage[0], "Vaccinate on time")
        self.assertEqual(coverage[1], "Outcome")
        self.assertEqual(coverage[6], 89)
        self.assertAlmostEqual(coverage[7], 0.6)
        self.assertEqual(by_name["Estimated audience"][6], 1500)

    def test_indicators_xlsx_arabic_sheet_right_to_left(self):
        report = self.env.ref("comms_office.action_report_comms_indicator_xlsx")
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(lang="ar_001")
            ._render_xlsx(report, self.indicators.ids, {})
        )
        sheet = load_workbook(io.BytesIO(content)).active
        self.assertTrue(sheet.sheet_view.rightToLeft)
