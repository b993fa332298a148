# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo.tests import tagged, users

from .event_common import CommsEventCommon


@tagged("post_install", "-at_install")
class TestCalendarMirror(CommsEventCommon):
    """Events, campaign milestones and awareness sessions keep their meeting in
    the calendars in step the same way (``comms.calendar.mirror.mixin``):
    moved, re-attended, archived while cancelled and back when reopened,
    deleted with them, marked as the office's own, and never mailed to the
    attendees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["comms.campaign"].create({"name": "Blood donors"})
        cls.milestone = cls.env["comms.campaign.milestone"].create(
            {
                "campaign_id": cls.campaign.id,
                "name": "Radio spot",
                "date_deadline": date(2031, 3, 12),
                "user_id": cls.user_officer.id,
            }
        )
        cls.program = cls.env["comms.awareness.program"].create(
            {"name": "Diabetes: know the signs"}
        )
        cls.session = cls.env["comms.awareness.session"].create(
            {
                "program_id": cls.program.id,
                "name": "Pupils of the Ibn Khaldoun school",
                "commune_id": cls.env.ref("comms_office.comms_commune_medea").id,
                "date_begin": datetime(2031, 3, 12, 9, 0),
                "date_end": datetime(2031, 3, 12, 11, 0),
                "facilitator_ids": [(6, 0, cls.user_officer.ids)],
            }
        )

    def _cases(self):
        """Each model using the mirror, with how the office moves it, adds
        someone to it, cancels and reopens it."""
        event = self.event.with_user(self.env.user)
        milestone = self.milestone.with_user(self.env.user)
        session = self.session.with_user(self.env.user)
        new_begin = datetime(2031, 4, 2, 9, 0)
        return [
            {
                "record": event,
                "opens": event,
                "move": {
                    "date_begin": new_begin,
                    "date_end": new_begin + timedelta(hours=2),
                },
                "moved_to": (new_begin, new_begin + timedelta(hours=2)),
                "attend": {"comms_organiser_ids": [(4, self.user_staff.id)]},
                "cancel": event.action_comms_cancel,
                "reopen": event.action_comms_reopen,
            },
            {
                "record": milestone,
                "opens": self.campaign,
                "move": {
                    "date_start": date(2031, 4, 2),
                    "date_deadline": date(2031, 4, 3),
                },
                "moved_to": (datetime(2031, 4, 2, 8, 0), datetime(2031, 4, 3, 18, 0)),
                "attend": {"user_id": self.user_staff.id},
                "cancel": lambda: milestone.write({"state": "cancel"}),
                "reopen": lambda: milestone.write({"state": "todo"}),
            },
            {
                "record": session,
                "opens": session,
                "move": {
                    "date_begin": new_begin,
                    "date_end": new_begin + timedelta(hours=2),
                },
                "moved_to": (new_begin, new_begin + timedelta(hours=2)),
                "attend": {"facilitator_ids": [(4, self.user_staff.id)]},
                "cancel": session.action_cancel,
                "reopen": session.action_plan,
            },
        ]

    def _mirror(self, record):
        return record.calendar_event_id.sudo().with_context(active_test=False)

    def _invitations(self, mirror):
        return mirror.message_ids.filtered(
            lambda m: m.message_type == "user_notification"
        )

    @users("comms_officer")
    def test_mirror_is_marked_and_opens_the_record(self):
        for case in self._cases():
            record = case["record"]
            with self.subTest(model=record._name):
                mirror = self._mirror(record)
                self.assertTrue(mirror.active)
                self.assertEqual(mirror.comms_mirror_ref, f"{record._name},{record.id}")
                self.assertEqual(mirror.res_model, case["opens"]._name)
                self.assertEqual(mirror.res_id, case["opens"].id)
                self.assertIn(self.user_officer.partner_id, mirror.partner_ids)
                self.assertFalse(self._invitations(mirror), "no mail to attendees")

    @users("comms_officer")
    def test_move_and_attendees_follow(self):
        for case in self._cases():
            record = case["record"]
            with self.subTest(model=record._name):
                mirror = self._mirror(record)
                record.write(case["move"])
                self.assertEqual(self._mirror(record), mirror, "moved, not recreated")
                self.assertEqual((mirror.start, mirror.stop), case["moved_to"])
                record.write(case["attend"])
                self.assertIn(self.user_staff.partner_id, mirror.partner_ids)
                self.assertFalse(self._invitations(mirror), "no mail to attendees")

    @users("comms_officer")
    def test_cancel_archives_and_reopen_restores(self):
        for case in self._cases():
            record = case["record"]
            with self.subTest(model=record._name):
                mirror = self._mirror(record)
                activities = mirror.activity_ids.with_context(active_test=False)
                case["cancel"]()
                self.assertEqual(self._mirror(record), mirror)
                self.assertFalse(mirror.active, "out of the calendars")
                self.assertFalse(any(activities.mapped("active")))
                case["reopen"]()
                self.assertEqual(self._mirror(record), mirror, "the same meeting")
                self.assertTrue(mirror.active)
                self.assertTrue(all(activities.mapped("active")))

    @users("comms_officer")
    def test_milestone_of_a_cancelled_campaign_leaves_the_calendars(self):
        mirror = self._mirror(self.milestone)
        campaign = self.campaign.with_user(self.env.user)
        campaign.action_cancel()
        self.assertFalse(mirror.active)
        self.assertFalse(campaign.activity_ids)
        campaign.action_draft()
        self.assertTrue(mirror.active)
        self.assertEqual(campaign.activity_ids.calendar_event_id, mirror)

    @users("comms_officer")
    def test_mirror_made_when_the_record_first_belongs_in_the_calendars(self):
        event = self.env["event.event"].create(
            {
                "name": "Not yet the office's",
                "date_begin": self.date_begin,
                "date_end": self.date_begin + timedelta(hours=1),
            }
        )
        milestone = self.env["comms.campaign.milestone"].create(
            {
                "campaign_id": self.campaign.id,
                "name": "Cancelled from the start",
                "date_deadline": date(2031, 3, 14),
                "state": "cancel",
            }
        )
        for record, vals in (
            (event, {"is_comms_event": True}),
            (milestone, {"state": "todo"}),
        ):
            with self.subTest(model=record._name):
                self.assertFalse(record.calendar_event_id)
                record.write(vals)
                mirror = self._mirror(record)
                self.assertTrue(mirror.active)
                self.assertEqual(mirror.comms_mirror_ref, f"{record._name},{record.id}")

    @users("comms_manager")
    def test_delete_deletes_the_mirror(self):
        for case in self._cases():
            record = case["record"]
            with self.subTest(model=record._name):
                mirror = self._mirror(record)
                record.unlink()
                self.assertFalse(mirror.exists())
