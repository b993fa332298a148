# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models

AMEC_LEVELS = [
    ("input", "Input"),
    ("activity", "Activity"),
    ("output", "Output"),
    ("outtake", "Out-take"),
    ("outcome", "Outcome"),
    ("impact", "Impact"),
]

# automatic sources fed by materials, publications, coverage and inquiries
MEDIA_INDICATOR_SOURCES = [
    ("material_count", "Materials produced"),
    ("publication_count", "Publications"),
    ("publication_reach", "Reach of publications"),
    ("publication_views", "Views of publications"),
    ("publication_engagement", "Engagement on publications"),
    ("coverage_count", "Media clippings"),
    ("coverage_positive", "Positive clippings"),
    ("coverage_neutral", "Neutral clippings"),
    ("coverage_negative", "Negative clippings"),
    ("coverage_favourable_rate", "Positive or neutral clippings (%)"),
    ("coverage_reach", "Reach of clippings"),
    ("coverage_key_message", "Clippings carrying a key message"),
    ("inquiry_count", "Media inquiries"),
    ("inquiry_on_time_rate", "Media inquiries answered on time (%)"),
]
# automatic sources fed by awareness programmes
PROGRAM_INDICATOR_SOURCES = [
    ("session_held", "Sessions held"),
    ("session_held_rate", "Sessions held against planned (%)"),
    ("people_reached", "People reached"),
    ("people_reached_female", "Women and girls reached"),
    ("commune_reached", "Communes reached"),
    ("knowledge_gain", "Knowledge gain (points)"),
    ("knowledge_improved_rate", "Participants who improved (%)"),
    ("materials_distributed", "Materials distributed"),
]


