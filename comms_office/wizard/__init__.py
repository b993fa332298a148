# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import comms_complaint_register_wizard
from . import comms_event_invite
from . import comms_material_send
from . import comment_wizard
from . import mail_activity_schedule
from . import comms_complaint_findings
from . import comms_awareness_test_entry
from . import comms_annual_report_wizard
