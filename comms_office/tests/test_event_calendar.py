# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged, users

from .event_common import CommsEventCommon


@tagged("post_install", "-at_install")
class TestEventCalendar(CommsEventCommon):
    """Each office event has its mirror in the organisers' and speakers' calendars."""

    @users("comms_officer")
    def test_create_event_creates_calendar_event(self):
        event = self.env["event.event"].create(
            {
                "name": "Workshop on hand hygiene",
                "event_type_id": self.type_workshop.id,
                "date_begin": self.date_begin,
                "comms_organiser_ids": [(6, 0, self.user_staff.ids)],
            }
        )
        # the type gives its duration
        self.assertEqual(event.date_end, self.date_begin + timedelta(hours=3))
        self.assertTrue(event.is_comms_event)
        mirror = event.calendar_event_id
        self.assertTrue(mirror)
        self.assertEqual(mirror.name, "Workshop on hand hygiene")
        self.assertEqual(mirror.start, self.date_begin)
        self.assertEqual(mirror.stop, self.date_begin + timedelta(hours=3))
        self.assertEqual(mirror.res_model, "event.event")
        self.assertEqual(mirror.res_id, event.id)
        self.assertEqual(
            mirror.partner_ids,
            self.user_officer.partner_id | self.user_staff.partner_id,
        )
        # the mirror is not an activity to do on the event
        self.assertFalse(event.activity_ids)

    @users("comms_officer")
    def test_move_rename_cancel_event_updates_calendar(self):
        event = self.event.with_user(self.env.user)
        mirror = event.calendar_event_id
        new_begin = datetime(2031, 3, 12, 13, 0)
        event.write(
            {
                "name": "Press conference: maternity ward opening",
                "date_begin": new_begin,
                "date_end": new_begin + timedelta(hours=2),
            }
        )
        self.assertEqual(event.calendar_event_id, mirror, "moved, not recreated")
        self.assertEqual(mirror.name, "Press conference: maternity ward opening")
        self.assertEqual(mirror.start, new_begin)
        self.assertEqual(mirror.stop, new_begin + timedelta(hours=2))
        # a speaker joins the calendar with their agenda item
        event.write(
            {
                "comms_session_ids": [
                    (
                        0,
                        0,
                        {
                            "topic": "The new ward",
                            "speaker_id": self.speaker.id,
                            "date_begin": new_begin,
                            "date_end": new_begin + timedelta(minutes=30),
                        },
                    )
                ]
            }
        )
        self.assertIn(self.speaker, mirror.partner_ids)
        event.comms_session_ids.unlink()
        self.assertNotIn(self.speaker, mirror.partner_ids)
        # cancelled: out of the calendars; reopened: back
        event.action_comms_cancel()
        self.assertFalse(mirror.active)
        event.action_comms_reopen()
        self.assertTrue(mirror.active)
        event.active = False
        self.assertFalse(mirror.active)

    @users("comms_manager")
    def test_unlink_event_removes_calendar_event(self):
        event = self.event.with_user(self.env.user)
        mirror = event.calendar_event_id
        event.unlink()
        self.assertFalse(mirror.exists())

    @users("comms_officer")
    def test_batch_create(self):
        events = self.env["event.event"].create(
            [
                {
                    "name": f"Open day {index}",
                    "event_type_id": self.env.ref(
                        "comms_office.event_type_open_day"
                    ).id,
                    "date_begin": self.date_begin + timedelta(days=index),
                }
                for index in range(5)
            ]
        )
        self.assertEqual(len(events.calendar_event_id), 5)
        self.assertEqual(events.calendar_event_id.mapped("name"), events.mapped("name"))
        events.write(
            {
                "date_begin": self.date_begin + timedelta(days=30),
                "date_end": self.date_begin + timedelta(days=30, hours=8),
            }
        )
        self.assertEqual(
            set(events.calendar_event_id.mapped("start")),
            {self.date_begin + timedelta(days=30)},
        )

    @users("comms_officer")
    def test_event_outside_office_not_mirrored(self):
        event = self.env["event.event"].create(
            {
                "name": "Someone else's event",
                "date_begin": self.date_begin,
                "date_end": self.date_begin + timedelta(hours=1),
            }
        )
        self.assertFalse(event.is_comms_event)
        self.assertFalse(event.calendar_event_id)

    @users("comms_officer")
    def test_session_within_event(self):
        with self.assertRaises(ValidationError):
            self.env["comms.event.session"].create(
                {
                    "event_id": self.event.id,
                    "topic": "Too late",
                    "date_begin": self.date_begin + timedelta(hours=5),
                    "date_end": self.date_begin + timedelta(hours=6),
                }
            )
