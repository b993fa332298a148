# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import comms_material_send
