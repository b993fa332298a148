# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import res_company
from . import res_config_settings
from . import comms_media_beat
from . import res_partner
from . import comms_media_list
from . import comms_approval_mixin
from . import tier_definition
from . import comms_channel
from . import comms_audience
from . import comms_plan
from . import comms_campaign
from . import comms_campaign_stage
from . import comms_campaign_objective
from . import comms_campaign_milestone
from . import comms_indicator
from . import comms_recommendation