class CommsIndicator(models.Model):
    """An indicator at a level of the AMEC Integrated Evaluation Framework.

    It belongs to one of several optional records (a campaign, an event, a
    crisis or an awareness programme). Its actual value is either typed in
    or read from what the module knows, see ``auto_source``.
    """

    _name = "comms.indicator"
    _description = "Evaluation Indicator"
    _order = "campaign_id, event_id, sequence, id"

    name = fields.Char(string="Indicator", required=True, translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    crisis_id = fields.Many2one(
        "comms.crisis", ondelete="cascade", index="btree_not_null"
    )
    campaign_id = fields.Many2one(
        "comms.campaign", ondelete="cascade", index="btree_not_null"
    )
    event_id = fields.Many2one(
        "event.event",
        ondelete="cascade",
        index="btree_not_null",
        domain="[('is_comms_event', '=', True)]",
    )
    program_id = fields.Many2one(
        "comms.awareness.program",
        string="Programme",
        ondelete="cascade",
        index="btree_not_null",
    )
    level = fields.Selection(
        AMEC_LEVELS,
        required=True,
        default="output",
        help="Input: what was put in. Activity: what was done. Output: what "
        "reached the audience. Out-take: what they understood and remembered. "
        "Outcome: what they did. Impact: the change for the institution and "
        "public health.",
    )
    unit = fields.Char(translate=True, help="e.g. people, %, articles")
    # indicators of a campaign measure different things: never add them up
    baseline = fields.Float(aggregator=None)
    target = fields.Float(aggregator=None)
    auto_source = fields.Selection(
        [
            ("manual", "Entered by hand"),
            ("mailing_count", "Mailings"),
            ("mailing_sent", "Emails sent"),
            ("mailing_delivered", "Emails delivered"),
            ("mailing_opened", "Emails opened"),
            ("mailing_clicked", "Emails clicked"),
            ("mailing_bounced", "Emails bounced"),
            ("audience_size", "Estimated audience"),
            ("audience_reached", "Audience reached by email"),
            ("milestone_done", "Milestones done"),
            ("event_count", "Events held"),
            ("guest_invited", "Guests invited"),
            ("guest_attended", "Guests who attended"),
            ("attendance_rate", "Attendance rate (%)"),
            ("survey_answers", "Satisfaction survey answers"),
            ("survey_satisfaction", "Average satisfaction (%)"),
            *MEDIA_INDICATOR_SOURCES,
            ("crisis_first_statement_minutes", "Minutes to the first statement"),
            ("crisis_clocks_kept", "Crisis clocks kept (%)"),
            ("crisis_rumours_on_time", "Rumours answered on time (%)"),
            *PROGRAM_INDICATOR_SOURCES,
        ],
        string="Actual From",
        required=True,
        default="manual",
        help="Events held, guests, attendance and survey answers are counted on "
        "the event itself, or over the events of the campaign; sessions, "
        "people reached and knowledge gain on the programme.",
    )
    actual_manual = fields.Float(string="Actual (by hand)", aggregator=None)
    actual = fields.Float(
        compute="_compute_actual",
        inverse="_inverse_actual",
        help="Filled from the module's data unless entered by hand.",
    )
    achievement = fields.Float(
        compute="_compute_achievement",
        help="Share of the way from the baseline to the target.",
    )
    achievement_display = fields.Char(
        string="Achievement (%)",
        compute="_compute_achievement",
        help="Share of the way from the baseline to the target; a dash while the "
        "indicator has no target.",
    )
    source = fields.Char(
        string="Data Source",
        help="Where the actual value comes from: survey, hospital records, "
        "vaccination register…",
    )
    note = fields.Text()

    _one_parent = models.Constraint(
        "CHECK(num_nonnulls(campaign_id, event_id, crisis_id, program_id) <= 1)",
        "An indicator measures one campaign, event, crisis or programme, not several.",
    )

    @api.depends("auto_source", "actual_manual")
    def _compute_actual(self):
        auto = self.filtered(lambda i: i.auto_source != "manual")
        values = auto._get_auto_actual_values() if auto else {}
        for indicator in self:
            if indicator.auto_source == "manual":
                indicator.actual = indicator.actual_manual
            else:
                indicator.actual = values.get(indicator._origin.id, 0.0)

    def _inverse_actual(self):
        for indicator in self.filtered(lambda i: i.auto_source == "manual"):
            indicator.actual_manual = indicator.actual

    @api.depends_context("lang")
    @api.depends("baseline", "target", "actual")
    def _compute_achievement(self):
        for indicator in self:
            span = indicator.target - indicator.baseline
            if span:
                achievement = (indicator.actual - indicator.baseline) / span
            elif indicator.target:
                achievement = indicator.actual / indicator.target
            else:
                achievement = None
            indicator.achievement = max(achievement or 0.0, 0.0)
            indicator.achievement_display = self.env[
                "res.lang"
            ]._comms_format_percentage(
                None if achievement is None else indicator.achievement * 100,
                digits=0,
            )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.env["event.event"]._comms_set_company(vals_list)
        return super().create(vals_list)

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _get_auto_actual_values(self):
        """Return ``{indicator_id: value}`` for indicators filled automatically.

        Extend it for the records other modules attach indicators to; each
        override reads its records' values in one batch.
        """
        values = {}
        campaign_indicators = self.filtered("campaign_id")
        known = campaign_indicators.campaign_id._comms_indicator_values()
        for indicator in campaign_indicators:
            campaign_values = known.get(indicator.campaign_id.id, {})
            values[indicator.id] = campaign_values.get(indicator.auto_source, 0.0)
        # the figures of an event are the event's own: whoever may read the
        # indicator reads them, staff included, who have no access to events
        event_indicators = self.filtered("event_id")
        known = event_indicators.event_id.sudo()._comms_indicator_values()
        for indicator in event_indicators:
            event_values = known.get(indicator.event_id.id, {})
            values[indicator.id] = event_values.get(indicator.auto_source, 0.0)
        crisis_indicators = self.filtered("crisis_id")
        known = crisis_indicators.crisis_id._comms_indicator_values()
        for indicator in crisis_indicators:
            crisis_values = known.get(indicator.crisis_id.id, {})
            values[indicator.id] = crisis_values.get(indicator.auto_source, 0.0)
        program_indicators = self.filtered("program_id")
        known = program_indicators.program_id._comms_indicator_values()
        for indicator in program_indicators:
            program_values = known.get(indicator.program_id.id, {})
            values[indicator.id] = program_values.get(indicator.auto_source, 0.0)
        return values

    @api.model
    def _get_media_values(self, records, field):
        """Materials, publications, clippings and inquiries of ``records``, for
        the automatic sources of indicators, in one batch.

        ``records`` are campaigns or events, read with their own environment;
        ``field`` is the many2one that links the media records to them (a model
        without that field counts nothing). Return ``{record_id: {source:
        value}}``.
        """
        env = records.env
        domain = [(field, "in", records.ids)]
        res = defaultdict(lambda: dict.fromkeys(dict(MEDIA_INDICATOR_SOURCES), 0.0))

        def read_group(model, groupby, aggregates):
            if field not in env[model]._fields:
                return []
            return env[model]._read_group(domain, [field, *groupby], aggregates)

        for record, count in read_group("comms.material", [], ["__count"]):
            res[record.id]["material_count"] = count
        for record, count, reach, views, engagement in read_group(
            "comms.publication",
            [],
            ["__count", "reach:sum", "views:sum", "engagement:sum"],
        ):
            res[record.id].update(
                publication_count=count,
                publication_reach=reach,
                publication_views=views,
                publication_engagement=engagement,
            )
        for record, tone, carries, count, reach in read_group(
            "comms.coverage", ["tone", "carries_key_message"], ["__count", "reach:sum"]
        ):
            values = res[record.id]
            values["coverage_count"] += count
            values[f"coverage_{tone}"] += count
            values["coverage_reach"] += reach
            if carries:
                values["coverage_key_message"] += count
        for record, count in read_group("comms.inquiry", [], ["__count"]):
            res[record.id]["inquiry_count"] = count
        if field in env["comms.inquiry"]._fields:
            rates = env["comms.inquiry"]._get_on_time_rates(domain, field)
            for record, (_answered, _on_time, rate) in rates.items():
                res[record.id]["inquiry_on_time_rate"] = rate
        for values in res.values():
            total = values["coverage_count"]
            if total:
                favourable = values["coverage_positive"] + values["coverage_neutral"]
                values["coverage_favourable_rate"] = 100.0 * favourable / total
        return {record.id: res[record.id] for record in records}
