# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CommsCommon


class ComplaintCommon(CommsCommon):
    """Two departments with their heads, and a complaint in each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_head_emergency = mail_new_test_user(
            cls.env,
            login="comms_head_emergency",
            groups="comms_office.group_comms_user",
            name="Head of Emergency",
        )
        cls.user_head_maternity = mail_new_test_user(
            cls.env,
            login="comms_head_maternity",
            groups="comms_office.group_comms_user",
            name="Head of Maternity",
        )
        cls.company.write(
            {
                "comms_head_id": cls.user_manager.id,
                "comms_calendar_id": cls.env.ref(
                    "comms_office.resource_calendar_sun_thu"
                ).id,
                "comms_ack_days": 3,
                "comms_answer_days": 20,
            }
        )
        Department = cls.env["comms.department"]
        cls.dept_emergency = Department.create(
            {"name": "Urgences", "code": "T-URG", "head_id": cls.user_head_emergency.id}
        )
        cls.dept_maternity = Department.create(
            {
                "name": "Maternité",
                "code": "T-MAT",
                "head_id": cls.user_head_maternity.id,
            }
        )
        cls.cat_waiting = cls.env.ref("comms_office.comms_complaint_category_waiting")
        cls.cat_hygiene = cls.env.ref("comms_office.comms_complaint_category_hygiene")
        cls.cat_billing = cls.env.ref("comms_office.comms_complaint_category_billing")
        Complaint = cls.env["comms.complaint"]
        cls.complaint_emergency = Complaint.create(
            {
                "subject": "Attente aux urgences",
                "description": "Quatre heures d'attente sans être vu.",
                "channel": "phone",
                "category_id": cls.cat_waiting.id,
                "department_id": cls.dept_emergency.id,
                "complainant_name": "Salima Test",
                "complainant_email": "salima@example.dz",
                "complainant_phone": "0661000000",
            }
        )
        cls.complaint_maternity = Complaint.create(
            {
                "subject": "Sanitaires",
                "description": "Pas d'eau.",
                "channel": "desk",
                "category_id": cls.cat_billing.id,
                "department_id": cls.dept_maternity.id,
                "complainant_name": "Karim Test",
                "hide_identity": True,
            }
        )
