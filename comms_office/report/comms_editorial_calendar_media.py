# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

# slot of publications in the ids of the editorial calendar
PUBLICATION_SLOT = 5


class CommsEditorialCalendar(models.Model):
    _inherit = "comms.editorial.calendar"

    kind = fields.Selection(selection_add=[("publication", "Publication")])

    @api.depends_context("lang")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        # a publication shows where it went out, in the reader's language; the
        # name of the entry is shown to whoever reads the calendar
        entries = self.filtered(lambda e: e.res_model == "comms.publication")
        publications = (
            self.env["comms.publication"].sudo().browse(entries.mapped("res_id"))
        )
        names = {p.id: p.display_name for p in publications.exists()}
        for entry in entries:
            entry.display_name = names.get(entry.res_id, entry.name)
        return res

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
