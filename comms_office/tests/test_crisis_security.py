# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .crisis_common import CommsCrisisCommon


@tagged("post_install", "-at_install")
class TestCrisisSecurity(CommsCrisisCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.statement = cls.env["comms.material"].create(
            {
                "name": "Déclaration v1",
                "material_type": "statement",
                "crisis_id": cls.crisis.id,
            }
        )
        cls.rumour = cls.env["comms.rumour"].create(
            {"name": "Coupure d'eau", "crisis_id": cls.crisis.id}
        )
        cls.entry = cls.env["comms.crisis.log"].create(
            {"crisis_id": cls.crisis.id, "name": "Note"}
        )

    def _set_state(self, state):
        # the approval round is tested elsewhere: only the rule matters here
        self.env.cr.execute(
            "UPDATE comms_material SET state = %s WHERE id = %s",
            (state, self.statement.id),
        )
        self.statement.invalidate_recordset(["state"])

    def test_rights_per_role(self):
        # employees outside the office and staff outside the cell see nothing
        for user in (self.user_employee, self.user_staff):
            self.assertAccess(
                self.crisis, "----" if user == self.user_employee else "R---", user
            )
            with self.assertRaises(AccessError):
                self.statement.with_user(user).check_access("read")
            with self.assertRaises(AccessError):
                self.rumour.with_user(user).check_access("read")
            with self.assertRaises(AccessError):
                self.entry.with_user(user).check_access("read")
        # a member of the cell reads the crisis and its drafts, changes nothing
        self.assertAccess(self.crisis, "r---", self.user_expert)
        self.statement.with_user(self.user_expert).check_access("read")
        self.rumour.with_user(self.user_expert).check_access("read")
        self.assertAccess(self.crisis, "rwc-", self.user_officer)
        self.assertAccess(self.crisis, "rwcu", self.user_manager)
        self.assertAccess(self.crisis, "rwcu", self.user_director)
        self.assertAccess(self.rumour, "rwc-", self.user_officer)

    def test_attacks_by_rpc(self):
        Crisis = self.env["comms.crisis"]
        for user in (self.user_employee, self.user_staff, self.user_expert):
            with self.assertRaises(AccessError):
                Crisis.with_user(user).create({"name": "Fausse crise"})
            with self.assertRaises(AccessError):
                self.crisis.with_user(user).write({"severity": "1"})
            with self.assertRaises(AccessError):
                self.crisis.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.rumour.with_user(user).write({"state": "closed"})
            with self.assertRaises(AccessError):
                self.statement.with_user(user).write({"body": "<p>Tout va bien</p>"})
            with self.assertRaises(AccessError):
                self.crisis.member_ids[:1].with_user(user).write({"user_id": user.id})
        with self.assertRaises(AccessError):
            self.crisis.with_user(self.user_officer).unlink()
        # staff outside the cell cannot slip an entry into a crisis's timeline
        with self.assertRaises(AccessError):
            self.env["comms.crisis.log"].with_user(self.user_staff).create(
                {"crisis_id": self.crisis.id, "name": "Intrusion"}
            )
        # a published statement reaches the whole staff, a draft never
        self._set_state("approved")
        with self.assertRaises(AccessError):
            self.statement.with_user(self.user_staff).check_access("read")
        self._set_state("published")
        self.statement.with_user(self.user_staff).check_access("read")

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "EPH Berrouaghia"})
        self.user_officer.company_ids = [(4, other.id)]
        crisis = self.env["comms.crisis"].create(
            {"name": "Autre hôpital", "company_id": other.id}
        )
        with self.assertRaises(AccessError):
            crisis.with_user(self.user_manager).check_access("read")
