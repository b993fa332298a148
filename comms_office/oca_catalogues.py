# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Extra catalogues for the OCA modules the office depends on.

OCA's tier validation ships no Arabic. Its Arabic (and complementary French)
catalogue lives next to comms_office, in ``base_tier_validation/i18n_extra/``
of an addons-path directory (the repository root). Odoo reads
``<module>/i18n_extra/<lang>.po`` for data and code terms alike, but once a
module is imported it looks for that file only in the module's own
``__path__``: the catalogue directories are added to it here, when the office
is loaded, right after the OCA module."""

import importlib
import os

from odoo.tools.translate import code_translations

import odoo.addons

MODULES = ("base_tier_validation",)


def catalogue_dirs(module_name):
    """The directories named after the module, holding an ``i18n_extra``
    folder and no module, in the addons path."""
    for addons_dir in odoo.addons.__path__:
        path = os.path.join(addons_dir, module_name)
        if os.path.isdir(os.path.join(path, "i18n_extra")) and not os.path.isfile(
            os.path.join(path, "__manifest__.py")
        ):
            yield path


def add_catalogue_dirs():
    for module_name in MODULES:
        package = importlib.import_module(f"odoo.addons.{module_name}")
        added = [
            path for path in catalogue_dirs(module_name) if path not in package.__path__
        ]
        if not added:
            continue
        package.__path__.extend(added)
        # code terms read before (none, normally) are read again
        for cache in (
            code_translations.python_translations,
            code_translations.web_translations,
        ):
            for key in [key for key in cache if key[0] == module_name]:
                del cache[key]
