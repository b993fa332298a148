# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_media_directory
from . import test_media_import
from . import test_security
from . import test_settings
from . import test_i18n
from . import test_tours
from . import test_complaint
from . import test_complaint_mail
from . import test_complaint_register
from . import test_complaint_security
from . import test_complaint_form
from . import test_complaint_performance
from . import test_complaint_tour
