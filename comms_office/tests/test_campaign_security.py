# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CommsCampaignCommon

# rights per role, model by model: see CommsCommon.assertAccess
RIGHTS = {
    "comms.plan": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.campaign": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.campaign.objective": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwcu",
        "manager": "rwcu",
    },
    "comms.campaign.milestone": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwcu",
        "manager": "rwcu",
    },
    "comms.audience": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.channel": {
        "employee": "----",
        "staff": "r---",
        "officer": "r---",
        "manager": "rwcu",
    },
    "comms.campaign.stage": {
        "employee": "----",
        "staff": "r---",
        "officer": "r---",
        "manager": "rwcu",
    },
    "comms.indicator": {
        "employee": "----",
        "staff": "r---",
        "officer": "rwcu",
        "manager": "rwcu",
    },
    "comms.recommendation": {
        "employee": "----",
        # staff follow up their own recommendations, not this one
        "staff": "rW--",
        "officer": "rwc-",
        "manager": "rwcu",
    },
    "comms.editorial.calendar": {
        "employee": "----",
        "staff": "r---",
        "officer": "r---",
        "manager": "r---",
    },
}


@tagged("post_install", "-at_install", "security")
class TestCampaignSecurity(CommsCampaignCommon):
    """What each role can do on the models of planning and evaluation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["comms.plan"].create({"name": "Plan"})
        cls.campaign.plan_id = cls.plan
        cls.milestone = cls.env["comms.campaign.milestone"].create(
            {
                "campaign_id": cls.campaign.id,
                "name": "Radio",
                "date_deadline": "2025-04-07",
            }
        )
        cls.indicator = cls.env["comms.indicator"].create(
            {"campaign_id": cls.campaign.id, "name": "Reach", "target": 10}
        )
        cls.recommendation = cls.env["comms.recommendation"].create(
            {
                "campaign_id": cls.campaign.id,
                "name": "Earlier",
                "user_id": cls.user_officer.id,
            }
        )
        cls.env.flush_all()
        cls.users_by_role = {
            "employee": cls.user_employee,
            "staff": cls.user_staff,
            "officer": cls.user_officer,
            "manager": cls.user_manager,
        }

    def _record(self, model):
        if model == "comms.editorial.calendar":
            return self.env[model].search([("kind", "=", "campaign")], limit=1)
        return {
            "comms.plan": self.plan,
            "comms.campaign": self.campaign,
            "comms.campaign.objective": self.campaign.objective_ids,
            "comms.campaign.milestone": self.milestone,
            "comms.audience": self.audience_staff,
            "comms.channel": self.channel_radio,
            "comms.campaign.stage": self.env.ref(
                "comms_office.comms_campaign_stage_done"
            ),
            "comms.indicator": self.indicator,
            "comms.recommendation": self.recommendation,
        }[model]

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_rights_per_model_and_role(self):
        for model, roles in RIGHTS.items():
            for role, rights in roles.items():
                user = self.users_by_role[role]
                with self.subTest(model=model, role=role):
                    record = self._record(model)
                    self.assertTrue(record)
                    self.assertAccess(record, rights, user)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_staff_follow_up_their_own_recommendations(self):
        mine = self.recommendation.copy({"user_id": self.user_staff.id})
        mine.with_user(self.user_staff).action_start()
        self.assertEqual(mine.state, "in_progress")
        with self.assertRaises(AccessError):
            self.recommendation.with_user(self.user_staff).action_done()
        # they read all of them
        self.recommendation.with_user(self.user_staff).read(["name"])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_campaigns_of_another_company(self):
        other_company = self.env(user=SUPERUSER_ID)["res.company"].create(
            {"name": "EPH Berrouaghia"}
        )
        foreign = self.env["comms.campaign"].create(
            {"name": "Theirs", "company_id": other_company.id}
        )
        Campaign = self.env["comms.campaign"].with_user(self.user_manager)
        self.assertNotIn(foreign, Campaign.search([]))
        with self.assertRaises(AccessError):
            foreign.with_user(self.user_manager).read(["name"])

    def test_menus_by_role(self):
        campaigns = self.env.ref("comms_office.comms_campaign_menu")
        stages = self.env.ref("comms_office.comms_campaign_stage_menu")
        indicators = self.env.ref("comms_office.comms_indicator_menu")
        for user, sees_campaigns, sees_config in (
            (self.user_employee, False, False),
            (self.user_staff, True, False),
            (self.user_officer, True, False),
            (self.user_manager, True, True),
            (self.user_director, True, True),
        ):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertEqual(campaigns.id in visible, sees_campaigns, user.login)
            self.assertEqual(indicators.id in visible, sees_campaigns, user.login)
            self.assertEqual(stages.id in visible, sees_config, user.login)

    def test_director_group_implies_head_of_office(self):
        self.assertTrue(
            self.user_director.has_group("comms_office.group_comms_manager")
        )
        self.assertFalse(
            self.user_manager.has_group("comms_office.group_comms_director")
        )
