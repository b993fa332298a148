# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestCrisisTour(HttpCase):
    def test_tour_crisis_in_arabic(self):
        self.env.ref("base.lang_ar").active = True
        director = mail_new_test_user(
            self.env,
            login="tour_crisis_director",
            # the head of office's tier is reviewed by the group's own members
            groups="comms_office.group_comms_director,comms_office.group_comms_manager",
            name="Tour Director",
            lang="ar_001",
        )
        scenario = self.env["comms.crisis.scenario"].create(
            {
                "name": "Tour oxygen",
                "kind": "outage",
                "holding_statement": "<p>We know how worrying this is.</p>",
                "member_ids": [
                    (0, 0, {"user_id": director.id, "role": "medical_expert"}),
                ],
            }
        )
        self.start_tour(
            "/odoo/action-comms_office.comms_crisis_scenario_action",
            "comms_office_crisis_tour",
            login=director.login,
        )
        crisis = self.env["comms.crisis"].search([("scenario_id", "=", scenario.id)])
        self.assertEqual(crisis.state, "initial")
        self.assertTrue(crisis.channel_id)
        statement = crisis.statement_ids
        self.assertEqual(statement.state, "published")
        self.assertEqual(len(statement.review_ids), 3)
        first = crisis.clock_ids.filtered(lambda c: c.kind == "first_statement")
        self.assertTrue(first.date_done)
        rumour = crisis.rumour_ids
        self.assertEqual(rumour.state, "debunked")
        self.assertEqual(rumour.published_where, "Official Facebook page")
        self.assertIn(
            "rumour", crisis.log_ids.mapped("kind"), "the rumour is on the timeline"
        )
