# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.mail.tools.discuss import Store


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _to_store_defaults(self, target):
        """Odoo lists the attachments of a readable message, with the tokens
        that download them; the documents of a complainant who stays anonymous
        to the department are left out for whoever may not read them."""
        fields = super()._to_store_defaults(target)
        reader = target.get_user(self.env)
        for field in fields:
            if isinstance(field, Store.Many) and field.field_name == "attachment_ids":
                field.value = lambda message: message._comms_attachments_for(reader)
        return fields

    def _comms_attachments_for(self, reader):
        self.ensure_one()
        # sudo: mail.message - the attachments of an accessible message, as
        # Odoo's own store reads them
        attachments = self.sudo().attachment_ids
        if self.model != "comms.complaint":
            return attachments
        return attachments - attachments._comms_withheld(reader)
