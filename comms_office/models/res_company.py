# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import bisect
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _default_comms_calendar(self):
        return self.env.ref(
            "comms_office.resource_calendar_sun_thu", raise_if_not_found=False
        )

    comms_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Office Working Calendar",
        default=lambda self: self._default_comms_calendar(),
        help="Working days and public holidays used to count the office's "
        "deadlines (complaints, media inquiries).",
    )
    comms_ack_days = fields.Integer(
        string="Acknowledge Within (working days)",
        default=3,
        help="Deadline to acknowledge a complaint received at the desk, by phone "
        "or on paper. Web form and email submissions are acknowledged at once.",
    )
    comms_answer_days = fields.Integer(
        string="Answer Within (working days)",
        default=20,
    )
    comms_inquiry_hours = fields.Integer(
        string="Media Inquiry Default Deadline (working hours)",
        default=24,
    )

    comms_director_budget_threshold = fields.Monetary(
        string="Director Approval Above",
        currency_field="currency_id",
        default=1000000.0,
        help="Campaigns with a budget above this amount are also approved by "
        "the director. Zero: the head of office approves every campaign alone.",
    )

    # complaints
    comms_head_id = fields.Many2one(
        "res.users",
        string="Head of Communication Office",
        domain="[('share', '=', False)]",
        help="Reminded, with the assignee, of complaints that are late or due soon.",
    )
    comms_complaint_retention_years = fields.Integer(
        string="Keep Complainants' Data (years)",
        default=5,
        help="Complaints are anonymised this many years after their last step "
        "(closing or cancelling, else the answer, else the receipt), whatever "
        "their state (Law 18-07); 0 keeps them forever.",
    )

    # internal communication
    comms_request_days = fields.Integer(
        string="Handle Requests Within (working days)",
        default=5,
        help="Deadline of the office to handle a department's request, counted "
        "from its filing on the working calendar.",
    )
    comms_announcement_reminder_days = fields.Integer(
        string="Remind Unconfirmed Readers After (days)",
        default=2,
        help="Staff who have not confirmed reading a mandatory announcement "
        "are reminded this many days after it went out.",
    )

    _comms_deadlines_positive = models.Constraint(
        "CHECK(comms_ack_days >= 0 AND comms_answer_days > 0 "
        "AND comms_inquiry_hours > 0)",
        "Deadlines must be positive.",
    )

    # ------------------------------------------------------------
    # WORKING-DAY DEADLINES
    # ------------------------------------------------------------

    def _comms_calendar_tz(self):
        calendar = self.comms_calendar_id
        return pytz.timezone(calendar.tz or "Africa/Algiers") if calendar else pytz.utc

    def _comms_local_date(self, moment):
        """The day of ``moment`` (naive UTC datetime) where the office works."""
        self.ensure_one()
        return pytz.utc.localize(moment).astimezone(self._comms_calendar_tz()).date()

    def _comms_add_working_days(self, start, days):
        """The ``days``-th working day after ``start`` on the office's calendar.

        ``start`` is a day, or a naive UTC datetime whose local day is taken:
        that day itself never counts, whatever the hour. Holidays are the
        calendar's leaves without resource. Without a calendar, calendar days.
        """
        self.ensure_one()
        if isinstance(start, datetime):
            start = self._comms_local_date(start)
        calendar = self.comms_calendar_id
        if not calendar or days <= 0:
            return start + timedelta(days=max(days, 0))
        tz = self._comms_calendar_tz()
        end = calendar.plan_days(
            days,
            tz.localize(datetime.combine(start + timedelta(days=1), time.min)),
            compute_leaves=True,
        )
        return end.astimezone(tz).date() if end else False

    def _comms_count_working_days(self, spans):
        """The working days of each span ``(first, last)`` of local days on the
        office's calendar, ``first`` excluded and ``last`` included (the
        counting of ``_comms_add_working_days``), as ``{span: days}``.

        The calendar is read once for all the spans. Without a calendar,
        calendar days.
        """
        self.ensure_one()
        spans = {(first, last) for first, last in spans if first and last}
        if not spans:
            return {}
        calendar = self.comms_calendar_id
        if not calendar:
            return {span: max((span[1] - span[0]).days, 0) for span in spans}
        tz = self._comms_calendar_tz()
        start = min(first for first, _last in spans) + timedelta(days=1)
        stop = max(last for _first, last in spans) + timedelta(days=1)
        if stop <= start:
            return dict.fromkeys(spans, 0)
        intervals = calendar._work_intervals_batch(
            tz.localize(datetime.combine(start, time.min)),
            tz.localize(datetime.combine(stop, time.min)),
            tz=tz,
        )[False]
        working = sorted(
            {begin.astimezone(tz).date() for begin, _end, _meta in intervals}
        )
        return {
            (first, last): max(
                bisect.bisect_right(working, last)
                - bisect.bisect_right(working, first),
                0,
            )
            for first, last in spans
        }

    def _comms_add_working_hours(self, start, hours):
        """``start`` (naive UTC datetime) plus ``hours`` working hours on the
        office's calendar, as a naive UTC datetime: outside working hours the
        count starts with the next working period. Without a calendar, hours
        of the clock."""
        self.ensure_one()
        calendar = self.comms_calendar_id
        if not calendar or hours <= 0:
            return start + timedelta(hours=max(hours, 0))
        end = calendar.plan_hours(hours, pytz.utc.localize(start), compute_leaves=True)
        return end.astimezone(pytz.utc).replace(tzinfo=None) if end else False

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _comms_lang(self):
        """The institution's own language: its contact's, else the default
        language of new contacts, else the first active one, English last."""
        self.ensure_one()
        Lang = self.env["res.lang"]
        if self.partner_id.lang and Lang._get_code(self.partner_id.lang):
            return self.partner_id.lang
        code = self.env["ir.default"]._get("res.partner", "lang")
        if code and Lang._get_code(code):
            return code
        codes = [code for code, _name in Lang.get_installed()]
        return next((code for code in codes if code != "en_US"), "en_US")

    def _comms_lang_variant(self, base):
        """The active language the institution uses for the base language
        ``base`` ("ar", "fr"…), or ``False``: its own language when it is a
        variant of ``base``, Algerian Arabic (shipped by the module) before
        the generic one, then the main variant, then any other."""
        self.ensure_one()
        if not base:
            return False
        Lang = self.env["res.lang"]
        own = self._comms_lang()
        if own.split("_")[0] == base:
            return own
        preferred = {"ar": ("ar_DZ", "ar_001"), "fr": ("fr_FR",), "en": ("en_US",)}
        for code in preferred.get(base, ()):
            if Lang._get_code(code):
                return code
        return next(
            (
                code
                for code, _name in Lang.get_installed()
                if code.split("_")[0] == base
            ),
            False,
        )

    def _comms_tz(self):
        """The institution's time zone: its office calendar's, else its own."""
        self.ensure_one()
        return pytz.timezone(self.comms_calendar_id.tz or self.partner_id.tz or "UTC")

    def _comms_complaint_sequence(self):
        """The numbering of the company's complaints register, made the first
        time the company registers a complaint."""
        self.ensure_one()
        # sudo: numberings are configuration; the code below decides which one
        Sequence = self.env["ir.sequence"].sudo()
        # the sequence next_by_code would choose
        sequence = Sequence.search(
            [("code", "=", "comms.complaint"), ("company_id", "in", [self.id, False])],
            order="company_id",
            limit=1,
        )
        return sequence or Sequence.create(
            {
                "name": f"Complaints Register ({self.name})",
                "code": "comms.complaint",
                "prefix": "REC-%(range_year)s-",
                "padding": 5,
                "use_date_range": True,
                "company_id": self.id,
            }
        )

    @api.model
    def _comms_init_calendar(self):
        """Give companies that existed before the module the office's calendar."""
        calendar = self._default_comms_calendar()
        if calendar:
            self.search(
                [("comms_calendar_id", "=", False)]
            ).comms_calendar_id = calendar
