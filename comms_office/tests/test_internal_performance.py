# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo.tests import tagged

from .common import BENCHMARKS
from .internal_common import CommsInternalCommon

SMALL, LARGE = 50, 2000
# rows the ORM inserts in one query
INSERT_BATCH = 100
# records the ORM reads in one query
PREFETCH_MAX = 1000


@tagged("post_install", "-at_install", "comms_performance")
class TestAnnouncementPerformance(CommsInternalCommon):
    """Sending to a whole hospital costs what sending to a ward does, batch
    for batch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        staff_group = cls.env.ref("comms_office.group_comms_user")
        users = (
            cls.env["res.users"]
            .with_context(no_reset_password=True, mail_create_nolog=True)
            .create(
                [
                    {
                        "name": f"Agent {i}",
                        "login": f"agent{i}@hospital.test",
                        "email": f"agent{i}@hospital.test",
                        "group_ids": [(6, 0, staff_group.ids)],
                    }
                    for i in range(LARGE)
                ]
            )
        )
        Department = cls.env["comms.department"]
        cls.dept_small = Department.create(
            {"name": "Small ward", "member_ids": [(6, 0, users[:SMALL].ids)]}
        )
        cls.dept_large = Department.create(
            {"name": "Whole hospital", "member_ids": [(6, 0, users.ids)]}
        )
        cls.env["ir.config_parameter"].sudo().set_param("mail.batch_size", SMALL)

    def _approved(self, department):
        announcement = self._announcement(department_ids=[(6, 0, department.ids)])
        announcement.action_request_approval()
        self._review(announcement, self.user_manager)
        return announcement.with_user(self.user_officer)

    def test_send_costs_the_same_for_50_and_2000(self):
        departments = {SMALL: self.dept_small, LARGE: self.dept_large}

        def send(size):
            announcement = self._approved(departments[size])
            announcement.action_send()

        # the ORM inserts new rows by batches of 100 and reads fields by
        # batches of 1000: one query a batch
        queries = self.assertQueriesDoNotGrow(
            send, SMALL, LARGE, per_record=1 / INSERT_BATCH + 1 / PREFETCH_MAX
        )
        BENCHMARKS.append(
            f"announcement send (audience, recipients, mailing, Discuss): {queries} "
            f"queries for {SMALL} staff, + 1 per {INSERT_BATCH} and 1 per "
            f"{PREFETCH_MAX} more"
        )

    def test_mailing_costs_the_same_per_batch(self):
        small = self._approved(self.dept_small)
        small.action_send()
        large = self._approved(self.dept_large)
        large.action_send()
        counts = {}
        for announcement in (small, large):
            mailing = announcement.sudo().mailing_ids
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            mailing.action_send_mail()
            self.env.flush_all()
            counts[announcement] = self.env.cr.sql_log_count - before
            traces = self.env["mailing.trace"].search_count(
                [("mass_mailing_id", "=", mailing.id)]
            )
            self.assertEqual(traces, len(announcement.recipient_ids))
        batches = math.ceil(LARGE / SMALL)
        per_batch_large = counts[large] / batches
        self.assertLessEqual(
            per_batch_large,
            counts[small],
            f"{counts[small]} queries for one batch of {SMALL}, "
            f"{counts[large]} for {batches} batches",
        )
        BENCHMARKS.append(
            f"announcement email: {counts[small]} queries for one batch of {SMALL}, "
            f"{per_batch_large:.0f} per batch for {LARGE} staff"
        )

    def test_confirmation_counts_are_grouped(self):
        small = self._approved(self.dept_small)
        small.action_send()
        large = self._approved(self.dept_large)
        large.action_send()
        # half of the large audience confirms
        large.sudo().recipient_ids[: LARGE // 2]._confirm()

        def count(announcement):
            announcement = announcement.with_user(self.user_officer)
            announcement._comms_confirmation_by_department()
            announcement.read(["recipient_count", "confirmed_count"])

        self.assertQueriesDoNotGrow(count, small, large)
        by_department = large._comms_confirmation_by_department()
        self.assertEqual(by_department[self.dept_large], (LARGE, LARGE // 2))
        self.assertEqual(large.confirmed_count, LARGE // 2)
