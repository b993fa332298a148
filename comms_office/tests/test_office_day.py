# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import Form, tagged, users
from odoo.tools.safe_eval import safe_eval

from .complaint_common import ComplaintCommon
from .lang_common import fake_translation


@tagged("post_install", "-at_install")
class TestOfficeDay(ComplaintCommon):
    """Each role lands on its work: what is late, to approve, to do, running."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.comms_director_budget_threshold = 1000.0
        cls.user_manager.lang = "fr_FR"
        cls.user_officer.lang = "ar_001"
        cls.campaign = cls.env["comms.campaign"].create(
            {"name": "Big campaign", "budget": 5000.0, "user_id": cls.user_officer.id}
        )
        # received a month ago: both deadlines have passed
        cls.complaint_late = cls.env["comms.complaint"].create(
            {
                "subject": "Lost file",
                "description": "x",
                "department_id": cls.dept_emergency.id,
                "date_received": fields.Datetime.now() - timedelta(days=40),
            }
        )

    def _items(self, user, domain=()):
        self.env.flush_all()
        return self.env["comms.work.item"].with_user(user).search(list(domain))

    def _item(self, items, record, kind):
        return items.filtered(
            lambda i: (
                i.res_model == record._name and i.res_id == record.id and i.kind == kind
            )
        )

    def test_landing_per_role(self):
        Item = self.env["comms.work.item"]
        overview = self.env.ref("comms_office.comms_work_item_action_overview")
        for user in (self.user_manager, self.user_director):
            action = Item.with_user(user)._action_landing()
            self.assertEqual(action["id"], overview.id, user.name)
            self.assertEqual(action["view_mode"].split(",")[0], "kanban")
        action = Item.with_user(self.user_officer)._action_landing()
        self.assertEqual(action["res_model"], "comms.work.item")
        self.assertEqual(action["view_mode"].split(",")[0], "list")
        self.assertTrue(action["context"]["search_default_mine"])
        self.assertTrue(action["context"]["search_default_office"])
        action = Item.with_user(self.user_head_emergency)._action_landing()
        self.assertTrue(action["context"]["search_default_my_department"])
        self.assertNotIn("search_default_office", action["context"])
        # the app opens on the landing, for every role
        root = self.env.ref("comms_office.comms_office_menu_root")
        self.assertEqual(
            root.action,
            self.env.ref("comms_office.comms_work_item_action_server_landing"),
        )

    def test_complaints_late_and_to_do(self):
        items = self._items(self.user_officer)
        late = self._item(items, self.complaint_late, "complaint_ack")
        self.assertEqual(late.section, "late")
        self.assertEqual(late.reference, self.complaint_late.name)
        self.assertEqual(late.date_deadline, self.complaint_late.date_ack_deadline)
        fresh = self._item(items, self.complaint_emergency, "complaint_ack")
        self.assertEqual(fresh.section, "todo")
        # acknowledged: the answer is what is left to do
        self.complaint_emergency.with_user(self.user_officer).action_acknowledge()
        items = self._items(self.user_officer)
        self.assertFalse(self._item(items, self.complaint_emergency, "complaint_ack"))
        answer = self._item(items, self.complaint_emergency, "complaint_answer")
        self.assertEqual(
            answer.date_deadline, self.complaint_emergency.date_answer_deadline
        )
        # the item opens the complaint
        action = answer.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("comms.complaint", self.complaint_emergency.id),
        )

    def test_approvals_waiting_and_next(self):
        self.campaign.with_user(self.user_officer).action_request_approval()
        for user, kind in (
            (self.user_manager, "approval"),
            (self.user_director, "approval_next"),
        ):
            items = self._items(user, [("reviewer_ids", "in", [user.id])])
            item = self._item(items, self.campaign, kind)
            self.assertEqual(len(item), 1, user.name)
            self.assertTrue(item.is_mine)
            self.assertEqual(item.user_id, self.user_officer, "who asked")
            self.assertEqual(item.document_type, "Communication Campaign")
        # the menu of the reviewers lists them
        action = self.env.ref("comms_office.comms_work_item_action_to_approve")
        Item = self.env["comms.work.item"].with_user(self.user_director)
        self.env.flush_all()
        listed = Item.search(safe_eval(action.domain, {"uid": self.user_director.id}))
        self.assertEqual(listed.mapped("kind"), ["approval_next"])
        self._review(self.campaign, self.user_manager)
        items = self._items(self.user_director, [("kind", "=", "approval")])
        self.assertEqual(
            self._item(items, self.campaign, "approval").section, "approval"
        )
        self._review(self.campaign, self.user_director)
        self.assertFalse(
            self._item(self._items(self.user_director), self.campaign, "approval")
        )

    def test_running_campaign_and_milestones(self):
        campaign = self.campaign
        campaign.write(
            {
                "date_start": fields.Date.today() - timedelta(days=30),
                "date_end": fields.Date.today() - timedelta(days=1),
            }
        )
        self._review_all()
        campaign.action_start()
        task = self.env["comms.campaign.milestone"].create(
            {
                "campaign_id": campaign.id,
                "name": "Record the radio spot",
                "user_id": self.user_officer.id,
                "date_deadline": fields.Date.today() + timedelta(days=2),
            }
        )
        items = self._items(self.user_manager)
        self.assertEqual(
            self._item(items, campaign, "campaign").section,
            "late",
            "past its end and still running",
        )
        self.assertEqual(self._item(items, task, "milestone").section, "todo")
        self.assertEqual(
            self._item(items, task, "milestone").name,
            "Big campaign: Record the radio spot",
        )
        task.state = "done"
        self.assertFalse(self._item(self._items(self.user_manager), task, "milestone"))

    def _review_all(self):
        self.campaign.with_user(self.user_officer).action_request_approval()
        self._review(self.campaign, self.user_manager)
        self._review(self.campaign, self.user_director)
        self.assertEqual(self.campaign.state, "approved")

    def test_staff_see_their_own(self):
        inquiry = self.env["comms.inquiry"].create(
            {"name": "Ambulances", "partner_id": self.journalist_radio.id}
        )
        inquiry.activity_schedule(
            "comms_office.mail_activity_type_comms_facts",
            summary="How many ambulances?",
            user_id=self.user_head_maternity.id,
        )
        items = self._items(self.user_head_maternity)
        self.assertEqual(
            {(item.res_model, item.res_id) for item in items},
            {
                ("comms.inquiry", inquiry.id),
                ("comms.complaint", self.complaint_maternity.id),
            },
        )
        request = self._item(items, inquiry, "request")
        self.assertEqual(request.name, "How many ambulances?")
        self.assertTrue(request.is_mine)
        self.assertFalse(request.is_my_department)
        complaint = self._item(items, self.complaint_maternity, "complaint_ack")
        self.assertTrue(complaint.is_my_department)
        # approvals and deadline reminders are listed once, as themselves
        self.env["comms.complaint"]._cron_deadline_activities(soon_days=60)
        self.assertFalse(
            self._items(self.user_head_emergency, [("kind", "=", "request")])
        )

    @users("comms_head_emergency")
    def test_department_hands_back_findings(self):
        complaint = self.complaint_emergency.with_user(self.env.user)
        self.complaint_emergency.action_acknowledge()
        self.complaint_emergency.with_user(self.user_officer).activity_schedule(
            "mail.mail_activity_data_todo",
            summary="What happened that night?",
            user_id=self.env.user.id,
        )
        self.assertTrue(complaint.can_hand_back_findings)
        self.assertFalse(
            self.complaint_emergency.with_user(self.user_officer).can_hand_back_findings
        )
        item = self._item(
            self._items(self.env.user), self.complaint_emergency, "complaint_answer"
        )
        action = item.action_hand_back_findings()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
        wizard.findings = "<p>Two nurses were on leave that night.</p>"
        wizard.corrective_action = "A third nurse is on call."
        with fake_translation(
            "ar_001", "Findings received: prepare the answer", "وصلت النتائج"
        ):
            wizard.save().action_hand_back()
        complaint.invalidate_recordset()
        self.assertIn("Two nurses", complaint.sudo().investigation_notes)
        self.assertEqual(
            complaint.sudo().corrective_action, "A third nurse is on call."
        )
        note = complaint.sudo().message_ids.filtered(
            lambda m: "Findings of Urgences" in m.body
        )
        self.assertEqual(len(note), 1)
        self.assertTrue(note.subtype_id.internal)
        self.assertFalse(
            complaint.sudo().activity_ids.filtered(lambda a: a.user_id == self.env.user)
        )
        # the officer who asked prepares the answer, told in Arabic
        todo = complaint.sudo().activity_ids.filtered(
            lambda a: a.user_id == self.user_officer
        )
        self.assertEqual(todo.summary, "وصلت النتائج")

    def test_events_of_the_day(self):
        event = self.env["event.event"].create(
            {
                "name": "Open day",
                "is_comms_event": True,
                "date_begin": datetime.now() - timedelta(hours=1),
                "date_end": datetime.now() + timedelta(hours=3),
                "user_id": self.user_officer.id,
            }
        )
        later = event.copy(
            {
                "name": "Workshop",
                "date_begin": datetime.now() + timedelta(days=3),
                "date_end": datetime.now() + timedelta(days=3, hours=2),
            }
        )
        items = self._items(self.user_officer, [("kind", "=", "event")])
        self.assertTrue(self._item(items, event, "event").is_today)
        self.assertFalse(self._item(items, later, "event").is_today)
        self.assertEqual(set(items.mapped("section")), {"running"})
