# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models

# risk communication: three key messages in 27 words, said in 9 seconds
MAX_WORDS = 27
WORDS_PER_SECOND = 3


class CommsMessageMap(models.Model):
    """What to say to one stakeholder's question: three key messages, each
    with three supporting facts."""

    _name = "comms.message.map"
    _description = "Message Map"
    _order = "sequence, id"

    name = fields.Char(string="Question", required=True, translate=True)
    sequence = fields.Integer(default=10)
    stakeholder = fields.Char(translate=True, help="Who asks: patients, families…")
    scenario_id = fields.Many2one(
        "comms.crisis.scenario", ondelete="cascade", index="btree_not_null"
    )
    crisis_id = fields.Many2one(
        "comms.crisis", ondelete="cascade", index="btree_not_null"
    )
    key_message_1 = fields.Text(translate=True)
    fact_1_1 = fields.Text(string="Fact 1.1", translate=True)
    fact_1_2 = fields.Text(string="Fact 1.2", translate=True)
    fact_1_3 = fields.Text(string="Fact 1.3", translate=True)
    key_message_2 = fields.Text(translate=True)
    fact_2_1 = fields.Text(string="Fact 2.1", translate=True)
    fact_2_2 = fields.Text(string="Fact 2.2", translate=True)
    fact_2_3 = fields.Text(string="Fact 2.3", translate=True)
    key_message_3 = fields.Text(translate=True)
    fact_3_1 = fields.Text(string="Fact 3.1", translate=True)
    fact_3_2 = fields.Text(string="Fact 3.2", translate=True)
    fact_3_3 = fields.Text(string="Fact 3.3", translate=True)
    word_count = fields.Integer(
        string="Words", compute="_compute_word_count", help="Of the three key messages."
    )
    seconds = fields.Integer(string="Seconds to Say", compute="_compute_word_count")
    is_too_long = fields.Boolean(compute="_compute_word_count")

    @api.depends("key_message_1", "key_message_2", "key_message_3")
    def _compute_word_count(self):
        for mmap in self:
            text = " ".join(
                filter(
                    None, (mmap.key_message_1, mmap.key_message_2, mmap.key_message_3)
                )
            )
            words = len(re.findall(r"\w+(?:['’-]\w+)*", text))
            mmap.word_count = words
            mmap.seconds = -(-words // WORDS_PER_SECOND)
            mmap.is_too_long = words > MAX_WORDS

    def _key_messages(self):
        """The key messages with their facts, for the report."""
        self.ensure_one()
        return [
            (
                self[f"key_message_{n}"],
                [self[f"fact_{n}_{m}"] for m in (1, 2, 3) if self[f"fact_{n}_{m}"]],
            )
            for n in (1, 2, 3)
            if self[f"key_message_{n}"]
        ]
