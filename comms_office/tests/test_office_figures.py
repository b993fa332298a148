# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import tagged, users

from .common import CommsCampaignCommon
from .complaint_common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestRegisterFigures(ComplaintCommon):
    """The register's totals say what they count."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Complaint = cls.env["comms.complaint"]
        received = datetime(2026, 2, 10, 9, 0)
        common = {"description": "x", "date_received": received}
        cls.february = Complaint.create(
            [
                {**common, "subject": "Rude", "category_id": cls.cat_waiting.id},
                {**common, "subject": "Open on Fridays", "kind": "suggestion"},
                {**common, "subject": "Thank you", "kind": "compliment"},
            ]
        )

    def _wizard(self):
        return self.env["comms.complaint.register.wizard"].create(
            {"month": "2", "year": 2026}
        )

    def _register(self, wizard):
        return wizard.env["comms.complaint.register.report"]._get_registers(wizard)[
            wizard.id
        ]

    @users("comms_officer")
    def test_complaints_apart_from_suggestions(self):
        data = self._register(self._wizard())
        self.assertEqual(data["total"], 1, "complaints only")
        self.assertEqual(
            [line["name"] for line in data["by_category"]], ["Waiting Time"]
        )
        self.assertEqual(data["others"], 2, "a suggestion and a compliment")
        self.assertEqual(data["entries"], 3)
        self.assertEqual(sum(line["count"] for line in data["by_kind"]), 3)
        # nothing answered yet: no rate, a dash
        self.assertIsNone(data["on_time_rate"])
        self.assertEqual(data["on_time_rate_display"], "—")
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "comms_office.action_report_comms_complaint_register_wizard_pdf",
            self._wizard().ids,
        )
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))
        self.assertRegex(text, r"Total complaints\s+1\s+0\s+0")
        self.assertRegex(text, r"On-time rate: — ")
        self.assertRegex(text, r"Suggestions and compliments: 2 ")
        self.assertRegex(text, r"All entries: 3 ")

    @users("comms_officer")
    def test_rate_in_the_language_of_the_reader(self):
        complaint = self.february[0]
        complaint.sudo().write(
            {"state": "answered", "date_answered": datetime(2026, 2, 11, 9, 0)}
        )
        wizard = self._wizard().with_context(lang="fr_FR")
        self.assertEqual(self._register(wizard)["on_time_rate_display"], "100,0 %")

    @users("comms_officer")
    def test_which_deadline_is_late(self):
        Complaint = self.env["comms.complaint"]
        now = fields.Datetime.now()
        ack_late = Complaint.create(
            {
                "subject": "Late to acknowledge",
                "description": "x",
                "date_received": now - timedelta(days=10),
            }
        )
        both_late = Complaint.create(
            {
                "subject": "Late for everything",
                "description": "x",
                "date_received": now - timedelta(days=60),
            }
        )
        answer_late = Complaint.create(
            {
                "subject": "Late to answer",
                "description": "x",
                "date_received": now - timedelta(days=60),
            }
        )
        answer_late.action_acknowledge()
        self.assertEqual(ack_late.overdue_step, "ack")
        self.assertEqual(both_late.overdue_step, "both")
        self.assertEqual(answer_late.overdue_step, "answer")
        self.assertFalse(self.complaint_emergency.with_user(self.env.user).overdue_step)
        self.assertTrue(ack_late.is_overdue and answer_late.is_overdue)

    def test_complaint_graph_counts_whole_complaints(self):
        view = self.env.ref("comms_office.comms_complaint_view_graph")
        self.assertIn('js_class="comms_count_graph"', view.arch)


@tagged("post_install", "-at_install")
class TestCampaignFigures(CommsCampaignCommon):
    @users("comms_officer")
    def test_rates_with_nothing_due(self):
        campaign = self.campaign.with_user(self.env.user)
        self.assertEqual(campaign.event_attendance_rate_display, "—")
        event = self.env["event.event"].create(
            {
                "name": "Empty hall",
                "is_comms_event": True,
                "date_begin": datetime(2031, 1, 1, 9, 0),
                "date_end": datetime(2031, 1, 1, 12, 0),
                "campaign_id": campaign.id,
            }
        )
        self.assertEqual(event.attendance_rate_display, "—")
        self.assertEqual(event._get_survey_score_display(), "—")
        indicator = self.env["comms.indicator"].create(
            {"campaign_id": campaign.id, "name": "No target yet", "actual_manual": 4}
        )
        self.assertEqual(indicator.achievement_display, "—")
        indicator.target = 8
        self.assertEqual(indicator.achievement_display, "50 %")
        indicator.target = 3
        indicator.actual = 1
        self.assertEqual(
            indicator.with_context(lang="fr_FR").achievement_display, "33 %"
        )

    def test_indicator_values_are_not_added_up(self):
        Indicator = self.env["comms.indicator"]
        for name in ("baseline", "target", "actual_manual"):
            self.assertFalse(Indicator._fields[name].aggregator, name)
        self.assertFalse(
            self.env["comms.campaign.objective"]._fields["quantity"].aggregator
        )
        # the web client sums in group lines what fields_get says it may sum
        described = Indicator.fields_get(["baseline", "target", "actual"])
        self.assertFalse(any(d.get("aggregator") for d in described.values()))

    def test_milestone_activity_done_with_the_milestone(self):
        milestone = self.env["comms.campaign.milestone"].create(
            {
                "campaign_id": self.campaign.id,
                "name": "Record the radio spot",
                "user_id": self.user_officer.id,
                "date_deadline": fields.Date.today() + timedelta(days=3),
            }
        )
        activity = milestone.calendar_event_id.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.res_id, self.campaign.id)
        self.assertEqual(self.campaign.activity_ids, activity)
        milestone.with_user(self.user_manager).state = "done"
        self.assertFalse(self.campaign.activity_ids, "closed with the task")
        self.assertIn("Record the radio spot", self.campaign.message_ids[0].body)
        milestone.state = "todo"
        self.assertEqual(len(self.campaign.activity_ids), 1, "reopened")
        self.assertEqual(self.campaign.activity_ids.user_id, self.user_officer)
        self.assertEqual(
            self.campaign.activity_ids.calendar_event_id, milestone.calendar_event_id
        )
        # recorded once done: no activity at all
        done = self.env["comms.campaign.milestone"].create(
            {
                "campaign_id": self.campaign.id,
                "name": "Leaflets printed",
                "state": "done",
                "date_deadline": fields.Date.today() - timedelta(days=3),
            }
        )
        self.assertTrue(done.calendar_event_id)
        self.assertFalse(done.calendar_event_id.activity_ids)

    def test_who_approved_and_when(self):
        campaign = self.campaign
        campaign.with_user(self.user_officer).action_request_approval()
        self._approve(campaign, self.user_manager)
        self.assertEqual(campaign.state, "approved")
        self.assertEqual(campaign.approved_by_ids, self.user_manager)
        self.assertTrue(campaign.approval_date)
        report = self.env.ref("comms_office.action_report_comms_campaign_evaluation")
        html = report._render_qweb_html(report.report_name, campaign.ids)[0].decode()
        approved = re.search(
            r'class="o_comms_campaign_approved">(.*?)</tr>', html, re.DOTALL
        )
        self.assertTrue(approved, "the report says who approved")
        self.assertIn("Head of Office", approved.group(1))
        review = campaign.review_ids
        self.assertIn(review.reviewed_date.strftime("%m/%d/%Y"), approved.group(1))
