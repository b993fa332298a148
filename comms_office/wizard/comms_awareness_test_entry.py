# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class CommsAwarenessTestEntry(models.TransientModel):
    """Type in a knowledge test answered on paper: the participant and the
    answer ticked for each question. It becomes an answer of the scored
    survey, scored by Odoo like one given through the survey link."""

    _name = "comms.awareness.test.entry"
    _description = "Type In a Knowledge Test"

    program_id = fields.Many2one(
        "comms.awareness.program", string="Programme", required=True
    )
    phase = fields.Selection(
        [("pre", "Before (pre-test)"), ("post", "After (post-test)")],
        string="Test",
        required=True,
        default="pre",
    )
    survey_id = fields.Many2one(
        "survey.survey", string="Test Survey", compute="_compute_survey_id", store=True
    )
    partner_id = fields.Many2one("res.partner", string="Participant")
    participant_code = fields.Char(
        help="The code or name written on the paper sheet: the same code on "
        "the pre-test and the post-test pairs them.",
    )
    line_ids = fields.One2many(
        "comms.awareness.test.entry.line",
        "wizard_id",
        string="Answers",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("program_id", "phase")
    def _compute_survey_id(self):
        for wizard in self:
            program = wizard.program_id
            wizard.survey_id = (
                program.pretest_survey_id
                if wizard.phase == "pre"
                else program.posttest_survey_id
            )

    @api.depends("survey_id")
    def _compute_line_ids(self):
        for wizard in self:
            questions = wizard.survey_id.question_ids.filtered(
                lambda q: q.question_type == "simple_choice"
            )
            wizard.line_ids = [Command.clear()] + [
                Command.create({"question_id": question.id}) for question in questions
            ]

    def action_save(self):
        self._save()
        return {"type": "ir.actions.act_window_close"}

    def action_save_next(self):
        """Save this sheet and open a blank one for the next participant."""
        self._save()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_program_id": self.program_id.id,
                "default_phase": self.phase,
            },
        }

    def _save(self):
        self.ensure_one()
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("type in a knowledge test")
        )
        if not self.survey_id:
            raise UserError(
                self.env._("Choose the programme's test survey for this phase first.")
            )
        if not (self.partner_id or self.participant_code):
            raise UserError(
                self.env._("Name the participant, or write the code of the sheet.")
            )
        answer = self.survey_id._create_answer(
            partner=self.partner_id,
            check_attempts=False,
            nickname=self.participant_code or False,
            comms_program_id=self.program_id.id,
            comms_test_phase=self.phase,
        )
        answered = self.line_ids.filtered("answer_id")
        foreign = answered.filtered(
            lambda line: (
                line.question_id.survey_id != self.survey_id
                or line.answer_id.question_id != line.question_id
            )
        )
        if foreign:
            raise UserError(
                self.env._("Each answer must be one of its question, in the test.")
            )
        # sudo: the answers of the sheet just created, written as the survey's
        # own pages write them (survey users may not create answer lines)
        self.env["survey.user_input.line"].sudo().create(
            [
                answer._get_line_answer_values(
                    line.question_id, line.answer_id.id, "suggestion"
                )
                for line in answered
            ]
        )
        answer.sudo()._mark_done()
        return answer


class CommsAwarenessTestEntryLine(models.TransientModel):
    _name = "comms.awareness.test.entry.line"
    _description = "Answer Typed In"

    wizard_id = fields.Many2one(
        "comms.awareness.test.entry",
        string="Sheet",
        required=True,
        ondelete="cascade",
    )
    question_id = fields.Many2one("survey.question", required=True)
    answer_id = fields.Many2one(
        "survey.question.answer",
        string="Answer Ticked",
        domain="[('question_id', '=', question_id)]",
    )
