# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .event_common import CommsEventCommon


@tagged("post_install", "-at_install", "security")
class TestEventSecurity(CommsEventCommon):
    """Events, agenda, guests and types, role by role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls.env["comms.event.session"].create(
            {
                "event_id": cls.event.id,
                "topic": "Opening",
                "date_begin": cls.date_begin,
                "date_end": cls.date_begin + timedelta(minutes=15),
            }
        )
        cls.guest = cls.env["event.registration"].create(
            {"event_id": cls.event.id, "partner_id": cls.citizen.id}
        )

    @mute_logger("odoo.addons.base.models.ir_model")
    @users("comms_employee", "comms_staff")
    def test_staff_no_event_access(self):
        self.assertAccess(self.event, "----")
        self.assertAccess(self.session, "----")
        self.assertAccess(self.guest, "----")
        self.assertAccess(self.type_press, "----")
        with self.assertRaises(AccessError):
            self.env["comms.event.invite"].create({"event_id": self.event.id})

    @mute_logger("odoo.addons.base.models.ir_model")
    @users("comms_officer")
    def test_officer(self):
        self.assertAccess(self.session, "rwcu")
        self.assertAccess(self.guest, "rwc-")
        self.assertAccess(self.type_press, "r---")
        self.assertAccess(self.event, "rwc-")

    @users("comms_manager")
    def test_manager(self):
        self.assertAccess(self.session, "rwcu")
        self.assertAccess(self.guest, "rwcu")
        self.assertAccess(self.type_workshop, "rwcu")
        self.assertAccess(self.event, "rwcu")

    @mute_logger("odoo.addons.base.models.ir_rule")
    @users("comms_manager")
    def test_session_other_company(self):
        # created by the superuser: a company joins its creator's companies
        other_company = self.env(user=SUPERUSER_ID)["res.company"].create(
            {"name": "EPH Voisin"}
        )
        foreign_event = (
            self.env["event.event"]
            .sudo()
            .create(
                {
                    "name": "Their event",
                    "company_id": other_company.id,
                    "organizer_id": other_company.partner_id.id,
                    "date_begin": self.date_begin,
                    "date_end": self.date_begin + timedelta(hours=1),
                    "comms_session_ids": [
                        (
                            0,
                            0,
                            {
                                "topic": "Theirs",
                                "date_begin": self.date_begin,
                                "date_end": self.date_begin + timedelta(minutes=10),
                            },
                        )
                    ],
                }
            )
        )
        Session = self.env["comms.event.session"]
        self.assertNotIn(foreign_event.comms_session_ids, Session.search([]))
        with self.assertRaises(AccessError):
            foreign_event.comms_session_ids.with_user(self.env.user).read(["topic"])

    def test_event_menus_by_role(self):
        events_menu = self.env.ref("comms_office.event_event_menu_comms")
        types_menu = self.env.ref("comms_office.event_type_menu_comms")
        for user, sees_events, sees_types in (
            (self.user_employee, False, False),
            (self.user_staff, False, False),
            (self.user_officer, True, False),
            (self.user_manager, True, True),
        ):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertEqual(events_menu.id in visible, sees_events, user.login)
            self.assertEqual(types_menu.id in visible, sees_types, user.login)
