# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from .common import CommsCommon


class CommsAwarenessCommon(CommsCommon):
    """A scored knowledge test of four questions, a draft programme that uses
    it before and after, and two communes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.commune_medea = cls.env.ref("comms_office.comms_commune_medea")
        cls.commune_berrouaghia = cls.env.ref("comms_office.comms_commune_berrouaghia")
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Diabetes: what do you know?",
                "access_mode": "public",
                "scoring_type": "scoring_without_answers",
            }
        )
        cls.env["survey.question"].create(
            [
                {
                    "survey_id": cls.survey.id,
                    "sequence": number,
                    "title": f"Question {number}",
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [
                        (0, 0, {"sequence": 1, "value": "Right", "answer_score": 1}),
                        (0, 0, {"sequence": 2, "value": "Wrong", "answer_score": 0}),
                    ],
                }
                for number in range(1, 5)
            ]
        )
        cls.program = cls.env["comms.awareness.program"].create(
            {
                "name": "Diabetes: know the signs",
                "topic": "Diabetes",
                "user_id": cls.user_officer.id,
                "date_start": "2031-10-01",
                "date_end": "2031-12-31",
                "session_planned": 4,
                "pretest_survey_id": cls.survey.id,
                "posttest_survey_id": cls.survey.id,
            }
        )

    @classmethod
    def _session(cls, program=None, commune=None, lines=(), state="done", **vals):
        """A session with its attendance: ``lines`` are (sex, age band, count)."""
        return cls.env["comms.awareness.session"].create(
            {
                "program_id": (program or cls.program).id,
                "name": "Session",
                "commune_id": (commune or cls.commune_medea).id,
                "date_begin": datetime(2031, 11, 10, 9, 0),
                "date_end": datetime(2031, 11, 10, 11, 0),
                "facilitator_ids": [(6, 0, cls.user_officer.ids)],
                "state": state,
                "attendance_line_ids": [
                    (0, 0, {"sex": sex, "age_band": band, "count": count})
                    for sex, band, count in lines
                ],
                **vals,
            }
        )

    @classmethod
    def _answers(cls, rows, program=None):
        """Test answers, all at once: ``rows`` are (phase, participant, right
        answers out of 4); a participant is ``p:<partner id>``, an email or a
        code, or None for nobody known."""
        program = program or cls.program
        questions = cls.survey.question_ids
        vals_list = []
        for phase, who, right in rows:
            vals = {
                "survey_id": cls.survey.id,
                "comms_program_id": program.id,
                "comms_test_phase": phase,
                "state": "done",
                "user_input_line_ids": [
                    (
                        0,
                        0,
                        {
                            "survey_id": cls.survey.id,
                            "question_id": question.id,
                            "answer_type": "suggestion",
                            "suggested_answer_id": question.suggested_answer_ids[
                                0 if index < right else 1
                            ].id,
                        },
                    )
                    for index, question in enumerate(questions)
                ],
            }
            if isinstance(who, str) and who.startswith("p:"):
                vals["partner_id"] = int(who[2:])
            elif who and "@" in who:
                vals["email"] = who
            elif who:
                vals["nickname"] = who
            vals_list.append(vals)
        return cls.env["survey.user_input"].create(vals_list)
