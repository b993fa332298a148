# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from .event_common import CommsEventCommon


@tagged("post_install", "-at_install")
class TestEventFollowUp(CommsEventCommon):
    """Logistics plan before, satisfaction survey and reports after."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("comms_office.survey_event_satisfaction")
        cls.event.write(
            {
                "comms_session_ids": [
                    (
                        0,
                        0,
                        {
                            "topic": "The new maternity ward",
                            "speaker_id": cls.speaker.id,
                            "date_begin": cls.date_begin,
                            "date_end": cls.date_begin + timedelta(minutes=45),
                        },
                    )
                ],
            }
        )
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
                    "partner_id": cls.journalist_radio.id,
                    "rsvp_status": "declined",
                },
            ]
        )

    def _launch_logistics_plan(self, event):
        """Schedule the plan as the officer does: through Odoo's plan wizard."""
        action = event.action_launch_logistics_plan()
        with Form(
            self.env[action["res_model"]].with_context(**action["context"])
        ) as wizard:
            self.assertEqual(wizard.plan_id, event.event_type_id.activity_plan_id)
            self.assertEqual(wizard.plan_date, date(2031, 3, 10))
        wizard.record.action_schedule_plan()

    @users("comms_officer")
    def test_logistics_plan_from_event_type(self):
        event = self.event.with_user(self.env.user)
        plan = self.type_press.activity_plan_id
        self.assertTrue(plan.template_ids)
        self._launch_logistics_plan(event)
        self.assertTrue(event.comms_plan_launched)
        activities = event.activity_ids
        self.assertEqual(
            sorted(activities.mapped("summary")),
            sorted(plan.template_ids.mapped("summary")),
        )
        # owners: the event's responsible unless the plan names one
        self.assertEqual(activities.user_id, self.user_officer)
        press_kit = activities.filtered(
            lambda activity: activity.summary == "Prepare the press kit"
        )
        self.assertEqual(press_kit.date_deadline, date(2031, 3, 8))
        self.assertTrue(all(a.date_deadline < date(2031, 3, 10) for a in activities))
        self.assertIn(plan.name, event.message_ids[0].body)

    @users("comms_officer")
    def test_logistics_plan_default_owner(self):
        template = self.type_press.activity_plan_id.template_ids[0].sudo()
        template.write(
            {"responsible_type": "other", "responsible_id": self.user_staff.id}
        )
        event = self.event.with_user(self.env.user)
        self._launch_logistics_plan(event)
        self.assertEqual(
            event.activity_ids.filtered(
                lambda activity: activity.summary == template.summary
            ).user_id,
            self.user_staff,
        )

    @users("comms_officer")
    def test_logistics_plan_needs_type(self):
        event = self.env["event.event"].create(
            {
                "name": "No type",
                "is_comms_event": True,
                "date_begin": self.date_begin,
                "date_end": self.date_begin + timedelta(hours=1),
            }
        )
        with self.assertRaises(UserError):
            event.action_launch_logistics_plan()

    @users("comms_officer")
    def test_survey_sent_to_attendees_and_summarised(self):
        event = self.event.with_user(self.env.user)
        with self.assertRaises(UserError):
            event.action_send_survey()
        event.comms_survey_id = self.survey
        event.action_send_survey()
        answers = self.env["survey.user_input"].search(
            [("comms_event_id", "=", event.id)]
        )
        self.assertEqual(answers.partner_id, self.journalist_daily | self.citizen)
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [("model", "=", "survey.user_input"), ("res_id", "in", answers.ids)]
            )
        )
        self.assertEqual(len(mails), 2)
        self.assertIn(answers[0].access_token, "".join(mails.mapped("body_html")))
        # sending again reaches nobody twice
        event.action_send_survey()
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("comms_event_id", "=", event.id)]
            ),
            2,
        )
        self.assertEqual(event.survey_answer_count, 0, "nobody answered yet")
        # both answer: one very satisfied everywhere, one satisfied everywhere
        for answer, rank in zip(answers.sudo(), (1, 2), strict=True):
            for question in self.survey.question_ids.filtered(
                lambda question: question.question_type == "simple_choice"
            ):
                answer._save_lines(
                    question,
                    question.suggested_answer_ids.filtered(
                        lambda suggestion, rank=rank: suggestion.sequence == rank
                    ).id,
                )
            answer._mark_done()
        event.invalidate_recordset(["survey_answer_count", "survey_score_avg"])
        self.assertEqual(event.survey_answer_count, 2)
        # 100% and 2/3: 83.3% on average
        self.assertAlmostEqual(event.survey_score_avg, (100 + 200 / 3) / 2, places=1)

    @users("comms_officer")
    def test_programme_report_french_and_arabic(self):
        report = self.env.ref("comms_office.action_report_event_event_programme")
        event = self.event.with_user(self.env.user)
        event.lang = "fr_FR"
        html = report._render_qweb_html(report.report_name, event.ids)[0].decode()
        self.assertIn("Press conference: new maternity", html)
        self.assertIn("The new maternity ward", html)
        self.assertIn("Dr Speaker", html)
        self.assertIn("Announce the new maternity ward.", html)
        self.assertIn('class="page o_comms_event_programme" dir="ltr"', html)
        event.lang = "ar_001"
        html = report._render_qweb_html(report.report_name, event.ids)[0].decode()
        self.assertIn('class="page o_comms_event_programme" dir="rtl"', html)
        self.assertIn("The new maternity ward", html)

    @users("comms_officer")
    def test_event_report_content(self):
        report = self.env.ref("comms_office.action_report_event_event_evaluation")
        event = self.event.with_user(self.env.user)
        event.comms_survey_id = self.survey
        html = report._render_qweb_html(report.report_name, event.ids)[0].decode()
        self.assertIn("Announce the new maternity ward.", html)
        self.assertIn("o_comms_event_attendance", html)
        # media: two invited, one attended; public: one and one; total: three and two
        rows = {row["label"]: row for row in event._get_attendance_by_category()}
        self.assertEqual((rows["Media"]["invited"], rows["Media"]["attended"]), (2, 1))
        self.assertEqual((rows["Total"]["invited"], rows["Total"]["attended"]), (3, 2))
        # invited, expected, attended
        self.assertRegex(
            html, r"Media</td>\s*<td[^>]*>2</td>\s*<td[^>]*>\d+</td>\s*<td[^>]*>1</td>"
        )
        self.assertRegex(
            html, r"Total</td>\s*<td[^>]*>3</td>\s*<td[^>]*>\d+</td>\s*<td[^>]*>2</td>"
        )
        self.assertIn("answers to the survey", html)
        self.assertIn("Event satisfaction survey", html)
        self.assertIn("The new maternity ward", html)

    def test_report_pdf(self):
        report = self.env.ref("comms_office.action_report_event_event_programme")
        pdf, report_format = report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(report.report_name, self.event.ids)
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    @users("comms_officer")
    def test_event_report_in_the_event_language(self):
        """An Arabic-speaking officer prints a French event's report in French."""
        self.env.user.lang = "ar_001"
        report = self.env.ref("comms_office.action_report_event_event_evaluation")
        event = self.event.with_env(self.env)
        event.lang = "fr_FR"
        html = report._render_qweb_html(report.report_name, event.ids)[0].decode()
        self.assertIn('dir="ltr"', html)
        self.assertRegex(html, r"Médias</td>\s*<td[^>]*>2</td>")
        self.assertNotIn("وسائل الإعلام", html)
