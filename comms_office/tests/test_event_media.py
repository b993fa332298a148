# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.tests import tagged, users

from .common_media import CommsMediaCommon


@tagged("post_install", "-at_install")
class TestEventMedia(CommsMediaCommon):
    """What the media wrote about an event is counted on the event."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.press_conference = cls.env.ref("comms_office.event_type_press_conference")
        cls.event = cls.env["event.event"].create(
            {
                "name": "Press conference: the new maternity ward",
                "event_type_id": cls.press_conference.id,
                "date_begin": datetime(2031, 3, 2, 9, 0),
                "date_end": datetime(2031, 3, 2, 11, 0),
                "campaign_id": cls.campaign.id,
            }
        )

    @users("comms_officer")
    def test_coverage_of_an_event(self):
        event = self.event.with_env(self.env)
        indicators = self.env["comms.indicator"].create(
            [
                {"name": name, "event_id": event.id, "auto_source": source}
                for name, source in (
                    ("Press kit", "material_count"),
                    ("Clippings", "coverage_count"),
                    ("Positive", "coverage_positive"),
                    ("Reach", "coverage_reach"),
                    ("Guests", "guest_invited"),
                )
            ]
        )
        material = self._create_material(event_id=event.id)
        self._approve_now(material)
        clippings = self.env["comms.coverage"].create(
            [
                {
                    "name": "Une maternité moderne",
                    "outlet_id": self.outlet_daily.id,
                    "material_id": material.id,
                    "tone": "positive",
                    "reach": 12000,
                },
                {
                    "name": "La conférence de presse vue par la radio",
                    "outlet_id": self.outlet_radio.id,
                    "event_id": event.id,
                    "tone": "neutral",
                    "reach": 3000,
                },
            ]
        )
        # a clipping of the material is a clipping of its event
        self.assertEqual(clippings.event_id, event)
        self.assertEqual(clippings[0].campaign_id, self.campaign)
        self.assertEqual(
            (event.comms_material_count, event.comms_coverage_count), (1, 2)
        )
        indicators.invalidate_recordset()
        self.assertEqual(indicators.mapped("actual"), [1.0, 2.0, 1.0, 15000.0, 0.0])
        action = event.action_view_comms_coverage()
        self.assertEqual(self.env["comms.coverage"].search(action["domain"]), clippings)
        self.assertEqual(action["context"]["default_event_id"], event.id)

    @users("comms_officer")
    def test_event_media_counts_in_batch(self):
        Event = self.env["event.event"]
        events = Event.create(
            [
                {
                    "name": f"Workshop {i}",
                    "event_type_id": self.press_conference.id,
                    "date_begin": datetime(2031, 4, 1, 9, 0) + timedelta(days=i),
                    "date_end": datetime(2031, 4, 1, 11, 0) + timedelta(days=i),
                }
                for i in range(50)
            ]
        )
        self.env["comms.coverage"].create(
            [
                {
                    "name": f"Clipping {i}",
                    "outlet_id": self.outlet_daily.id,
                    "event_id": event.id,
                }
                for i, event in enumerate(events)
            ]
        )
        self.assertQueriesDoNotGrow(
            lambda records: records.mapped("comms_coverage_count"), events[:5], events
        )
        self.assertEqual(sum(events.mapped("comms_coverage_count")), 50)
