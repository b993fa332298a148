# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import fields
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tests import Form, tagged, users

from .common import CommsCampaignCommon


@tagged("post_install", "-at_install")
class TestCampaignRun(CommsCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.with_user(cls.user_officer).action_request_approval()
        cls.campaign.with_user(cls.user_manager)._validate_tier()
        cls.campaign.invalidate_recordset()

    def _add_traces(self, mailing, statuses, clicked=0):
        """Traces as mass_mailing writes them when it sends and tracks."""
        Trace = self.env["mailing.trace"].sudo()
        traces = Trace.create(
            [
                {
                    "mass_mailing_id": mailing.id,
                    "model": "mailing.contact",
                    "res_id": 1,
                    "email": f"r{index}@parents.test",
                    "trace_status": status,
                    # mass_mailing's "sent": the mail left, whatever came after
                    "sent_datetime": fields.Datetime.now()
                    if status in ("sent", "open", "reply", "bounce")
                    else False,
                }
                for index, status in enumerate(statuses)
            ]
        )
        traces[:clicked].links_click_datetime = fields.Datetime.now()
        return traces

    @users("comms_officer")
    def test_create_mailing_to_audiences(self):
        campaign = self.campaign.with_user(self.env.user)
        self.assertEqual(campaign.state, "approved")
        action = campaign.action_create_mailing()
        mailing = self.env["mailing.mailing"].browse(action["res_id"])
        self.assertEqual(mailing.campaign_id, campaign.utm_campaign_id)
        self.assertEqual(mailing.contact_list_ids, self.mailing_list)
        self.assertEqual(mailing.mailing_model_real, "mailing.contact")
        self.assertEqual(mailing.subject, "Vaccinate on time")
        self.assertEqual(campaign.mailing_count, 1)

    @users("comms_officer")
    def test_mailing_to_partners_without_list(self):
        self.audience_staff.partner_ids = self.journalist_radio | self.journalist_daily
        campaign = self.campaign.with_user(self.env.user)
        campaign.audience_ids = self.audience_staff
        # changing audiences of an approved campaign asks for approval again
        self.assertEqual(campaign.state, "draft")
        self.campaign.with_user(self.user_manager)._validate_tier()
        mailing = self.env["mailing.mailing"].browse(
            campaign.action_create_mailing()["res_id"]
        )
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        self.assertIn(str(self.journalist_radio.id), mailing.mailing_domain)

    @users("comms_officer")
    def test_no_mailing_before_approval(self):
        draft = self.env["comms.campaign"].create({"name": "Not approved yet"})
        with self.assertRaises(UserError):
            draft.action_create_mailing()

    @users("comms_officer")
    def test_mailing_statistics_roll_up(self):
        campaign = self.campaign.with_user(self.env.user)
        first = self.env["mailing.mailing"].browse(
            campaign.action_create_mailing()["res_id"]
        )
        second = self.env["mailing.mailing"].browse(
            campaign.action_create_mailing()["res_id"]
        )
        self._add_traces(first, ["sent", "open", "open", "bounce"], clicked=1)
        self._add_traces(second, ["reply", "sent", "cancel", "outgoing"], clicked=1)
        # a mailing of another campaign does not count
        other = self.env["mailing.mailing"].create(
            {"subject": "Other", "mailing_type": "mail"}
        )
        self._add_traces(other, ["open", "open"])
        # the figures of the mailings, read before the traces came, are stale
        self.env.invalidate_all()
        self.assertEqual(campaign.mailing_count, 2)
        self.assertEqual(campaign.mailing_expected, 7)
        self.assertEqual(campaign.mailing_sent, 6)
        self.assertEqual(campaign.mailing_delivered, 5)
        self.assertEqual(campaign.mailing_opened, 3)
        self.assertEqual(campaign.mailing_clicked, 2)
        self.assertEqual(campaign.mailing_bounced, 1)
        indicators = self.env["comms.indicator"].create(
            [
                {
                    "campaign_id": campaign.id,
                    "name": "Parents reached",
                    "level": "output",
                    "target": 10,
                    "auto_source": "audience_reached",
                },
                {
                    "campaign_id": campaign.id,
                    "name": "Opened",
                    "level": "outtake",
                    "target": 6,
                    "auto_source": "mailing_opened",
                },
            ]
        )
        self.assertEqual(indicators.mapped("actual"), [5.0, 3.0])
        self.assertEqual(indicators.mapped("achievement"), [0.5, 0.5])


@tagged("post_install", "-at_install")
class TestCampaignPlanning(CommsCampaignCommon):
    def _events_of(self, user):
        return self.env["calendar.event"].search(
            [("partner_ids", "in", user.partner_id.ids)]
        )

    @users("comms_officer")
    def test_milestones_on_the_responsibles_calendar(self):
        campaign = self.campaign.with_user(self.env.user)
        with Form(campaign) as form, form.milestone_ids.new() as line:
            line.name = "Radio interview"
            line.kind = "milestone"
            line.user_id = self.user_manager
            line.date_deadline = date(2025, 4, 7)
        milestone = campaign.milestone_ids
        event = milestone.calendar_event_id
        self.assertTrue(event)
        self.assertIn(event, self._events_of(self.user_manager))
        self.assertEqual(event.sudo().start_date, date(2025, 4, 7))
        self.assertIn("Radio interview", event.sudo().name)
        # moved and given to someone else: the event follows
        milestone.write(
            {"date_deadline": date(2025, 4, 9), "user_id": self.user_staff.id}
        )
        self.assertEqual(milestone.calendar_event_id, event)
        self.assertEqual(event.sudo().stop_date, date(2025, 4, 9))
        self.assertIn(event, self._events_of(self.user_staff))
        self.assertNotIn(event, self._events_of(self.user_manager))
        # renaming the campaign renames the event
        campaign.sudo().name = "Vaccinate on time, again"
        self.assertIn("Vaccinate on time, again", event.sudo().name)
        # cancelled or deleted: it leaves the calendar
        milestone.state = "cancel"
        self.assertNotIn(event, self._events_of(self.user_staff))
        milestone.state = "todo"
        self.assertEqual(milestone.calendar_event_id, event)
        self.assertIn(event, self._events_of(self.user_staff))
        milestone.unlink()
        self.assertFalse(event.exists())

    @users("comms_officer")
    def test_milestone_done_closes_its_activity(self):
        campaign = self.campaign.with_user(self.env.user)
        milestone = self.env["comms.campaign.milestone"].create(
            {
                "campaign_id": campaign.id,
                "name": "Print the leaflets",
                "user_id": self.user_officer.id,
                "date_deadline": date(2025, 3, 31),
            }
        )
        activity = milestone.calendar_event_id.sudo().activity_ids
        self.assertEqual(activity.res_id, campaign.id)
        self.assertEqual(activity.user_id, self.user_officer)
        # done: no longer a to-do, still in the calendar
        milestone.state = "done"
        self.assertFalse(activity.active)
        self.assertFalse(campaign.activity_ids)
        self.assertTrue(milestone.calendar_event_id)
        # reopened: a to-do again
        milestone.state = "todo"
        self.assertTrue(activity.active)
        self.assertEqual(campaign.activity_ids, activity)
        # created done, as when a past plan is entered: closed without a word
        messages = campaign.sudo().message_ids
        past = self.env["comms.campaign.milestone"].create(
            {
                "campaign_id": campaign.id,
                "name": "Radio interview",
                "user_id": self.user_officer.id,
                "date_deadline": date(2025, 4, 7),
                "state": "done",
            }
        )
        self.assertTrue(past.calendar_event_id)
        self.assertEqual(campaign.activity_ids, activity)
        self.assertEqual(campaign.sudo().message_ids, messages)

    @users("comms_officer")
    def test_editorial_calendar(self):
        campaign = self.campaign.with_user(self.env.user)
        self.env["comms.campaign.milestone"].create(
            {
                "campaign_id": campaign.id,
                "name": "Leaflets printed",
                "date_deadline": "2025-04-03",
            }
        )
        internal = self.env["comms.campaign"].create(
            {"name": "Internal only", "date_start": "2025-04-10"}
        )
        internal.audience_ids = self.audience_staff
        self.env.flush_all()
        Calendar = self.env["comms.editorial.calendar"]
        entries = Calendar.search([("campaign_id", "=", campaign.id)])
        self.assertEqual(sorted(entries.mapped("kind")), ["campaign", "milestone"])
        milestone_entry = entries.filtered(lambda e: e.kind == "milestone")
        self.assertEqual(milestone_entry.date_start, date(2025, 4, 3))
        # among this test's campaigns, whatever else the database holds
        ours = Domain("campaign_id", "in", (campaign | internal).ids)
        by_channel = Calendar.search(
            ours & Domain("channel_ids", "in", self.channel_radio.ids)
        )
        self.assertEqual(by_channel.campaign_id, campaign)
        by_audience = Calendar.search(
            ours & Domain("audience_ids", "in", self.audience_staff.ids)
        )
        self.assertEqual(len(by_audience.campaign_id), 2)
        action = milestone_entry.action_open_document()
        self.assertEqual(action["res_model"], "comms.campaign.milestone")

    @users("comms_officer")
    def test_plan_totals(self):
        plan = self.env["comms.plan"].create(
            {"name": "Plan 2025", "date_start": "2025-01-01"}
        )
        # the head of office gives the plan its budget
        plan.with_user(self.user_manager).budget = 1000000
        self.campaign.with_user(self.env.user).write(
            {"plan_id": plan.id, "budget_spent": 50000}
        )
        self.env["comms.campaign"].create(
            {
                "name": "Second",
                "plan_id": plan.id,
                "budget": 100000,
                "budget_spent": 20000,
            }
        )
        self.assertEqual(plan.campaign_count, 2)
        self.assertEqual(plan.budget_planned, 300000)
        self.assertEqual(plan.budget_spent, 70000)
        self.assertEqual(plan.budget_remaining, 930000)
