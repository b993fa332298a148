# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .internal_common import CommsInternalCommon


@tagged("post_install", "-at_install")
class TestRequest(CommsInternalCommon):
    def _file(self, user=None, **values):
        vals = {
            "name": "Announce the new dialysis unit",
            "request_type": "announce_service",
            "description": "<p>Opens on the 15th, 12 stations.</p>",
            "date_wanted": "2026-03-15",
        }
        vals.update(values)
        return self.env["comms.request"].with_user(user or self.user_nurse).create(vals)

    @freeze_time("2026-03-05 09:00:00")
    def test_due_date_in_working_days(self):
        # Thursday 5 March 2026: five working days on the Sunday-Thursday week
        # are Sun 8, Mon 9, Tue 10, Wed 11, Thu 12
        self.company.comms_request_days = 5
        request = self._file()
        self.assertEqual(request.department_id, self.dept_pediatrics)
        self.assertEqual(request.requester_id, self.user_nurse)
        self.assertEqual(request.date_deadline, date(2026, 3, 12))
        # a new setting applies to what arrives next only
        self.company.comms_request_days = 1
        request.invalidate_recordset()
        self.assertEqual(request.date_deadline, date(2026, 3, 12))
        self.assertEqual(self._file().date_deadline, date(2026, 3, 8))

    def test_life_cycle_to_material(self):
        request = self._file()
        self.assertEqual(request.state, "new")
        triage = request.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("comms_office.mail_activity_type_request_triage")
            )
        )
        self.assertEqual(triage.user_id, self.user_manager)

        office = request.with_user(self.user_officer)
        office.info_requested = "Which date exactly, and a contact?"
        office.action_ask_info()
        self.assertEqual(request.state, "info")
        # the requester answers and sends it back
        request.with_user(self.user_nurse).write({"date_wanted": "2026-03-16"})
        request.with_user(self.user_nurse).action_submit()
        self.assertEqual(request.state, "new")

        office.action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertFalse(
            request.activity_ids.activity_type_id & triage.activity_type_id,
            "the triage is done once the request is accepted",
        )
        self.assertEqual(request.user_id, self.user_officer)
        action = office.action_create_material()
        material = self.env["comms.material"].browse(action["res_id"])
        self.assertEqual(request.material_id, material)
        self.assertEqual(material.material_type, "article")
        self.assertEqual(request.state, "planned")
        # the requester follows the material without reading the draft
        as_nurse = request.with_user(self.user_nurse).with_context(lang="ar_001")
        states = dict(
            material._fields["state"]._description_selection(
                as_nurse.with_context(lang="ar_001").env
            )
        )
        self.assertIn(material.name, as_nurse.progress)
        # in the requester's language (Arabic)
        self.assertIn(states["draft"], as_nurse.progress)
        self.assertNotEqual(states["draft"], "Draft")
        with self.assertRaises(AccessError):
            material.with_user(self.user_nurse).check_access("read")
        material.with_user(self.user_officer).action_request_approval()
        self._review(material, self.user_manager)
        request.invalidate_recordset(["progress"])
        self.assertIn(states["approved"], as_nurse.progress)

        office.action_done()
        self.assertEqual(request.state, "done")
        # the requester was told of each step
        notes = request.message_ids.filtered(
            lambda m: self.user_nurse.partner_id in m.partner_ids
        )
        self.assertEqual(len(notes), 4)  # more info, accepted, planned, done

    def test_decline_needs_a_reason(self):
        request = self._file()
        office = request.with_user(self.user_officer)
        with self.assertRaises(UserError):
            office.action_decline()
        office.decline_reason = "Not within the office's mission."
        office.action_decline()
        self.assertEqual(request.state, "declined")
        self.assertIn(
            "Not within the office's mission.",
            request.message_ids[0].body,
        )

    def test_visibility(self):
        mine = self._file()
        colleagues = self._file(
            user=self.user_staff, name="Poster for the vaccination day"
        )
        other = self._file(user=self.user_surgeon, name="Cover the surgery congress")
        Request = self.env["comms.request"]
        self.assertEqual(
            Request.with_user(self.user_nurse).search([]), mine | colleagues
        )
        self.assertEqual(Request.with_user(self.user_surgeon).search([]), other)
        self.assertEqual(
            Request.with_user(self.user_officer).search([])
            & (mine | colleagues | other),
            mine | colleagues | other,
        )
        self.assertAccess(other, "RWC-", user=self.user_nurse)
        with self.assertRaises(AccessError):
            other.with_user(self.user_nurse).read(["name"])
        self.assertAccess(other, "rwc-", user=self.user_officer)
        self.assertAccess(other, "rwcd", user=self.user_manager)
        # employees outside the office see nothing
        self.assertAccess(other, "----", user=self.user_employee)

    def test_requester_cannot_do_the_office_work(self):
        request = self._file()
        as_nurse = request.with_user(self.user_nurse)
        for vals in (
            {"state": "done"},
            {"user_id": self.user_nurse.id},
            {"date_deadline": "2030-01-01"},
            {"requester_id": self.user_surgeon.id},
        ):
            with self.assertRaises(AccessError):
                as_nurse.write(vals)
        for action in ("action_accept", "action_decline", "action_done", "action_plan"):
            with self.assertRaises(AccessError):
                getattr(as_nurse, action)()
        with self.assertRaises(AccessError):
            self._file(state="done")
        with self.assertRaises(AccessError):
            as_nurse.unlink()
        # once taken on, the request is the office's
        request.with_user(self.user_officer).action_accept()
        with self.assertRaises(UserError):
            as_nurse.write({"name": "Something else"})

    def test_overdue_activity(self):
        with freeze_time("2026-03-01 09:00:00"):
            request = self._file()
            request.with_user(self.user_officer).action_accept()
        activity_type = self.env.ref("comms_office.mail_activity_type_request_overdue")
        with freeze_time("2026-03-05 09:00:00"):
            self.env["comms.request"]._cron_overdue_activities()
        self.assertFalse(
            request.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        )
        with freeze_time("2026-03-20 09:00:00"):
            self.env["comms.request"]._cron_overdue_activities()
            self.env["comms.request"]._cron_overdue_activities()
        overdue = request.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(overdue), 1)
        self.assertEqual(overdue.user_id, self.user_officer)
