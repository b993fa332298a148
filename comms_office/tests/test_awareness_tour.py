# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestAwarenessTour(HttpCase):
    def test_tour_programme_from_health_day_to_knowledge_gain(self):
        head = mail_new_test_user(
            self.env,
            login="tour_aw_head",
            groups="comms_office.group_comms_manager",
            name="Chef du bureau",
            lang="fr_FR",
        )
        survey = self.env["survey.survey"].create(
            {"title": "Test diabète", "scoring_type": "scoring_without_answers"}
        )
        self.env["survey.question"].create(
            [
                {
                    "survey_id": survey.id,
                    "sequence": number,
                    "title": title,
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [
                        (0, 0, {"sequence": 1, "value": "Vrai", "answer_score": 1}),
                        (0, 0, {"sequence": 2, "value": "Faux", "answer_score": 0}),
                    ],
                }
                for number, title in (
                    (1, "La soif intense est un signe du diabète"),
                    (2, "Le dépistage est gratuit à la polyclinique"),
                )
            ]
        )
        self.start_tour("/odoo", "comms_office_awareness_tour", login="tour_aw_head")
        program = self.env["comms.awareness.program"].search(
            [
                (
                    "health_day_id",
                    "=",
                    self.env.ref("comms_office.comms_health_day_diabetes").id,
                )
            ]
        )
        self.assertEqual(len(program), 1)
        self.assertEqual(program.user_id, head)
        self.assertEqual(program.state, "approved")
        session = program.session_ids
        self.assertEqual(session.commune_id.name, "Berrouaghia")
        self.assertEqual(session.attendance_female, 35)
        self.assertTrue(session.calendar_event_id)
        self.assertEqual(program.knowledge_method, "paired")
        self.assertEqual(program.knowledge_gain, 50.0)
