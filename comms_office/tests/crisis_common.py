# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CommsCommon


class CommsCrisisCommon(CommsCommon):
    """A scenario with a standing cell of three, and a prepared crisis."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_expert = mail_new_test_user(
            cls.env,
            login="comms_expert",
            groups="comms_office.group_comms_user",
            name="Medical Expert",
            phone="+213 661 00 00 01",
        )
        cls.scenario = cls.env.ref("comms_office.comms_crisis_scenario_outage")
        cls.scenario.member_ids = [
            (0, 0, {"user_id": cls.user_manager.id, "role": "lead"}),
            (0, 0, {"user_id": cls.user_officer.id, "role": "spokesperson"}),
            (0, 0, {"user_id": cls.user_expert.id, "role": "medical_expert"}),
        ]
        cls.crisis = cls._new_crisis()

    @classmethod
    def _new_crisis(cls, **values):
        return cls.env["comms.crisis"].create(
            {
                "name": "Panne d'oxygène en réanimation",
                "scenario_id": cls.scenario.id,
                "severity": "4",
                "known_facts": "Pression d'oxygène basse à 02:40.",
                **values,
            }
        )
