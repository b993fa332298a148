# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .comms_figures import format_percentage

AMEC_LEVELS = [
    ("input", "Input"),
    ("activity", "Activity"),
    ("output", "Output"),
    ("outtake", "Out-take"),
    ("outcome", "Outcome"),
    ("impact", "Impact"),
]


class CommsIndicator(models.Model):
    """An indicator at a level of the AMEC Integrated Evaluation Framework.

    It belongs to one of several optional records (a campaign or an event;
    programmes and crises add their own many2one). Its actual value is either
    typed in or read from what the module knows, see ``auto_source``.
    """

    _name = "comms.indicator"
    _description = "Evaluation Indicator"
    _order = "campaign_id, event_id, sequence, id"

    name = fields.Char(string="Indicator", required=True, translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
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
        ],
        string="Actual From",
        required=True,
        default="manual",
        help="Events held, guests, attendance and survey answers are counted on "
        "the event itself, or over the events of the campaign.",
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
        "CHECK(campaign_id IS NULL OR event_id IS NULL)",
        "An indicator measures either a campaign or an event, not both.",
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
            indicator.achievement_display = format_percentage(
                self.env,
                None if achievement is None else indicator.achievement * 100,
                digits=0,
            )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        _set_company_from_event(self.env, vals_list)
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
        return values


def _set_company_from_event(env, vals_list):
    """Evaluation records of an event belong to the event's company."""
    event_ids = {
        vals["event_id"]
        for vals in vals_list
        if vals.get("event_id") and not vals.get("company_id")
    }
    if not event_ids:
        return
    events = env["event.event"].sudo().browse(event_ids)
    companies = {event.id: event.company_id.id for event in events}
    for vals in vals_list:
        if vals.get("event_id") and not vals.get("company_id"):
            company_id = companies.get(vals["event_id"])
            if company_id:
                vals["company_id"] = company_id
