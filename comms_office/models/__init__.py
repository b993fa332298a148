# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import res_config_settings
from . import comms_media_beat
from . import res_partner
from . import comms_media_list
from . import event_type
from . import event_event
from . import event_registration
from . import comms_event_session
from . import calendar_event
from . import survey_user_input
