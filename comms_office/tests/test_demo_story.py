# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo data tells one story of EPH Médéa, whatever the day it is installed.

The test database has no demo data: the tests load the module's demo files
into their transaction the way Odoo does when it installs them, then check
the story with :func:`demo_story_problems`.
"""

import re
from datetime import date, datetime

import pytz
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.modules.module import Manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools import convert_file

MODULE = "comms_office"
# a function is called a director by one of these words, in French or English
DIRECTOR_RE = re.compile(r"^(directeur|directrice|director)\b", re.IGNORECASE)
COMPLAINT_STATES = {"new", "acknowledged", "investigation", "answered", "closed"}


def load_demo(env):
    """Load the module's demo files in manifest order, as an install does."""
    idref = {}
    for filename in Manifest.for_addon(MODULE)["demo"]:
        convert_file(env(su=True), MODULE, filename, idref, "init", noupdate=True)
    env.flush_all()


def _local_date(value, tz):
    return pytz.utc.localize(value).astimezone(pytz.timezone(tz or "UTC")).date()


class _Story:
    """What the checks share: the date, the records and the problems found."""

    def __init__(self, env):
        self.env = env
        self.problems = []
        self.now = fields.Datetime.now()
        self.today = self.now.date()
        self.director = self.ref("user_director_demo")
        self.head = self.ref("user_head_demo")
        self.maternity = self.ref("comms_department_maternity_demo")
        self.plan = self.ref("comms_plan_demo")
        data = env["ir.model.data"].search([("module", "=", MODULE)])
        self.partners = env["res.partner"].browse(
            data.filtered(lambda d: d.model == "res.partner").mapped("res_id")
        )
        self.users = env["res.users"].browse(
            data.filtered(lambda d: d.model == "res.users").mapped("res_id")
        )
        self.complaints = env["comms.complaint"].search([])
        self.campaigns = env["comms.campaign"].search([])
        self.events = env["event.event"].search([("is_comms_event", "=", True)])

    def ref(self, xmlid):
        return self.env.ref(f"{MODULE}.{xmlid}")

    def check(self, condition, message, *args):
        if not condition:
            self.problems.append(message % args if args else message)

    def check_over(self, label, day):
        """The latest occurrence that is over: this year's or last year's."""
        self.check(
            day < self.today <= day + relativedelta(years=1),
            "%s: %s is the latest one over.",
            label,
            day,
        )

    def check_next(self, label, day):
        self.check(
            self.today < day <= self.today + relativedelta(years=1),
            "%s: %s is the next one.",
            label,
            day,
        )


def demo_story_problems(env):
    """What contradicts the demo's story, as sentences; empty when it holds.

    Run it at the date the demo was loaded: it checks the cast (one director
    who is the spokesperson, one head of office, a head for every department
    with complaints), the calendar (the plan of the current year, health days
    on their real day, what is over in the past and what is announced in the
    future, announcement before event before clippings) and the threads (the
    maternity opening from plan to indicators, a month of complaints).
    """
    story = _Story(env)
    for check_part in (
        _check_cast,
        _check_calendar,
        _check_health_days,
        _check_order,
        _check_maternity,
        _check_complaints,
    ):
        check_part(story)
    return story.problems


