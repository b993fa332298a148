# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import complaint
from . import event_rsvp
from . import announcement
from . import public
