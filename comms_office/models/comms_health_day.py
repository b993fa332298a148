# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from datetime import date, timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

DATE_RULES = [
    ("fixed", "Fixed date"),
    ("last_week", "Last week of the month"),
    ("month", "Whole month"),
]
MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


class CommsHealthDay(models.Model):
    """A world health day (or week, or month) of the WHO calendar.

    Its dates come from a rule, so that it falls on the right days every
    year; the office follows some of them: those show on the editorial
    calendar every year, and a scheduled action prepares, some weeks ahead,
    a draft programme or campaign from the template the office keeps here.
    """

    _name = "comms.health.day"
    _description = "World Health Day"
    _order = "month_int, day, id"

    name = fields.Char(required=True, translate=True)
    topic = fields.Char(string="Health Topic", translate=True)
    active = fields.Boolean(default=True)
    is_followed = fields.Boolean(
        string="Followed",
        help="The office marks this day: it shows on the editorial calendar "
        "every year and its programme or campaign is prepared ahead.",
    )
    # dates
    date_rule = fields.Selection(DATE_RULES, required=True, default="fixed")
    month = fields.Selection(MONTHS, required=True)
    # the month as a number, for the order and the editorial calendar's view
    month_int = fields.Integer(
        string="Month Number", compute="_compute_month_int", store=True
    )
    day = fields.Integer(default=1, help="Day of the month, for a fixed date.")
    duration_days = fields.Integer(
        string="Duration (days)",
        default=1,
        help="Number of days, for a fixed date: 7 for a week.",
    )
    next_date_start = fields.Date(string="Next Start", compute="_compute_next_dates")
    next_date_stop = fields.Date(string="Next End", compute="_compute_next_dates")
    # preparation
    lead_weeks = fields.Integer(
        string="Prepare Weeks Ahead",
        default=6,
        help="How many weeks before the day its draft is prepared.",
    )
    template_kind = fields.Selection(
        [("program", "Awareness Programme"), ("campaign", "Campaign")],
        string="Prepare",
        required=True,
        default="program",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Prepared For",
        domain="[('share', '=', False)]",
        help="Who receives the draft and its to-do; by default the head of "
        "the communication office.",
    )
    template_objectives = fields.Text(
        string="Objectives",
        translate=True,
        help="One objective per line: each becomes an indicator of the draft.",
    )
    template_audience_ids = fields.Many2many("comms.audience", string="Audiences")
    template_channel_ids = fields.Many2many("comms.channel", string="Channels")
    template_material_body = fields.Html(
        string="Draft Material",
        translate=True,
        help="A first leaflet or article, handed to the draft as a material.",
    )
    prepared_year = fields.Integer(
        readonly=True,
        copy=False,
        help="The last year whose occurrence was prepared: never twice.",
    )
    program_ids = fields.One2many(
        "comms.awareness.program", "health_day_id", string="Programmes"
    )
    campaign_ids = fields.One2many(
        "comms.campaign", "health_day_id", string="Campaigns"
    )

    _day_range = models.Constraint(
        "CHECK(day BETWEEN 1 AND 31 AND duration_days BETWEEN 1 AND 31)",
        "A day of the month runs from 1 to 31, and lasts 1 to 31 days.",
    )
    _lead_weeks_positive = models.Constraint(
        "CHECK(lead_weeks >= 0)", "The weeks ahead cannot be negative."
    )

    @api.depends("month")
    def _compute_month_int(self):
        for health_day in self:
            health_day.month_int = int(health_day.month or 0)

    @api.depends("date_rule", "month", "day", "duration_days")
    def _compute_next_dates(self):
        today = fields.Date.context_today(self)
        for health_day in self:
            start, stop = health_day._next_occurrence(today)
            health_day.next_date_start = start
            health_day.next_date_stop = stop

    @api.constrains("date_rule", "month", "day")
    def _check_day_in_month(self):
        for health_day in self.filtered(lambda d: d.date_rule == "fixed"):
            # checked on a leap year: 29 February is a day of the calendar
            if health_day.day > calendar.monthrange(2024, int(health_day.month))[1]:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the month has no day %(day)s.",
                        name=health_day.name,
                        day=health_day.day,
                    )
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_prepare(self):
        """Prepare the next occurrence now, from the day's form."""
        self.env["res.users"]._comms_check_role(
            "officer", self.env._("prepare a health day")
        )
        # prepared by hand: for whoever prepares it, unless the day names
        # someone
        created = self._prepare_occurrences(
            fields.Date.context_today(self), force=True, user=self.env.user
        )
        if len(created) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": created[0]._name,
                "res_id": created[0].id,
                "views": [(False, "form")],
                "target": "current",
            }
        return True

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _get_dates(self, year):
        """First and last day of the occurrence of ``year``."""
        self.ensure_one()
        month = int(self.month)
        last_day = calendar.monthrange(year, month)[1]
        if self.date_rule == "month":
            return date(year, month, 1), date(year, month, last_day)
        if self.date_rule == "last_week":
            return date(year, month, last_day - 6), date(year, month, last_day)
        # 29 February falls on the 28th in the other years
        start = date(year, month, min(self.day, last_day))
        return start, start + timedelta(days=max(self.duration_days, 1) - 1)

    def _next_occurrence(self, today):
        """The occurrence that is on or still to come from ``today``."""
        self.ensure_one()
        if not self.month:
            return False, False
        start, stop = self._get_dates(today.year)
        if stop < today:
            start, stop = self._get_dates(today.year + 1)
        return start, stop

    @api.model
    def _cron_prepare_followed_days(self):
        days = self.search([("is_followed", "=", True)])
        days._prepare_occurrences(fields.Date.context_today(self))

    def _prepare_occurrences(self, today, force=False, user=None):
        """Create the draft programme or campaign of each day whose next
        occurrence is within its weeks ahead (any time before it with
        ``force``), for ``user`` if the day names nobody, once per day and
        year: a year already prepared, or that has a programme or campaign for
        the day already, is skipped. Return the records created."""
        created = []
        due = []
        for health_day in self:
            start, _stop = health_day._next_occurrence(today)
            if not start or health_day.prepared_year >= start.year:
                continue
            if force or start - timedelta(weeks=health_day.lead_weeks) <= today:
                due.append((health_day, start.year))
        if not due:
            return created
        # the days already served by a record of that year, in two queries
        served = set()
        years = {year for _day, year in due}
        for model in ("comms.awareness.program", "comms.campaign"):
            for health_day, year in (
                self.env[model]
                .sudo()
                ._read_group(
                    [
                        ("health_day_id", "in", [d.id for d, _y in due]),
                        ("health_day_year", "in", list(years)),
                    ],
                    ["health_day_id", "health_day_year"],
                )
            ):
                served.add((health_day.id, year))
        for health_day, year in due:
            # sudo: the draft is prepared by the scheduled action or an
            # officer for the head of office, who may not be the current user
            health_day.sudo().prepared_year = year
            if (health_day.id, year) in served:
                continue
            created.append(health_day._prepare_occurrence(year, user=user))
        return created

    def _prepare_occurrence(self, year, user=None):
        """Create the draft of ``year`` from the template, with a to-do."""
        self.ensure_one()
        start, stop = self._get_dates(year)
        user = self.user_id or user or self._default_head_of_office()
        objectives = [
            line.strip()
            for line in (self.template_objectives or "").splitlines()
            if line.strip()
        ]
        name = self.env._("%(day)s %(year)s", day=self.name, year=year)
        values = {
            "name": name,
            "health_day_id": self.id,
            "health_day_year": year,
            "date_start": start - timedelta(weeks=2),
            "date_end": stop,
            "audience_ids": [Command.set(self.template_audience_ids.ids)],
            "user_id": user.id,
            "indicator_ids": [
                Command.create({"name": objective, "level": "outcome"})
                for objective in objectives
            ],
        }
        if self.template_kind == "campaign":
            values["channel_ids"] = [Command.set(self.template_channel_ids.ids)]
        else:
            values["topic"] = self.topic or self.name
        # sudo: prepared for the head of office by the scheduled action
        record = self.env[self._template_model()].sudo().create(values)
        if self.template_material_body:
            link = "campaign_id" if self.template_kind == "campaign" else "program_id"
            self.env["comms.material"].sudo().create(
                {
                    "name": name,
                    "material_type": "leaflet",
                    "body": self.template_material_body,
                    "user_id": user.id,
                    link: record.id,
                }
            )
        record.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=start - timedelta(weeks=2),
            summary=self.env._("Prepare %(day)s", day=self.name),
            user_id=user.id,
        )
        return record

    def _template_model(self):
        self.ensure_one()
        if self.template_kind == "campaign":
            return "comms.campaign"
        return "comms.awareness.program"

    @api.model
    def _default_head_of_office(self):
        heads = self.env.ref("comms_office.group_comms_manager").sudo().all_user_ids
        heads = heads.filtered(lambda u: u.active and not u.share).sorted("id")
        directors = self.env.ref("comms_office.group_comms_director").sudo()
        return (heads - directors.all_user_ids)[:1] or heads[:1] or self.env.user