def _check_cast(story):
    """One director who is the spokesperson, one head of office, a head for
    every department with complaints, one name per person."""
    check, director, head = story.check, story.director, story.head
    directors = story.users.filtered(
        lambda u: u.has_group("comms_office.group_comms_director")
    )
    check(directors == director, "One director, not %s.", directors.mapped("name"))
    people = (story.partners | story.users.partner_id).filtered(
        lambda p: not p.is_company
    )
    called_director = people.filtered(lambda p: DIRECTOR_RE.match(p.function or ""))
    check(
        called_director == director.partner_id,
        "Only the director is called a director: %s.",
        called_director.mapped("name"),
    )
    speakers = story.env["comms.spokesperson"].search([])
    director_speakers = speakers.filtered(lambda s: DIRECTOR_RE.match(s.function or ""))
    check(
        len(director_speakers) == 1
        and director_speakers.user_id == director
        and director_speakers.partner_id == director.partner_id,
        "The spokesperson presented as director is the director user.",
    )
    heads = story.users.filtered(
        lambda u: (
            u.has_group("comms_office.group_comms_manager")
            and not u.has_group("comms_office.group_comms_director")
        )
    )
    check(
        heads == head and story.env.company.comms_head_id == head,
        "One head of office, %s, not %s.",
        head.name,
        heads.mapped("name"),
    )
    names = people.mapped("name")
    check(
        len(names) == len(set(names)),
        "Each person has one name: %s.",
        sorted({n for n in names if names.count(n) > 1}),
    )
    for department in story.complaints.department_id:
        check(department.head_id, "%s has complaints but no head.", department.name)
    for complaint in story.complaints:
        check(
            complaint.user_id == complaint.department_id.head_id,
            "%s is assigned to the head of %s.",
            complaint.name,
            complaint.department_id.name,
        )
    check(
        story.ref("comms_spokesperson_maternity_demo").user_id
        == story.maternity.head_id,
        "The maternity's spokesperson is the head of the maternity.",
    )
    landing = story.env.ref("comms_office.comms_work_item_action_server_landing")
    office = story.users.filtered(
        lambda u: u.has_group("comms_office.group_comms_user")
    )
    check(
        all(user.action_id.id == landing.id for user in office),
        "Everyone in the office opens Odoo on their work: %s do not.",
        office.filtered(lambda u: u.action_id.id != landing.id).mapped("login"),
    )


def _check_calendar(story):
    """The plan of the current year; what is over is in the past, what is
    announced in the future."""
    check, today, now, plan = story.check, story.today, story.now, story.plan
    check(
        str(today.year) in plan.name
        and plan.date_start == date(today.year, 1, 1)
        and plan.date_end == date(today.year, 12, 31),
        "The plan is this year's: %s (%s to %s).",
        plan.name,
        plan.date_start,
        plan.date_end,
    )
    for campaign in story.campaigns:
        if campaign.plan_id:
            check(
                campaign.plan_id.date_start
                <= campaign.date_start
                <= campaign.date_end
                <= campaign.plan_id.date_end,
                "%s lies within its plan's year.",
                campaign.name,
            )
        if campaign.state == "done":
            check(campaign.date_end < today, "%s is over.", campaign.name)
        elif campaign.state == "running":
            check(
                campaign.date_start <= today <= campaign.date_end,
                "%s is running today.",
                campaign.name,
            )
        else:
            check(today < campaign.date_start, "%s is ahead.", campaign.name)
    for milestone in story.campaigns.milestone_ids:
        done = milestone.state == "done"
        check(
            (milestone.date_deadline <= today)
            if done
            else (milestone.date_deadline >= today),
            "%s: done in the past, or to do and not late.",
            milestone.name,
        )
    for event in story.events:
        statuses = set(event.registration_ids.mapped("rsvp_status"))
        if event.stage_id.pipe_end:
            check(
                event.date_end < now and not statuses & {"invited", "confirmed"},
                "%s is over and its guests came or not.",
                event.name,
            )
        else:
            check(
                now < event.date_begin and not statuses & {"attended", "no_show"},
                "%s is ahead and nobody attended it yet.",
                event.name,
            )
    # nothing left overdue because the demo skipped a step
    late = story.env["mail.activity"].search(
        [("res_model", "like", "comms."), ("date_deadline", "<", today)]
    )
    check(not late, "Overdue activities: %s.", late.mapped("summary"))


