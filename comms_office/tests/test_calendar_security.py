# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .event_common import CommsEventCommon

MUTE = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


@tagged("post_install", "-at_install", "security")
class TestCalendarSecurity(CommsEventCommon):
    """The calendar mirror of an event or a milestone is the office's own
    meeting: nobody points it at someone else's meeting to have it rewritten
    or deleted by the synchronisation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = (
            cls.env["calendar.event"]
            .with_user(cls.user_director)
            .create(
                {
                    "name": "Director: private appointment",
                    "privacy": "private",
                    "start": datetime(2031, 3, 10, 14, 0),
                    "stop": datetime(2031, 3, 10, 15, 0),
                    "user_id": cls.user_director.id,
                    "partner_ids": [(6, 0, cls.user_director.partner_id.ids)],
                }
            )
        )
        cls.campaign = cls.env["comms.campaign"].create({"name": "Blood donors"})
        cls.milestone = cls.env["comms.campaign.milestone"].create(
            {
                "campaign_id": cls.campaign.id,
                "name": "Radio spot",
                "date_deadline": "2031-03-12",
                "user_id": cls.user_officer.id,
            }
        )

    def _assert_meeting_untouched(self):
        meeting = self.meeting.with_user(self.user_director)
        self.assertTrue(meeting.exists())
        self.assertEqual(meeting.name, "Director: private appointment")
        self.assertEqual(meeting.start, datetime(2031, 3, 10, 14, 0))
        self.assertEqual(meeting.partner_ids, self.user_director.partner_id)
        self.assertTrue(meeting.active)

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_link_cannot_be_written(self):
        event = self.event.with_user(self.env.user)
        milestone = self.milestone.with_user(self.env.user)
        for record in (event, milestone):
            mirror = record.calendar_event_id
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.write({"calendar_event_id": self.meeting.id})
            self.assertEqual(record.calendar_event_id, mirror)
        with self.assertRaises(AccessError):
            self.env["comms.campaign.milestone"].create(
                {
                    "campaign_id": self.campaign.id,
                    "name": "Poster",
                    "date_deadline": "2031-03-13",
                    "calendar_event_id": self.meeting.id,
                }
            )
        # whatever was attempted, renaming and deleting leave it alone
        event.write(
            {
                "name": "Renamed",
                "date_begin": datetime(2031, 4, 1, 8, 0),
                "date_end": datetime(2031, 4, 1, 10, 0),
            }
        )
        milestone.write({"name": "Renamed", "state": "cancel"})
        milestone.unlink()
        self._assert_meeting_untouched()

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_mirror_mark_cannot_be_forged(self):
        """Nobody makes one of their meetings pass for an office mirror."""
        own = self.env["calendar.event"].create(
            {
                "name": "Mine",
                "start": datetime(2031, 3, 11, 8, 0),
                "stop": datetime(2031, 3, 11, 9, 0),
            }
        )
        with self.assertRaises(AccessError):
            own.write({"comms_mirror_ref": f"event.event,{self.event.id}"})
        with self.assertRaises(AccessError):
            self.env["calendar.event"].create(
                {
                    "name": "Mine too",
                    "start": datetime(2031, 3, 11, 8, 0),
                    "stop": datetime(2031, 3, 11, 9, 0),
                    "comms_mirror_ref": f"event.event,{self.event.id}",
                }
            )

    @mute_logger(*MUTE)
    def test_foreign_link_is_never_synchronised(self):
        """A link to a meeting the office did not create for the record, such
        as one made by a data import, is never written nor deleted: the record
        gets its own mirror instead."""
        self.event.calendar_event_id = self.meeting
        self.milestone.calendar_event_id = self.meeting
        event = self.event.with_user(self.user_officer)
        event.write(
            {
                "name": "Renamed",
                "date_begin": datetime(2031, 4, 1, 8, 0),
                "date_end": datetime(2031, 4, 1, 10, 0),
            }
        )
        self.assertNotEqual(event.calendar_event_id, self.meeting)
        self.assertEqual(event.calendar_event_id.name, "Renamed")
        milestone = self.milestone.with_user(self.user_officer)
        milestone.write({"name": "Renamed"})
        self.assertNotEqual(milestone.calendar_event_id, self.meeting)
        self.assertIn("Renamed", milestone.calendar_event_id.name)
        self._assert_meeting_untouched()
        # linked again, then deleted: the meeting stays
        self.event.calendar_event_id = self.meeting
        self.milestone.calendar_event_id = self.meeting
        self.event.with_user(self.user_manager).unlink()
        self.milestone.with_user(self.user_officer).unlink()
        self._assert_meeting_untouched()
        # cancelled, a milestone removes its own mirror only
        milestone = self.env["comms.campaign.milestone"].create(
            {
                "campaign_id": self.campaign.id,
                "name": "Leaflet",
                "date_deadline": "2031-03-14",
            }
        )
        mirror = milestone.calendar_event_id
        self.assertEqual(mirror.comms_mirror_ref, f"{milestone._name},{milestone.id}")
        milestone.calendar_event_id = self.meeting
        milestone.with_user(self.user_officer).state = "cancel"
        self._assert_meeting_untouched()
