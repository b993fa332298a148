# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged, users

from .complaint_common import ComplaintCommon


@tagged("post_install", "-at_install", "complaint_perf")
class TestComplaintPerformance(ComplaintCommon):
    def _values(self, count):
        return [
            {
                "subject": f"Batch {index}",
                "description": "Entered from the paper register",
                "channel": "paper",
                "category_id": self.cat_waiting.id,
                "department_id": (self.dept_emergency | self.dept_maternity)[
                    index % 2
                ].id,
                "complainant_name": f"Person {index}",
            }
            for index in range(count)
        ]

    @users("comms_officer")
    def test_batch_intake(self):
        """Entering a paper register: the queries do not grow with the batch."""
        Complaint = self.env["comms.complaint"]
        batches = []

        def enter(count):
            batches.append(Complaint.create(self._values(count)))

        # the yearly numbering draws one number per complaint; the rest, the
        # institution's language for one, is read once for the batch
        self.assertQueriesDoNotGrow(enter, 2, 20, per_record=1)
        complaints = batches[-1]
        self.assertEqual(len(set(complaints.mapped("name"))), 20)
        self.assertTrue(all(complaints.mapped("date_answer_deadline")))

    @users("comms_officer")
    def test_list_view(self):
        Complaint = self.env["comms.complaint"]
        Complaint.sudo().create(self._values(30))
        fields_spec = {
            name: {}
            for name in (
                "priority",
                "name",
                "date_received",
                "kind",
                "channel",
                "subject",
                "date_answer_deadline",
                "is_overdue",
                "state",
            )
        }
        fields_spec.update(
            {
                "category_id": {"fields": {"display_name": {}}},
                "department_id": {"fields": {"display_name": {}}},
                "user_id": {"fields": {"display_name": {}}},
            }
        )
        self.assertQueriesDoNotGrow(
            lambda limit: Complaint.web_search_read([], fields_spec, limit=limit),
            2,
            20,
        )
        result = Complaint.web_search_read([], fields_spec, limit=80)
        self.assertGreaterEqual(result["length"], 32)