def _check_health_days(story):
    """Health-day items on their real day: the latest one over for what was
    held, the next one for what is announced."""
    check, ref = story.check, story.ref
    # World Health Day, 7 April: the vaccination campaign, over
    whd = ref("comms_campaign_whd_demo")
    year = whd.date_start.year
    check(
        whd.date_start <= date(year, 4, 7) <= whd.date_end,
        "The World Health Day campaign runs over 7 April.",
    )
    story.check_over("World Health Day campaign", whd.date_end)
    for record in (
        ref("comms_campaign_milestone_whd_2_demo"),
        ref("comms_coverage_whd_radio_demo"),
    ):
        day = record.date_deadline if "date_deadline" in record else record.date
        check(day == date(year, 4, 7), "%s is on World Health Day.", record.name)
    # World Immunization Week, last week of April: the open day, a Saturday
    open_day = ref("event_open_day_vaccination_demo")
    day = _local_date(open_day.date_begin, open_day.date_tz)
    check(
        date(year, 4, 24) <= day <= date(year, 4, 30) and day.weekday() == 5,
        "The open day is the Saturday of World Immunization Week, not %s.",
        day,
    )
    # World Diabetes Day, 14 November: the health fair, held
    fair = ref("event_fair_diabetes_demo")
    day = _local_date(fair.date_begin, fair.date_tz)
    check((day.month, day.day) == (11, 14), "The diabetes fair is on 14 November.")
    story.check_over("Diabetes fair", day)
    # World No Tobacco Day, 31 May: the campaign, announced
    tobacco = ref("comms_campaign_tobacco_demo")
    year = tobacco.date_start.year
    check(
        tobacco.date_start <= date(year, 5, 31) <= tobacco.date_end
        and ref("comms_campaign_milestone_tobacco_1_demo").date_deadline
        == date(year, 5, 31),
        "The No Tobacco campaign runs over 31 May.",
    )
    story.check_next("No Tobacco campaign", tobacco.date_start)


def _check_order(story):
    """Announcement, then event, then clippings; nothing dated in the future
    that already happened."""
    check, env, today, now = story.check, story.env, story.today, story.now
    for event in story.events:
        local_day = _local_date(event.date_begin, event.date_tz)
        materials = env["comms.material"].search([("event_id", "=", event.id)])
        for dispatch in materials.dispatch_ids:
            check(
                dispatch.date_sent < event.date_begin,
                "%s was sent before %s.",
                dispatch.material_id.name,
                event.name,
            )
        for publication in materials.publication_ids:
            check(
                publication.date <= local_day,
                "%s was published before %s.",
                publication.display_name,
                event.name,
            )
        for coverage in env["comms.coverage"].search([("event_id", "=", event.id)]):
            check(
                local_day <= coverage.date,
                "%s reports on %s after it.",
                coverage.name,
                event.name,
            )
    past = [*env["comms.coverage"].search([]), *env["comms.publication"].search([])]
    for record in past:
        check(record.date <= today, "%s is in the past.", record.display_name)
    for trace in env["mailing.trace"].search([]):
        times = [trace.sent_datetime, trace.open_datetime, trace.reply_datetime]
        times = [t for t in times if t]
        check(
            times == sorted(times) and all(t <= now for t in times),
            "The email to %s was sent, opened and answered in order.",
            trace.email,
        )
    for inquiry in env["comms.inquiry"].search([]):
        check(
            inquiry.date_received <= (inquiry.date_answered or now) <= now,
            "%s was answered after it was asked.",
            inquiry.name,
        )


