# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import res_config_settings
from . import comms_media_beat
from . import res_partner
from . import comms_media_list
from . import comms_department
from . import comms_complaint_category
from . import comms_complaint
from . import tier_definition
