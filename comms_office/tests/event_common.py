# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from .common import CommsCommon


class CommsEventCommon(CommsCommon):
    """An office event type, a speaker and one press conference."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_press = cls.env.ref("comms_office.event_type_press_conference")
        cls.type_workshop = cls.env.ref("comms_office.event_type_workshop")
        cls.speaker = cls.env["res.partner"].create(
            {"name": "Dr Speaker", "email": "speaker@eph.test"}
        )
        cls.date_begin = datetime(2031, 3, 10, 8, 0)
        cls.event = (
            cls.env["event.event"]
            .with_user(cls.user_officer)
            .create(
                {
                    "name": "Press conference: new maternity",
                    "event_type_id": cls.type_press.id,
                    "date_begin": cls.date_begin,
                    "comms_objective": "Announce the new maternity ward.",
                }
            )
        )
        cls.event = cls.event.with_user(cls.env.user)