def _check_maternity(story):
    """The maternity opening, end to end: plan, campaign, press release sent
    and opened, press conference, clippings, indicators with data."""
    check, ref = story.check, story.ref
    campaign = ref("comms_campaign_maternity_demo")
    conference = ref("event_press_maternity_demo")
    release = ref("comms_material_maternity_fr_demo")
    check(campaign.plan_id == story.plan, "The maternity campaign is in the plan.")
    check(conference.campaign_id == campaign, "The conference serves the campaign.")
    check(
        release.campaign_id == campaign and release.event_id == conference,
        "The press release belongs to the campaign and announces the conference.",
    )
    check(
        release.dispatch_delivered
        and release.dispatch_opened
        and release.dispatch_ids.media_list_ids,
        "The press release went to media lists, delivered and opened: %s "
        "delivered, %s opened.",
        release.dispatch_delivered,
        release.dispatch_opened,
    )
    check(
        campaign.mailing_delivered and campaign.mailing_opened,
        "The campaign counts the release's deliveries and opens.",
    )
    check(
        conference.comms_coverage_count and conference.guest_attended_count,
        "The conference has guests who came and clippings.",
    )
    head_of_maternity = story.maternity.head_id
    for name in (story.director.name, head_of_maternity.name):
        check(name in release.body, "The press release names %s.", name)
    check(
        conference.comms_session_ids.speaker_id
        >= story.director.partner_id | head_of_maternity.partner_id,
        "The director and the head of the maternity speak at the conference.",
    )
    indicators = story.env["comms.indicator"].search([("auto_source", "!=", "manual")])
    for indicator in indicators:
        check(
            indicator.actual,
            "%s (%s) has data behind it.",
            indicator.name,
            indicator.campaign_id.name or indicator.event_id.name,
        )


def _check_complaints(story):
    """A month of complaints: every state, both languages, in order, one
    sensitive answer approved by the head of office."""
    check, complaints, now = story.check, story.complaints, story.now
    states = set(complaints.mapped("state"))
    check(
        COMPLAINT_STATES | {"cancel"} <= states,
        "Every state of a complaint: %s.",
        sorted(states),
    )
    check(
        {"ar", "fr"} <= {(c.lang or "").split("_")[0] for c in complaints},
        "Complaints in Arabic and in French.",
    )
    approved = complaints.filtered(
        lambda c: (
            c.is_sensitive
            and c.validation_status == "validated"
            and any(
                r.status == "approved"
                and r.done_by.has_group("comms_office.group_comms_manager")
                for r in c.review_ids
            )
        )
    )
    check(approved, "A sensitive answer approved by the head of office.")
    for complaint in complaints:
        dates = [
            complaint.date_received,
            complaint.date_acknowledged,
            complaint.date_answered,
            complaint.date_closed,
        ]
        dates = [d for d in dates if d]
        check(
            dates == sorted(dates)
            and all(d <= now for d in dates)
            and complaint.date_received >= now - relativedelta(days=45),
            "%s happened this month, in order.",
            complaint.name,
        )
    check(
        complaints.sorted("date_received") == complaints.sorted("name"),
        "The register's references follow the order of arrival.",
    )


@tagged("post_install", "-at_install")
class TestDemoStory(TransactionCase):
    # install dates to try: the year's first days, inside the World Health Day
    # campaign, after the No Tobacco campaign has started, World Diabetes Day
    # itself and the last day of the year
    INSTALL_DATES = (
        datetime(2027, 1, 2, 7, 0),
        datetime(2027, 4, 15, 12, 0),
        datetime(2027, 5, 20, 9, 0),
        datetime(2027, 11, 14, 10, 0),
        datetime(2027, 12, 31, 16, 0),
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the demo's languages, activated once: each load of the demo finds them
        for code in ("ar_DZ", "fr_FR"):
            cls.env["res.lang"]._activate_and_install_lang(code)

    def _story_problems_at(self, when=None):
        if when is None:
            load_demo(self.env)
            return demo_story_problems(self.env)
        with freeze_time(when):
            load_demo(self.env)
            return demo_story_problems(self.env)

    def test_demo_story(self):
        problems = self._story_problems_at()
        self.assertFalse(problems, "\n".join(problems))

    def test_demo_story_all_year(self):
        for when in self.INSTALL_DATES:
            with self.subTest(installed=when):
                savepoint = self.env.cr.savepoint()
                try:
                    problems = self._story_problems_at(when)
                finally:
                    self.env.flush_all()
                    savepoint.close(rollback=True)
                    self.env.invalidate_all(flush=False)
                    self.env.registry.clear_cache()
                self.assertFalse(problems, "\n".join(problems))
