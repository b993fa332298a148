# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_media_directory
from . import test_media_import
from . import test_security
from . import test_settings
from . import test_tours
from . import test_material
from . import test_press_dispatch
from . import test_inquiry
from . import test_coverage
from . import test_security_media
from . import test_tours_media
