# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import comms_complaint_register_report
from . import comms_complaint_register
from . import comms_complaint_register_xlsx
from . import comms_editorial_calendar
from . import comms_indicator_xlsx
from . import comms_inquiry_report
from . import comms_complaint_receipt
from . import comms_work_item
from . import comms_awareness_program_xlsx
from . import comms_complaint_report
from . import comms_media_report
from . import comms_office_report
from . import comms_annual_report
from . import comms_annual_report_xlsx
