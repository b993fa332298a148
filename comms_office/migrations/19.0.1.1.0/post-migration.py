# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Crisis statements are approved on their own fast track and stay hidden from
the staff until they are published. The rule and the two approval tiers of
materials are kept as the institution set them (``noupdate``), so an upgraded
database gets the same domains here as a new one gets from the data files,
where they still hold the shipped value."""

from odoo import SUPERUSER_ID, api

DOMAINS = {
    "comms_office.comms_material_rule_user": (
        "domain_force",
        "[('state', 'in', ('approved', 'published'))]",
        (
            "[('state', 'in', ('approved', 'published')), "
            "'|', ('crisis_id', '=', False), ('state', '=', 'published')]"
        ),
    ),
    "comms_office.tier_definition_material_head": (
        "definition_domain",
        "[]",
        "[('crisis_id', '=', False)]",
    ),
    "comms_office.tier_definition_material_director": (
        "definition_domain",
        "[('approval_director_required', '=', True)]",
        "[('approval_director_required', '=', True), ('crisis_id', '=', False)]",
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, (field, shipped, domain) in DOMAINS.items():
        record = env.ref(xmlid, raise_if_not_found=False)
        # a domain the institution changed by hand is its own choice
        if record and record[field].replace(" ", "") == shipped.replace(" ", ""):
            record.write({field: domain})
