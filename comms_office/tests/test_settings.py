# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from psycopg2 import IntegrityError

from odoo import Command
from odoo.tests import Form, tagged, users
from odoo.tools import mute_logger

from .common import CommsCommon


@tagged("post_install", "-at_install")
class TestSettings(CommsCommon):
    def test_default_working_calendar(self):
        calendar = self.env.ref("comms_office.resource_calendar_sun_thu")
        self.assertEqual(self.company.comms_calendar_id, calendar)
        new_company = self.env["res.company"].create({"name": "EPH Nouveau"})
        self.assertEqual(new_company.comms_calendar_id, calendar)
        # Sunday to Thursday, never Friday or Saturday
        days = set(calendar.attendance_ids.mapped("dayofweek"))
        self.assertEqual(days, {"6", "0", "1", "2", "3"})
        self.assertTrue(
            calendar.leave_ids.filtered(lambda leave: "Independence" in leave.name)
        )

    def test_working_days_service(self):
        """One count of working days and hours for every deadline of the office:
        Friday and Saturday off, and the holidays the office adds."""
        company = self.company
        company.comms_calendar_id.leave_ids = [
            Command.create(
                {
                    "name": "Office holiday",
                    "date_from": datetime(2026, 3, 9, 23, 0),
                    "date_to": datetime(2026, 3, 10, 22, 59, 59),
                }
            )
        ]
        # Thursday 5 March: Sunday 8, Monday 9, (Tuesday 10 off) Wednesday 11
        self.assertEqual(
            company._comms_add_working_days(date(2026, 3, 5), 3), date(2026, 3, 11)
        )
        # 23:30 UTC on Thursday is already Friday in Algiers
        self.assertEqual(
            company._comms_add_working_days(datetime(2026, 3, 5, 23, 30), 1),
            date(2026, 3, 8),
        )
        self.assertEqual(
            company._comms_add_working_days(date(2026, 3, 5), 0), date(2026, 3, 5)
        )
        # Monday 9 March, 16:00 in Algiers: half an hour on Monday, the second
        # on Wednesday morning
        self.assertEqual(
            company._comms_add_working_hours(datetime(2026, 3, 9, 15, 0), 1),
            datetime(2026, 3, 11, 7, 30),
        )
        # Received on Saturday: the count starts on Sunday morning
        self.assertEqual(
            company._comms_add_working_hours(datetime(2026, 3, 7, 10, 0), 2),
            datetime(2026, 3, 8, 9, 0),
        )
        # without a calendar, the days and hours of the clock
        company.comms_calendar_id = False
        self.assertEqual(
            company._comms_add_working_days(date(2026, 3, 5), 3), date(2026, 3, 8)
        )
        self.assertEqual(
            company._comms_add_working_hours(datetime(2026, 3, 5, 14, 0), 24),
            datetime(2026, 3, 6, 14, 0),
        )

    @users("comms_admin")
    def test_settings_form(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.comms_ack_days = 2
            settings.comms_answer_days = 15
            settings.comms_inquiry_hours = 48
        settings.record.execute()
        company = self.env.company
        self.assertEqual(
            (
                company.comms_ack_days,
                company.comms_answer_days,
                company.comms_inquiry_hours,
            ),
            (2, 15, 48),
        )

    @mute_logger("odoo.sql_db")
    def test_deadlines_positive(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.company.write({"comms_answer_days": 0})
            self.company.flush_recordset()

    @users("comms_admin")
    def test_mail_intake_settings(self):
        with Form(self.env["res.config.settings"]) as settings:
            self.assertEqual(settings.comms_mail_max_attachment_mb, 10)
            settings.comms_mail_max_text_chars = 8000
            settings.comms_mail_max_attachment_mb = 3
            settings.comms_lang = "fr_FR"
        settings.record.execute()
        limits = self.env["comms.complaint"]._intake_limits()
        self.assertEqual(limits, (8000, 3 * 1024 * 1024, 10))
        self.assertEqual(self.env.company.partner_id.lang, "fr_FR")
        self.assertEqual(self.env.company._comms_lang(), "fr_FR")
