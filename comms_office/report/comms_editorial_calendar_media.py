# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

# slot of publications in the ids of the editorial calendar
PUBLICATION_SLOT = 5


class CommsEditorialCalendar(models.Model):
    _inherit = "comms.editorial.calendar"

    kind = fields.Selection(selection_add=[("publication", "Publication")])

    def _editorial_queries(self):
        return super()._editorial_queries() + [
            SQL(
                """
                SELECT p.id * %(slots)s + %(slot)s AS id,
                       'publication' AS kind,
                       p.name AS name,
                       p.date AS date_start,
                       p.date AS date_stop,
                       p.campaign_id AS campaign_id,
                       p.user_id AS user_id,
                       p.company_id AS company_id,
                       'comms.publication' AS res_model,
                       p.id AS res_id
                  FROM comms_publication p
                """,
                slots=self._id_slots,
                slot=PUBLICATION_SLOT,
            )
        ]
