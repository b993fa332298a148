# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .awareness_common import CommsAwarenessCommon


@tagged("post_install", "-at_install")
class TestAwarenessSecurity(CommsAwarenessCommon):
    """What each role may do with programmes, sessions, attendance, health
    days and communes, tried as an RPC call would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls._session(lines=[("female", "0_14", 30)])
        cls.attendance = cls.session.attendance_line_ids
        cls.health_day = cls.env.ref("comms_office.comms_health_day_diabetes")

    def test_rights_per_role(self):
        cases = {
            "comms_employee": ("----", "----", "----", "----", "----"),
            "comms_staff": ("r---", "r---", "r---", "r---", "r---"),
            "comms_officer": ("rwc-", "rwcu", "rwcu", "r---", "r---"),
            "comms_manager": ("rwcu", "rwcu", "rwcu", "rwcu", "rwcu"),
        }
        for login, rights in cases.items():
            user = self.env["res.users"].search([("login", "=", login)])
            records = (
                self.program,
                self.session,
                self.attendance,
                self.health_day,
                self.commune_medea,
            )
            for record, right in zip(records, rights, strict=True):
                with self.subTest(user=login, model=record._name):
                    self.assertAccess(record, right, user)

    @users("comms_staff")
    def test_staff_attacks(self):
        Program = self.env["comms.awareness.program"]
        with self.assertRaises(AccessError):
            Program.create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.program.with_user(self.env.user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.program.with_user(self.env.user).action_start()
        with self.assertRaises(AccessError):
            self.session.with_user(self.env.user).write({"state": "cancel"})
        with self.assertRaises(AccessError):
            self.attendance.with_user(self.env.user).write({"count": 3000})
        with self.assertRaises(AccessError):
            self.env["comms.awareness.attendance"].create(
                {
                    "session_id": self.session.id,
                    "sex": "male",
                    "age_band": "25_64",
                    "count": 5,
                }
            )
        with self.assertRaises(AccessError):
            self.program.with_user(self.env.user).action_request_approval()

    @users("comms_officer")
    def test_officer_attacks(self):
        program = self.program.with_user(self.env.user)
        with self.assertRaises(AccessError):
            program.unlink()
        with self.assertRaises(AccessError):
            program.write({"approval_date": "2031-01-01 00:00:00"})
        with self.assertRaises(AccessError):
            self.health_day.with_user(self.env.user).write({"prepared_year": 2099})
        with self.assertRaises(AccessError):
            self.env["comms.commune"].create(
                {"name": "Nowhere", "wilaya_id": self.commune_medea.wilaya_id.id}
            )
        # the link to the calendar mirror is the synchronisation's only
        meeting = self.env["calendar.event"].create(
            {
                "name": "Someone else's",
                "start": "2031-01-01 08:00:00",
                "stop": "2031-01-01 09:00:00",
            }
        )
        with self.assertRaises(AccessError):
            self.session.with_user(self.env.user).write(
                {"calendar_event_id": meeting.id}
            )

    @users("comms_officer")
    def test_officer_cannot_decide_the_review(self):
        program = self.program.with_user(self.env.user)
        program.action_request_approval()
        with self.assertRaises(AccessError):
            program._comms_decide(True, "self-approved", reviews=program.review_ids)
        self.assertEqual(program.state, "draft")

    def test_other_company_sees_nothing(self):
        other = self.env["res.company"].create({"name": "EPH Berrouaghia"})
        self.user_officer.write(
            {"company_ids": [(4, other.id)], "company_id": other.id}
        )
        env = self.env(
            user=self.user_officer, context={"allowed_company_ids": [other.id]}
        )
        self.assertFalse(
            env["comms.awareness.program"].search([("id", "=", self.program.id)])
        )
        self.assertFalse(
            env["comms.awareness.attendance"].search(
                [("id", "in", self.attendance.ids)]
            )
        )
