# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import BENCHMARKS
from .crisis_common import CommsCrisisCommon


@tagged("post_install", "-at_install")
class TestCrisisPerformance(CommsCrisisCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cell_users = cls.env["res.users"]
        for n in range(30):
            cls.cell_users |= mail_new_test_user(
                cls.env,
                login=f"comms_cell_{n}",
                groups="comms_office.group_comms_user",
                name=f"Cell Member {n}",
                phone=f"+213 661 00 10 {n:02d}",
            )

    def _crisis_with_cell(self, size):
        return self._new_crisis(
            member_ids=[
                (0, 0, {"user_id": user.id, "role": "member"})
                for user in self.cell_users[:size]
            ]
        )

    def test_activation_cost_does_not_grow_with_the_cell(self):
        def activate(size):
            self._crisis_with_cell(size).with_user(self.user_officer).action_activate()

        # the registry's caches learn the 30 users' groups once
        activate(30)
        queries = self.assertQueriesDoNotGrow(activate, 3, 30)
        BENCHMARKS.append(f"crisis activation: {queries} queries for 3 or 30 members")

    def test_timeline_cost_does_not_grow_with_its_length(self):
        crises = {}
        for size in (10, 10000):
            crisis = self._new_crisis(name=f"Timeline {size}")
            self.env["comms.crisis.log"].create(
                [
                    {"crisis_id": crisis.id, "name": f"Entrée {n}", "kind": "note"}
                    for n in range(size)
                ]
            )
            crises[size] = crisis
        report = self.env["ir.actions.report"]

        def render(size):
            crisis = crises[size].with_user(self.user_officer)
            html, _ = report.with_user(self.user_officer)._render_qweb_html(
                "comms_office.action_report_comms_crisis", crisis.ids
            )
            self.assertIn(b"Entr", html)

        queries = self.assertQueriesDoNotGrow(render, 10, 10000)
        BENCHMARKS.append(
            f"crisis report: {queries} queries for a timeline of 10 or 10,000 entries"
        )
