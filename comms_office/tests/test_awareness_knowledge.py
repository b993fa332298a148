# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .awareness_common import CommsAwarenessCommon
from .common import BENCHMARKS


@tagged("post_install", "-at_install")
class TestAwarenessKnowledge(CommsAwarenessCommon):
    """Knowledge before and after, from the survey answers: paired where the
    same person answered both tests, unpaired otherwise, the method said
    with the figure, and the same number of queries for 5 or 500
    participants."""

    def _figures(self, program=None):
        program = program or self.program
        program.invalidate_recordset()
        return (
            program.knowledge_method,
            program.knowledge_pre_count,
            program.knowledge_post_count,
            program.knowledge_paired_count,
            round(program.knowledge_pre_score, 2),
            round(program.knowledge_post_score, 2),
            round(program.knowledge_gain, 2),
            round(program.knowledge_improved_rate, 2),
        )

    def test_no_answers(self):
        self.assertEqual(self._figures(), ("none", 0, 0, 0, 0.0, 0.0, 0.0, 0.0))
        self.assertIn("Not measured yet", self.program.knowledge_summary)

    def test_only_the_pre_test(self):
        self._answers([("pre", "a@x.dz", 2), ("pre", "b@x.dz", 1)])
        self.assertEqual(self._figures(), ("none", 2, 0, 0, 37.5, 0.0, 0.0, 0.0))

    def test_paired_by_contact_email_or_code(self):
        partner = self.env["res.partner"].create({"name": "Amina"})
        self._answers(
            [
                ("pre", f"p:{partner.id}", 1),
                ("post", f"p:{partner.id}", 3),
                ("pre", "Karim@X.dz", 2),
                ("post", " karim@x.dz", 2),
                ("pre", "MED-03", 0),
                ("post", "med-03", 4),
                # only one of the tests: counted, not paired
                ("pre", "MED-99", 4),
                ("post", None, 4),
            ]
        )
        # pairs: 25→75, 50→50, 0→100; two of three improved
        self.assertEqual(self._figures(), ("paired", 4, 4, 3, 25.0, 75.0, 50.0, 66.7))
        summary = self.program.knowledge_summary
        self.assertIn("Paired", summary)
        self.assertIn("3", summary)

    def test_one_person_answering_twice_counts_once(self):
        self._answers([("pre", "A", 0), ("pre", "A", 2), ("post", "A", 4)])
        self.assertEqual(self._figures(), ("paired", 1, 1, 1, 25.0, 100.0, 75.0, 100.0))

    def test_unpaired_when_nobody_matches(self):
        self._answers(
            [
                ("pre", None, 1),
                ("pre", None, 2),
                ("post", None, 3),
                ("post", "someone@x.dz", 4),
                ("post", "other@x.dz", 2),
            ]
        )
        self.assertEqual(self._figures(), ("unpaired", 2, 3, 0, 37.5, 75.0, 37.5, 0.0))
        self.assertIn("Unpaired", self.program.knowledge_summary)

    def test_answers_not_finished_or_of_another_programme_are_left_out(self):
        other = self.program.copy({"name": "Hypertension"})
        self._answers([("pre", "A", 1), ("post", "A", 3)])
        self._answers([("pre", "A", 4), ("post", "A", 0)], program=other)
        unfinished = self._answers([("post", "B", 4)])
        unfinished.state = "in_progress"
        self.assertEqual(self._figures(), ("paired", 1, 1, 1, 25.0, 75.0, 50.0, 100.0))
        self.assertEqual(self._figures(other)[6], -100.0)

    def test_queries_do_not_grow_with_participants(self):
        programs = {}

        def run(size):
            if size not in programs:
                program = self.program.copy({"name": f"Programme of {size}"})
                self._answers(
                    [("pre", f"P{n}", n % 4) for n in range(size)]
                    + [("post", f"P{n}", (n % 4) + 1) for n in range(size)],
                    program=program,
                )
                self._session(program=program, lines=[("female", "0_14", size)])
                self._session(
                    program=program,
                    commune=self.commune_berrouaghia,
                    lines=[("male", "15_24", size)],
                )
                programs[size] = program
                self.env.flush_all()
                self.env.invalidate_all()
            program = programs[size]
            program.read(
                ["knowledge_gain", "knowledge_summary", "reach_total", "commune_count"]
            )
            program._get_reach_by_commune()

        # the records are made before counting: 5 then 500 participants
        run(5)
        run(500)
        queries = self.assertQueriesDoNotGrow(run, 5, 500)
        self.assertLessEqual(queries, 12)
        BENCHMARKS.append(
            f"comms.awareness.program knowledge gain and reach: {queries} queries "
            "for 5 or 500 participants"
        )
        self.assertEqual(programs[500].reach_total, 1000)
        self.assertEqual(programs[500].knowledge_paired_count, 500)
