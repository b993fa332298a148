# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import BENCHMARKS, CommsCampaignCommon


class CommsEventCampaignCommon(CommsCampaignCommon):
    """A plan, its campaign and an office event serving it, with guests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_open_day = cls.env.ref("comms_office.event_type_open_day")
        cls.survey = cls.env.ref("comms_office.survey_event_satisfaction")
        cls.plan = cls.env["comms.plan"].create({"name": "Plan 2031"})
        cls.campaign.plan_id = cls.plan
        cls.date_begin = datetime(2031, 4, 12, 8, 0)
        cls.event = (
            cls.env["event.event"]
            .with_user(cls.user_officer)
            .create(
                {
                    "name": "Open day: the vaccination room",
                    "event_type_id": cls.type_open_day.id,
                    "date_begin": cls.date_begin,
                    "date_tz": "Africa/Algiers",
                    "campaign_id": cls.campaign.id,
                    "comms_survey_id": cls.survey.id,
                }
            )
            .with_user(cls.env.user)
        )
        cls.parent = cls.env["res.partner"].create(
            {"name": "Parent Three", "email": "three@parents.test"}
        )
        # invited: journalist (attended), citizen (attended), parent (no-show),
        # radio journalist (declined); one walk-in attended
        cls.guests = cls.env["event.registration"].create(
            [
                {
                    "event_id": cls.event.id,
                    "partner_id": cls.journalist_daily.id,
                    "rsvp_status": "attended",
                },
                {
                    "event_id": cls.event.id,
                    "partner_id": cls.citizen.id,
                    "email": "citoyen@example.test",
                    "rsvp_status": "attended",
                },
                {
                    "event_id": cls.event.id,
                    "partner_id": cls.parent.id,
                    "rsvp_status": "no_show",
                },
                {
                    "event_id": cls.event.id,
                    "partner_id": cls.journalist_radio.id,
                    "rsvp_status": "declined",
                },
                {
                    "event_id": cls.event.id,
                    "name": "Walk-in Mother",
                    "is_walk_in": True,
                    "rsvp_status": "attended",
                },
            ]
        )

    @classmethod
    def _answer_survey(cls, event, partners_and_ranks):
        """Each partner answers the satisfaction survey: rank 1 is the best
        answer to every question, rank 3 the worst."""
        questions = cls.survey.question_ids.filtered(
            lambda question: question.question_type == "simple_choice"
        )
        for partner, rank in partners_and_ranks:
            answer = cls.survey.sudo()._create_answer(
                partner=partner, check_attempts=False, comms_event_id=event.id
            )
            for question in questions:
                answer._save_lines(
                    question,
                    question.suggested_answer_ids.filtered(
                        lambda suggestion, rank=rank: suggestion.sequence == rank
                    ).id,
                )
            answer._mark_done()


@tagged("post_install", "-at_install")
class TestEventCampaign(CommsEventCampaignCommon):
    """Events serve campaigns: counted, evaluated, calendared and reported."""

    @users("comms_officer")
    def test_event_linked_and_counted(self):
        campaign = self.campaign.with_user(self.env.user)
        self.assertEqual(campaign.event_ids, self.event)
        self.assertEqual(campaign.event_count, 1)
        self.assertEqual(campaign.event_guest_invited, 4, "walk-ins were not invited")
        self.assertEqual(campaign.event_guest_attended, 3)
        self.assertAlmostEqual(
            campaign.event_attendance_rate, 75.0, msg="3 of 4 coming"
        )
        self.assertEqual(campaign.event_guest_expected, 4)
        self.assertEqual(campaign.event_attendance_rate_display, "75.0 %")
        action = campaign.action_view_events()
        self.assertEqual(self.env["event.event"].search(action["domain"]), self.event)
        self.assertEqual(action["context"]["default_campaign_id"], campaign.id)
        # a second event, created from the campaign's button
        other = (
            self.env["event.event"]
            .with_context(**action["context"])
            .create(
                {
                    "name": "Talk at the mosque",
                    "event_type_id": self.type_open_day.id,
                    "date_begin": self.date_begin + timedelta(days=3),
                }
            )
        )
        self.assertEqual(other.campaign_id, campaign)
        self.assertTrue(other.is_comms_event)
        campaign.invalidate_recordset()
        self.assertEqual(campaign.event_count, 2)
        # the plan groups the events of its campaigns
        plan = self.plan.with_user(self.env.user)
        self.assertEqual(plan.event_count, 2)
        self.assertEqual(plan.event_ids, self.event | other)
        self.assertEqual(
            self.env["event.event"].search(plan.action_view_events()["domain"]),
            self.event | other,
        )
        # an archived event no longer counts
        other.active = False
        campaign.invalidate_recordset()
        self.assertEqual(campaign.event_count, 1)

    @users("comms_staff")
    def test_staff_see_campaign_event_figures(self):
        """Staff read campaigns and plans, not events: the figures still show."""
        campaign = self.campaign.with_user(self.env.user)
        self.assertEqual(campaign.event_count, 1)
        self.assertEqual(campaign.event_guest_attended, 3)
        self.assertEqual(self.plan.with_user(self.env.user).event_count, 1)

    @users("comms_officer")
    def test_event_indicators_computed(self):
        event = self.event.with_user(self.env.user)
        self._answer_survey(event, [(self.journalist_daily, 1), (self.citizen, 2)])
        Indicator = self.env["comms.indicator"]
        indicators = Indicator.create(
            [
                {
                    "event_id": event.id,
                    "name": name,
                    "level": level,
                    "target": target,
                    "auto_source": source,
                }
                for name, level, target, source in (
                    ("Invited", "activity", 8, "guest_invited"),
                    ("Attended", "output", 6, "guest_attended"),
                    ("Attendance rate", "output", 100, "attendance_rate"),
                    ("Answers", "outtake", 4, "survey_answers"),
                    ("Satisfaction", "outtake", 100, "survey_satisfaction"),
                )
            ]
        )
        indicators |= Indicator.create(
            {
                "event_id": event.id,
                "name": "Children vaccinated",
                "level": "outcome",
                "target": 20,
                "actual_manual": 15,
            }
        )
        self.assertEqual(event.comms_indicator_ids, indicators)
        invited, attended, rate, answers, satisfaction, manual = indicators
        self.assertEqual(invited.actual, 4)
        self.assertEqual(attended.actual, 3)
        self.assertAlmostEqual(attended.achievement, 0.5)
        self.assertAlmostEqual(rate.actual, 75.0)
        self.assertAlmostEqual(event.attendance_rate, 75.0)
        self.assertEqual(answers.actual, 2)
        # 100 % and 2/3: 83.3 % on average
        self.assertAlmostEqual(satisfaction.actual, (100 + 200 / 3) / 2, places=1)
        self.assertEqual(manual.actual, 15)
        self.assertEqual(indicators.company_id, event.company_id or self.env.company)
        # a guest who comes late is counted at once
        self.guests[2].with_user(self.env.user).action_rsvp_attended()
        indicators.invalidate_recordset()
        event.invalidate_recordset()
        self.assertEqual(attended.actual, 4)
        self.assertAlmostEqual(rate.actual, 100.0)

    @users("comms_officer")
    def test_event_recommendation(self):
        event = self.event.with_user(self.env.user)
        recommendation = self.env["comms.recommendation"].create(
            {
                "event_id": event.id,
                "name": "Open in the afternoon too",
                "user_id": self.user_staff.id,
                "date_due": "2031-05-01",
            }
        )
        self.assertEqual(event.comms_recommendation_ids, recommendation)
        self.assertEqual(recommendation.activity_ids.user_id, self.user_staff)
        # the owner, who has no access to events, follows it up
        staff_recommendation = recommendation.with_user(self.user_staff)
        self.assertEqual(staff_recommendation.event_id.sudo(), event.sudo())
        staff_recommendation.action_done()
        self.assertEqual(recommendation.state, "done")

    @users("comms_officer")
    def test_campaign_indicator_counts_event_attendance(self):
        campaign = self.campaign.with_user(self.env.user)
        indicators = self.env["comms.indicator"].create(
            [
                {
                    "campaign_id": campaign.id,
                    "name": name,
                    "level": "output",
                    "target": target,
                    "auto_source": source,
                }
                for name, target, source in (
                    ("Events held", 2, "event_count"),
                    ("People at the events", 10, "guest_attended"),
                    ("Invited to the events", 10, "guest_invited"),
                    ("Attendance at the events", 100, "attendance_rate"),
                )
            ]
        )
        events, attended, invited, rate = indicators
        self.assertEqual(events.actual, 1)
        self.assertEqual(attended.actual, 3)
        self.assertEqual(invited.actual, 4)
        self.assertAlmostEqual(rate.actual, 75.0)
        # a second event of the campaign adds its attendance
        second = self.env["event.event"].create(
            {
                "name": "Vaccination talk for nurses",
                "event_type_id": self.type_open_day.id,
                "date_begin": self.date_begin + timedelta(days=7),
                "campaign_id": campaign.id,
            }
        )
        self.env["event.registration"].create(
            [
                {"event_id": second.id, "name": f"Nurse {index}", "rsvp_status": status}
                for index, status in enumerate(("attended", "attended", "confirmed"))
            ]
        )
        indicators.invalidate_recordset()
        campaign.invalidate_recordset()
        self.assertEqual(events.actual, 2)
        self.assertEqual(attended.actual, 5)
        self.assertEqual(invited.actual, 7)
        self.assertAlmostEqual(rate.actual, 5 / 7 * 100, places=1)

    @users("comms_staff")
    def test_editorial_calendar_shows_event(self):
        Calendar = self.env["comms.editorial.calendar"]
        self.env.flush_all()
        entry = Calendar.search(
            [("kind", "=", "event"), ("res_id", "=", self.event.id)]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.name, "Open day: the vaccination room")
        self.assertEqual(entry.res_model, "event.event")
        self.assertEqual(entry.campaign_id, self.campaign)
        self.assertEqual(str(entry.date_start), "2031-04-12")
        # filterable by the channels and audiences of the event's campaign
        self.assertIn(
            entry, Calendar.search([("channel_ids", "in", self.channel_radio.ids)])
        )
        self.assertIn(
            entry, Calendar.search([("audience_ids", "in", self.audience_parents.ids)])
        )
        tv = self.env.ref("comms_office.comms_channel_tv")
        self.assertNotIn(entry, Calendar.search([("channel_ids", "in", tv.ids)]))
        self.assertEqual(
            entry.with_user(self.user_officer).action_open_document()["res_id"],
            self.event.id,
        )

    def test_editorial_calendar_event_day_and_cancel(self):
        # 23:30 UTC is already the next day in Algiers
        event = self.env["event.event"].create(
            {
                "name": "Night vigil",
                "is_comms_event": True,
                "date_tz": "Africa/Algiers",
                "date_begin": datetime(2031, 4, 20, 23, 30),
                "date_end": datetime(2031, 4, 21, 1, 0),
            }
        )
        internal = self.env["event.event"].create(
            {
                "name": "Not the office's",
                "is_comms_event": False,
                "date_begin": datetime(2031, 4, 20, 8, 0),
                "date_end": datetime(2031, 4, 20, 9, 0),
            }
        )
        Calendar = self.env["comms.editorial.calendar"].with_user(self.user_staff)
        self.env.flush_all()
        entry = Calendar.search([("kind", "=", "event"), ("res_id", "=", event.id)])
        self.assertEqual(str(entry.date_start), "2031-04-21")
        self.assertFalse(entry.campaign_id)
        self.assertFalse(
            Calendar.search([("kind", "=", "event"), ("res_id", "=", internal.id)])
        )
        event.action_comms_cancel()
        self.env.flush_all()
        self.assertFalse(
            Calendar.search([("kind", "=", "event"), ("res_id", "=", event.id)])
        )

    @users("comms_officer")
    def test_event_report_indicators_and_recommendations(self):
        event = self.event.with_user(self.env.user)
        self.env["comms.indicator"].create(
            {
                "event_id": event.id,
                "name": "Parents who came",
                "level": "output",
                "target": 6,
                "auto_source": "guest_attended",
            }
        )
        self.env["comms.recommendation"].create(
            {
                "event_id": event.id,
                "name": "Open in the afternoon too",
                "user_id": self.user_staff.id,
            }
        )
        report = self.env.ref("comms_office.action_report_event_event_evaluation")
        html = report._render_qweb_html(report.report_name, event.ids)[0].decode()
        self.assertIn("o_comms_indicators", html)
        self.assertIn("Parents who came", html)
        self.assertIn("Output", html)
        self.assertRegex(html, r"<span>50 %</span>")
        self.assertIn("o_comms_recommendations", html)
        self.assertIn("Open in the afternoon too", html)
        self.assertIn("Staff Member", html)
        self.assertIn("o_comms_event_campaign", html)
        self.assertIn("Vaccinate on time", html)

    def test_campaign_report_lists_events(self):
        report = self.env.ref("comms_office.action_report_comms_campaign_evaluation")
        # staff may print the campaign's report without access to events
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            ._render_qweb_html(report, self.campaign.ids)[0]
            .decode()
        )
        self.assertIn("o_comms_campaign_events", html)
        self.assertRegex(
            html,
            r"Open day: the vaccination room</td>\s*<td>Open Day</td>\s*"
            r"<td[^>]*>04/12/2031</td>\s*<td[^>]*>4</td>\s*<td[^>]*>4</td>\s*"
            r"<td[^>]*>3</td>\s*<td[^>]*>75.0 %</td>",
        )


@tagged("post_install", "-at_install", "security")
class TestEventCampaignSecurity(CommsEventCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_event = mail_new_test_user(
            cls.env,
            login="event_only_user",
            groups="event.group_event_user",
            name="Events Organiser",
        )
        cls.indicator = cls.env["comms.indicator"].create(
            {
                "event_id": cls.event.id,
                "name": "Attended",
                "target": 5,
                "auto_source": "guest_attended",
            }
        )
        cls.recommendation = cls.env["comms.recommendation"].create(
            {
                "event_id": cls.event.id,
                "name": "Earlier invitations",
                "user_id": cls.user_officer.id,
            }
        )

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_events_users_outside_the_office(self):
        """The Events app's own users see the event, not the office's fields."""
        event = self.event.with_user(self.user_event)
        self.assertEqual(event.name, "Open day: the vaccination room")
        for field in ("campaign_id", "comms_indicator_ids", "comms_recommendation_ids"):
            with self.assertRaises(AccessError, msg=field):
                event.read([field])
        with self.assertRaises(AccessError):
            self.indicator.with_user(self.user_event).read(["name"])
        with self.assertRaises(AccessError):
            event.write({"campaign_id": False})

    @mute_logger("odoo.addons.base.models.ir_model")
    @users("comms_staff")
    def test_staff_read_event_evaluation(self):
        indicator = self.indicator.with_user(self.env.user)
        self.assertEqual(indicator.actual, 3, "read without access to the event")
        with self.assertRaises(AccessError):
            indicator.write({"target": 1})
        with self.assertRaises(AccessError):
            self.env["comms.indicator"].create(
                {"event_id": self.event.id, "name": "Mine"}
            )
        with self.assertRaises(AccessError):
            self.event.with_user(self.env.user).read(["campaign_id"])
        recommendation = self.recommendation.with_user(self.env.user)
        recommendation.read(["name"])
        with self.assertRaises(AccessError):
            recommendation.write({"state": "done"})

    @mute_logger("odoo.addons.base.models.ir_model")
    @users("comms_officer")
    def test_officer_evaluates_events(self):
        event = self.event.with_user(self.env.user)
        event.write({"campaign_id": False})
        event.write({"campaign_id": self.campaign.id})
        self.indicator.with_user(self.env.user).write({"target": 4})
        self.indicator.with_user(self.env.user).unlink()
        self.recommendation.with_user(self.env.user).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.recommendation.with_user(self.env.user).unlink()

    @mute_logger("odoo.sql_db")
    def test_one_parent(self):
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["comms.indicator"].create(
                {
                    "campaign_id": self.campaign.id,
                    "event_id": self.event.id,
                    "name": "Both",
                }
            )
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["comms.recommendation"].create(
                {
                    "campaign_id": self.campaign.id,
                    "event_id": self.event.id,
                    "name": "Both",
                }
            )

    @mute_logger("odoo.addons.base.models.ir_rule")
    @users("comms_manager")
    def test_other_company_event_evaluation(self):
        other_company = self.env(user=SUPERUSER_ID)["res.company"].create(
            {"name": "EPH Voisin"}
        )
        foreign_event = (
            self.env["event.event"]
            .sudo()
            .create(
                {
                    "name": "Their open day",
                    "company_id": other_company.id,
                    "organizer_id": other_company.partner_id.id,
                    "is_comms_event": True,
                    "date_begin": self.date_begin,
                    "date_end": self.date_begin + timedelta(hours=2),
                }
            )
        )
        indicator = (
            self.env["comms.indicator"]
            .sudo()
            .create({"event_id": foreign_event.id, "name": "Theirs"})
        )
        self.assertEqual(indicator.company_id, other_company, "the event's company")
        self.assertNotIn(indicator, self.env["comms.indicator"].search([]))
        with self.assertRaises(AccessError):
            indicator.with_user(self.env.user).read(["name"])
        self.env.flush_all()
        self.assertFalse(
            self.env["comms.editorial.calendar"].search(
                [("kind", "=", "event"), ("res_id", "=", foreign_event.id)]
            )
        )


@tagged("post_install", "-at_install", "performance")
class TestEventCampaignPerformance(CommsEventCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaigns = cls.env["comms.campaign"].create(
            [
                {"name": f"Campaign {index}", "plan_id": cls.plan.id}
                for index in range(50)
            ]
        )
        cls.events = cls.env["event.event"].create(
            [
                {
                    "name": f"Event {index}",
                    "event_type_id": cls.type_open_day.id,
                    "date_begin": cls.date_begin + timedelta(days=index),
                    "campaign_id": campaign.id,
                    "comms_survey_id": cls.survey.id,
                }
                for index, campaign in enumerate(cls.campaigns)
            ]
        )
        cls.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": partner.id, "rsvp_status": status}
                for event in cls.events
                for partner, status in (
                    (cls.citizen, "attended"),
                    (cls.journalist_daily, "attended"),
                    (cls.parent, "confirmed"),
                )
            ]
        )
        cls.event_indicators = cls.env["comms.indicator"].create(
            [
                {
                    "event_id": event.id,
                    "name": name,
                    "target": 3,
                    "auto_source": source,
                }
                for event in cls.events
                for name, source in (
                    ("Attended", "guest_attended"),
                    ("Rate", "attendance_rate"),
                    ("Answers", "survey_answers"),
                    ("Satisfaction", "survey_satisfaction"),
                )
            ]
        )
        cls.campaign_indicators = cls.env["comms.indicator"].create(
            [
                {
                    "campaign_id": campaign.id,
                    "name": "People at the events",
                    "target": 3,
                    "auto_source": "guest_attended",
                }
                for campaign in cls.campaigns
            ]
        )

    def _read_actuals(self, indicators):
        self.env.invalidate_all()
        return indicators.with_user(self.env.user).read(["actual", "achievement"])

    def _queries(self, function, *args):
        function(*args)  # warm the caches of the registry
        before = self.env.cr.sql_log_count
        function(*args)
        return self.env.cr.sql_log_count - before

    @users("comms_officer")
    def test_event_indicator_actuals_queries_do_not_grow(self):
        few = self.event_indicators.filtered(lambda i: i.event_id in self.events[:5])
        queries_5 = self._queries(self._read_actuals, few)
        with self.assertQueryCount(queries_5):
            values = self._read_actuals(self.event_indicators)
        self.assertEqual(len(values), 200)
        self.assertEqual({v["actual"] for v in values[::4]}, {2})
        BENCHMARKS.append(
            f"comms.indicator of events: {queries_5} queries for 5 or 50 events"
        )

    @users("comms_officer")
    def test_campaign_indicator_actuals_queries_do_not_grow(self):
        queries_5 = self._queries(self._read_actuals, self.campaign_indicators[:5])
        with self.assertQueryCount(queries_5):
            values = self._read_actuals(self.campaign_indicators)
        self.assertEqual({v["actual"] for v in values}, {2})
        BENCHMARKS.append(
            f"comms.indicator of campaigns' events: {queries_5} queries "
            "for 5 or 50 campaigns"
        )

    def _read_counts(self, campaigns):
        self.env.invalidate_all()
        return campaigns.with_user(self.env.user).read(
            ["event_count", "event_guest_invited", "event_guest_attended"]
        )

    @users("comms_officer")
    def test_campaign_event_counts_queries_do_not_grow(self):
        queries_5 = self._queries(self._read_counts, self.campaigns[:5])
        with self.assertQueryCount(queries_5):
            values = self._read_counts(self.campaigns)
        self.assertEqual(
            {(v["event_count"], v["event_guest_attended"]) for v in values}, {(1, 2)}
        )
        plan = self.plan.with_user(self.env.user)
        self.assertEqual(plan.event_count, 51)
