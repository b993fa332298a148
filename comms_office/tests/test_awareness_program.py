# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users

from .awareness_common import CommsAwarenessCommon


@tagged("post_install", "-at_install")
class TestAwarenessProgram(CommsAwarenessCommon):
    """A programme is approved before it starts, runs, closes and is
    evaluated; its sessions count attendance by sex and age band, its reach
    by commune, and its indicators read both."""

    @users("comms_officer")
    def test_life_cycle_through_the_approval(self):
        program = self.program.with_user(self.env.user)
        with self.assertRaises(UserError):
            program.action_start()
        program.action_request_approval()
        self.assertEqual(program.state, "draft")
        self.assertEqual(program.validation_status, "pending")
        self.assertFalse(program.can_review, "the officer does not approve")
        self._review(program, self.user_manager)
        self.assertEqual(program.state, "approved")
        program.action_start()
        program.action_done()
        self.assertEqual(program.state, "done")
        with self.assertRaises(AccessError):
            program.action_evaluate()
        program.with_user(self.user_manager).action_evaluate()
        self.assertEqual(program.state, "evaluated")

    @users("comms_officer")
    def test_rejection_keeps_the_draft(self):
        program = self.program.with_user(self.env.user)
        program.action_request_approval()
        self._review(program, self.user_manager, "Add the mosques.", approve=False)
        self.assertEqual(program.state, "draft")
        self.assertEqual(program.approval_rejection_reason, "Add the mosques.")

    @users("comms_officer")
    def test_state_cannot_be_written_past_the_approval(self):
        program = self.program.with_user(self.env.user)
        for state in ("approved", "running", "evaluated"):
            with self.subTest(state=state), self.assertRaises(UserError):
                program.write({"state": state})
        with self.assertRaises(AccessError):
            program.write({"validation_status": "validated"})

    @users("comms_officer")
    def test_approved_content_changed_asks_again(self):
        program = self.program.with_user(self.env.user)
        program.action_request_approval()
        self._review(program, self.user_manager)
        program.action_start()
        program.budget = 50000
        self.assertEqual(program.state, "draft")
        self.assertEqual(program.approval_resume_state, "running")

    def test_attendance_totals_and_reach_by_commune(self):
        self._session(lines=[("female", "0_14", 30), ("male", "0_14", 25)])
        self._session(
            commune=self.commune_berrouaghia,
            lines=[("female", "25_64", 40), ("male", "65_plus", 12)],
        )
        planned = self._session(lines=[("female", "15_24", 99)], state="planned")
        self.assertEqual(planned.attendance_total, 99)
        self.assertEqual(planned.attendance_female, 99)
        program = self.program
        self.assertEqual(program.session_count, 3)
        self.assertEqual(program.session_held_count, 2)
        self.assertEqual(program.reach_total, 107, "held sessions only")
        self.assertEqual(program.reach_female, 70)
        self.assertEqual(program.reach_male, 37)
        self.assertEqual(program.commune_count, 2)
        rows = dict(program._get_reach_by_commune())
        self.assertEqual(rows[self.commune_medea]["total"], 55)
        self.assertEqual(rows[self.commune_berrouaghia]["65_plus"], 12)
        self.assertEqual(rows[self.commune_berrouaghia]["female"], 40)

    def test_indicators_filled_from_the_programme(self):
        self._session(lines=[("female", "0_14", 30)], materials_handed=60)
        self._session(commune=self.commune_berrouaghia, lines=[("male", "0_14", 10)])
        self._answers([("pre", "A1", 1), ("post", "A1", 3)])
        sources = {
            "session_held": 2,
            "session_held_rate": 50.0,
            "people_reached": 40,
            "people_reached_female": 30,
            "commune_reached": 2,
            "materials_distributed": 60,
            "knowledge_gain": 50.0,
            "knowledge_improved_rate": 100.0,
        }
        indicators = self.env["comms.indicator"].create(
            [
                {"name": source, "program_id": self.program.id, "auto_source": source}
                for source in sources
            ]
        )
        for indicator in indicators:
            with self.subTest(source=indicator.auto_source):
                self.assertAlmostEqual(indicator.actual, sources[indicator.auto_source])

    def test_one_parent_per_indicator(self):
        campaign = self.env["comms.campaign"].create({"name": "Blood donors"})
        with self.assertRaises(CheckViolation), self.cr.savepoint():
            self.env["comms.indicator"].create(
                {
                    "name": "Both",
                    "program_id": self.program.id,
                    "campaign_id": campaign.id,
                }
            )

    @users("comms_officer")
    def test_test_typed_in_from_paper(self):
        program = self.program.with_user(self.env.user)
        action = program.action_enter_test()
        for phase, right in (("pre", 1), ("post", 4)):
            form = Form(
                self.env[action["res_model"]].with_context(
                    **action["context"], default_phase=phase
                )
            )
            form.participant_code = "MED-017"
            for index in range(len(form.line_ids)):
                with form.line_ids.edit(index) as line:
                    answers = self.survey.question_ids[index].suggested_answer_ids
                    line.answer_id = answers[0 if index < right else 1]
            form.save().action_save()
        self.assertEqual(program.knowledge_method, "paired")
        self.assertEqual(program.knowledge_pre_score, 25.0)
        self.assertEqual(program.knowledge_post_score, 100.0)
        self.assertEqual(program.knowledge_gain, 75.0)

    @users("comms_staff")
    def test_staff_cannot_type_in_a_test(self):
        with self.assertRaises(AccessError):
            self.env["comms.awareness.test.entry"].create(
                {"program_id": self.program.id, "participant_code": "X"}
            )

    @users("comms_officer")
    def test_answer_of_another_question_is_refused(self):
        wizard = self.env["comms.awareness.test.entry"].create(
            {"program_id": self.program.id, "participant_code": "MED-018"}
        )
        first, second = wizard.line_ids[:2]
        first.answer_id = second.question_id.suggested_answer_ids[0]
        with self.assertRaises(UserError):
            wizard.action_save()
