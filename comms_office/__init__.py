# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import models
from . import controllers
from . import report
from . import wizard
from . import oca_catalogues

oca_catalogues.add_catalogue_dirs()
