# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged, users

from .common import CommsCommon


@tagged("post_install", "-at_install")
class TestHealthDay(CommsCommon):
    """World health days fall on their days every year by their rule; the
    followed ones are on the editorial calendar and prepared weeks ahead,
    once a year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.diabetes = cls.env.ref("comms_office.comms_health_day_diabetes")
        cls.immunization = cls.env.ref("comms_office.comms_health_day_immunization")
        cls.breastfeeding = cls.env.ref("comms_office.comms_health_day_breastfeeding")
        cls.breast_cancer = cls.env.ref("comms_office.comms_health_day_breast_cancer")
        cls.audience = cls.env["comms.audience"].create({"name": "Pupils"})
        cls.diabetes.write(
            {
                "is_followed": True,
                "template_objectives": "Pupils who know three signs\n\nSessions held",
                "template_audience_ids": [(6, 0, cls.audience.ids)],
                "template_material_body": "<p>Thirst, tiredness, weight loss.</p>",
            }
        )

    def test_the_who_calendar_is_shipped(self):
        days = self.env["comms.health.day"].search([])
        self.assertGreaterEqual(len(days), 25)
        self.assertEqual(
            self.diabetes.with_context(lang="fr_FR").name, "Journée mondiale du diabète"
        )

    def test_dates_by_rule_across_years(self):
        cases = [
            (self.diabetes, 2030, (date(2030, 11, 14), date(2030, 11, 14))),
            # the last seven days of April, whatever the year
            (self.immunization, 2030, (date(2030, 4, 24), date(2030, 4, 30))),
            (self.immunization, 2031, (date(2031, 4, 24), date(2031, 4, 30))),
            (self.breastfeeding, 2031, (date(2031, 8, 1), date(2031, 8, 7))),
            (self.breast_cancer, 2032, (date(2032, 10, 1), date(2032, 10, 31))),
        ]
        for day, year, dates in cases:
            with self.subTest(day=day.name, year=year):
                self.assertEqual(day._get_dates(year), dates)
        leap = self.env["comms.health.day"].create(
            {"name": "Rare Disease Day", "month": "2", "day": 29}
        )
        self.assertEqual(leap._get_dates(2032)[0], date(2032, 2, 29))
        self.assertEqual(leap._get_dates(2031)[0], date(2031, 2, 28))
        with self.assertRaises(ValidationError):
            leap.day = 30

    @freeze_time("2031-11-20")
    def test_next_occurrence_rolls_to_next_year(self):
        self.assertEqual(self.diabetes.next_date_start, date(2032, 11, 14))
        self.assertEqual(self.immunization.next_date_start, date(2032, 4, 24))

    def test_followed_days_on_the_editorial_calendar_every_year(self):
        self.env.flush_all()
        entries = self.env["comms.editorial.calendar"].search(
            [("kind", "=", "health_day"), ("res_id", "=", self.diabetes.id)]
        )
        year = date.today().year
        self.assertEqual(
            sorted(entries.mapped("date_start")),
            [date(y, 11, 14) for y in range(year - 1, year + 3)],
        )
        self.assertEqual(
            entries.with_context(lang="fr_FR")[:1].display_name,
            "Journée mondiale du diabète",
        )
        self.assertFalse(
            self.env["comms.editorial.calendar"].search(
                [("kind", "=", "health_day"), ("res_id", "=", self.immunization.id)]
            ),
            "a day the office does not follow stays off the calendar",
        )

    def _prepared(self, day=None):
        return self.env["comms.awareness.program"].search(
            [("health_day_id", "=", (day or self.diabetes).id)]
        )

    def test_prepared_weeks_ahead_once(self):
        Day = self.env["comms.health.day"]
        with freeze_time("2031-09-30"):
            Day._cron_prepare_followed_days()
        self.assertFalse(self._prepared(), "seven weeks ahead: not yet")
        with freeze_time("2031-10-03"):
            Day._cron_prepare_followed_days()
            Day._cron_prepare_followed_days()
        program = self._prepared()
        self.assertEqual(len(program), 1)
        self.assertEqual(program.state, "draft")
        self.assertEqual(program.health_day_year, 2031)
        self.assertEqual(program.audience_ids, self.audience)
        self.assertEqual(
            program.indicator_ids.mapped("name"),
            ["Pupils who know three signs", "Sessions held"],
        )
        self.assertEqual(len(program.material_ids), 1)
        head = self.env["comms.health.day"]._default_head_of_office()
        self.assertEqual(program.user_id, head)
        self.assertEqual(program.activity_ids.user_id, head)
        self.assertEqual(self.diabetes.prepared_year, 2031)
        with freeze_time("2031-11-14"):
            Day._cron_prepare_followed_days()
        self.assertEqual(len(self._prepared()), 1, "never twice for one year")
        with freeze_time("2032-10-10"):
            Day._cron_prepare_followed_days()
        self.assertEqual(
            sorted(self._prepared().mapped("health_day_year")), [2031, 2032]
        )

    def test_a_year_prepared_by_hand_is_not_prepared_again(self):
        self.env["comms.awareness.program"].create(
            {
                "name": "Diabetes in the mosques",
                "health_day_id": self.diabetes.id,
                "date_end": "2031-11-30",
            }
        )
        with freeze_time("2031-10-10"):
            self.env["comms.health.day"]._cron_prepare_followed_days()
        self.assertEqual(len(self._prepared()), 1)

    def test_prepared_as_a_campaign(self):
        self.diabetes.template_kind = "campaign"
        with freeze_time("2031-10-10"):
            self.env["comms.health.day"]._cron_prepare_followed_days()
        campaign = self.env["comms.campaign"].search(
            [("health_day_id", "=", self.diabetes.id)]
        )
        self.assertEqual(len(campaign), 1)
        self.assertEqual(campaign.health_day_year, 2031)
        self.assertEqual(
            campaign.material_ids.body, self.diabetes.template_material_body
        )

    @users("comms_officer")
    def test_officer_prepares_but_does_not_edit_the_calendar(self):
        with self.assertRaises(AccessError):
            self.diabetes.with_user(self.env.user).is_followed = False
        with freeze_time("2031-01-10"):
            action = self.diabetes.with_user(self.env.user).action_prepare()
        program = self.env["comms.awareness.program"].browse(action["res_id"])
        self.assertEqual(program.health_day_year, 2031)

    @users("comms_staff")
    def test_staff_cannot_prepare(self):
        with self.assertRaises(AccessError):
            self.diabetes.with_user(self.env.user).action_prepare()
