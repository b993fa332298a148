# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .complaint_common import ComplaintCommon

MUTE = ("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")


@tagged("post_install", "-at_install", "security")
class TestComplaintSecurity(ComplaintCommon):
    """Who reads, writes, creates and deletes complaints and their settings."""

    # comms.complaint

    @mute_logger(*MUTE)
    @users("comms_employee")
    def test_complaint_employee(self):
        self.assertAccess(self.complaint_emergency, "----")

    @mute_logger(*MUTE)
    @users("comms_staff")
    def test_complaint_plain_staff_sees_nothing(self):
        Complaint = self.env["comms.complaint"]
        self.assertFalse(Complaint.search([]))
        # the model is open to staff, for the complaints of their department
        self.assertAccess(self.complaint_emergency, "RW--")
        with self.assertRaises(AccessError):
            self.complaint_emergency.with_user(self.env.user).read(["subject"])

    @mute_logger(*MUTE)
    @users("comms_head_emergency")
    def test_complaint_department_head(self):
        Complaint = self.env["comms.complaint"]
        self.assertEqual(Complaint.search([]), self.complaint_emergency)
        self.assertAccess(self.complaint_emergency, "rw--")
        with self.assertRaises(AccessError):
            self.complaint_maternity.with_user(self.env.user).read(["subject"])
        complaint = self.complaint_emergency.with_user(self.env.user)
        # the head investigates and drafts, the identity stays with the office
        complaint.write({"investigation_notes": "<p>Seen with the night team</p>"})
        self.assertEqual(complaint.complainant_display, "Salima Test")
        with self.assertRaises(AccessError):
            complaint.read(["complainant_email"])
        with self.assertRaises(AccessError):
            complaint.write({"complainant_name": "Someone else"})

    @mute_logger(*MUTE)
    @users("comms_head_emergency")
    def test_department_head_contributes_facts_only(self):
        """By the form or by RPC, the department adds facts and a proposed
        answer; the triage, the workflow and the record stay the office's."""
        complaint = self.complaint_emergency.with_user(self.env.user)
        complaint.write(
            {
                "investigation_notes": "<p>Seen with the night team</p>",
                "answer": "<p>A second doctor now covers the nights.</p>",
                "corrective_action": "Second doctor on night duty",
            }
        )
        self.assertEqual(complaint.corrective_action, "Second doctor on night duty")
        forbidden = {
            "state": "closed",
            "kind": "suggestion",
            "channel": "web",
            "subject": "Nothing happened",
            "description": "Nothing happened",
            "category_id": self.cat_hygiene.id,
            "department_id": self.dept_maternity.id,
            "user_id": self.env.user.id,
            "severity": "low",
            "health_safety": True,
            "is_sensitive": True,
            "hide_identity": True,
            "expects_answer": False,
            "date_received": "2020-01-01 08:00:00",
            "date_facts": "2020-01-01",
            "date_acknowledged": "2020-01-01 08:00:00",
            "date_answered": "2020-01-01 08:00:00",
            "date_closed": "2020-01-01 08:00:00",
            "outcome": "unfounded",
            "satisfaction": "5",
            "satisfaction_comment": "Perfect",
            "anonymized": True,
            "company_id": self.company.id,
            "validation_status": "validated",
        }
        for name, value in forbidden.items():
            with self.subTest(field=name), self.assertRaises(AccessError):
                complaint.write({name: value})
        # the form shows them read-only, the facts editable
        description = complaint.fields_get(
            [*forbidden, "investigation_notes", "answer"], ["readonly"]
        )
        for name in forbidden:
            self.assertTrue(description[name]["readonly"], name)
        self.assertFalse(description["investigation_notes"]["readonly"])
        self.assertFalse(description["answer"]["readonly"])
        self.assertEqual(complaint.state, "new")
        self.assertFalse(complaint.anonymized)
        self.assertEqual(complaint.validation_status, "no")

    @mute_logger(*MUTE)
    @users("comms_head_maternity")
    def test_department_head_cannot_lift_anonymity(self):
        complaint = self.complaint_maternity.with_user(self.env.user)
        with self.assertRaises(AccessError):
            complaint.write({"hide_identity": False})
        self.assertTrue(complaint.hide_identity)
        self.assertEqual(complaint.complainant_display, "Withheld at their request")

    @mute_logger(*MUTE)
    @users("comms_head_emergency")
    def test_department_head_cannot_move_the_complaint(self):
        """Acknowledging, answering, closing, cancelling are the office's."""
        complaint = self.complaint_emergency.with_user(self.env.user)
        complaint.answer = "<p>Proposed answer</p>"
        for action in (
            "action_acknowledge",
            "action_investigate",
            "action_send_answer",
            "action_request_approval",
            "action_close",
            "action_cancel",
            "action_reset",
            "action_print_receipt",
        ):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(complaint, action)()
        self.assertEqual(complaint.state, "new")
        # nor once the office moved it on
        self.complaint_emergency.action_acknowledge()
        self.complaint_emergency.action_investigate()
        for action in ("action_send_answer", "action_cancel"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(complaint, action)()
        self.assertEqual(complaint.state, "investigation")

    @mute_logger(*MUTE)
    @users("comms_head_emergency")
    def test_department_head_writes_nothing_once_answered(self):
        office = self.complaint_emergency.with_user(self.user_officer)
        office.action_acknowledge()
        office.action_investigate()
        office.answer = "<p>Our answer</p>"
        office.action_send_answer()
        self.assertEqual(office.state, "answered")
        complaint = self.complaint_emergency.with_user(self.env.user)
        for name in ("answer", "investigation_notes", "corrective_action"):
            with self.subTest(field=name), self.assertRaises(AccessError):
                complaint.write({name: "<p>Rewritten after the facts</p>"})
        self.assertEqual(complaint.answer, "<p>Our answer</p>")

    @mute_logger(*MUTE)
    @users("comms_head_maternity")
    def test_complaint_anonymous_to_department(self):
        complaint = self.complaint_maternity.with_user(self.env.user)
        self.assertEqual(complaint.complainant_display, "Withheld at their request")
        for field in (
            "complainant_name",
            "complainant_phone",
            "complainant_partner_id",
        ):
            with self.assertRaises(AccessError):
                complaint.read([field])
        # the office still knows
        self.assertEqual(
            self.complaint_maternity.with_user(self.user_officer).complainant_display,
            "Karim Test",
        )

    @users("comms_head_emergency")
    def test_complaint_chatter_of_department(self):
        """The department reads internal notes, not the correspondence."""
        complaint = self.complaint_emergency
        complaint.sudo().message_post(
            body="Email from Salima with her address",
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        complaint.sudo().message_post(
            body="Note for the department", subtype_xmlid="mail.mt_note"
        )
        bodies = " ".join(
            self.env["mail.message"]
            .search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
            .mapped("body")
        )
        self.assertIn("Note for the department", bodies)
        self.assertNotIn("Email from Salima", bodies)
        officer_bodies = " ".join(
            self.env["mail.message"]
            .with_user(self.user_officer)
            .search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
            .mapped("body")
        )
        self.assertIn("Email from Salima", officer_bodies)

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_complaint_officer(self):
        self.assertAccess(self.complaint_emergency, "rwc-")
        self.assertEqual(
            self.complaint_maternity.with_user(self.env.user).complainant_name,
            "Karim Test",
        )

    @users("comms_manager")
    def test_complaint_manager(self):
        self.assertAccess(self.complaint_maternity, "rwcu")

    @mute_logger(*MUTE)
    @users("comms_manager")
    def test_complaint_handled_cannot_be_deleted(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        complaint.action_acknowledge()
        with self.assertRaises(UserError):
            complaint.unlink()

    # comms.department and comms.complaint.category

    @mute_logger(*MUTE)
    @users("comms_employee")
    def test_configuration_employee(self):
        self.assertAccess(self.dept_emergency, "----")
        self.assertAccess(self.cat_waiting, "----")

    @mute_logger(*MUTE)
    @users("comms_staff")
    def test_configuration_staff(self):
        self.assertAccess(self.dept_emergency, "r---")
        self.assertAccess(self.cat_waiting, "r---")

    @mute_logger(*MUTE)
    @users("comms_officer")
    def test_configuration_officer(self):
        self.assertAccess(self.dept_emergency, "r---")
        self.assertAccess(self.cat_waiting, "r---")

    @users("comms_manager")
    def test_configuration_manager(self):
        department = self.env["comms.department"].create({"name": "Radiologie"})
        category = self.env["comms.complaint.category"].create({"name": "Parking"})
        self.assertAccess(department, "rwcu")
        self.assertAccess(category, "rwcu")

    # comms.complaint.register.wizard

    @mute_logger(*MUTE)
    @users("comms_staff")
    def test_register_staff(self):
        with self.assertRaises(AccessError):
            self.env["comms.complaint.register.wizard"].create(
                {"month": "1", "year": 2026}
            )

    @users("comms_officer")
    def test_register_officer(self):
        wizard = self.env["comms.complaint.register.wizard"].create(
            {"month": "1", "year": 2026}
        )
        self.assertAccess(wizard, "rwcu")

    def test_complaint_menus_by_role(self):
        complaints = self.env.ref("comms_office.comms_complaint_menu")
        register = self.env.ref("comms_office.comms_complaint_register_menu")
        departments = self.env.ref("comms_office.comms_department_menu")
        for user, sees_complaints, sees_register, sees_config in (
            (self.user_employee, False, False, False),
            (self.user_head_emergency, True, False, False),
            (self.user_officer, True, True, False),
            (self.user_manager, True, True, True),
        ):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertEqual(complaints.id in visible, sees_complaints, user.login)
            self.assertEqual(register.id in visible, sees_register, user.login)
            self.assertEqual(departments.id in visible, sees_config, user.login)
