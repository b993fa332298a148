# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

OFFICE_GROUP = "comms_office.group_comms_officer"


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    # ------------------------------------------------------------
    # SECURITY
    # ------------------------------------------------------------

    def _check_access(self, operation):
        """The documents of a complainant who stays anonymous to the
        department are the office's: outside of it, one reads or changes
        only the documents one added oneself."""
        result = super()._check_access(operation)
        withheld = (self - result[0] if result else self)._comms_withheld()
        if not withheld:
            return result
        if result:
            return result[0] | withheld, result[1]

        def make_error():
            return AccessError(
                self.env._(
                    "The complainant asked to stay anonymous to the department "
                    "concerned: their documents are kept by the communication "
                    "office."
                )
            )

        return withheld, make_error

    @api.model
    def _search(
        self,
        domain,
        offset=0,
        limit=None,
        order=None,
        *,
        active_test=True,
        bypass_access=False,
    ):
        if not (self.env.su or bypass_access or self._comms_reads_all(self.env.user)):
            domain = Domain(domain) & self._comms_withheld_domain()
        return super()._search(
            domain,
            offset=offset,
            limit=limit,
            order=order,
            active_test=active_test,
            bypass_access=bypass_access,
        )

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    @api.model
    def _comms_reads_all(self, user):
        """Whether ``user`` reads every complainant's documents: the office,
        and the superuser that runs the mail gateway and the crons."""
        return user._is_superuser() or user.has_group(OFFICE_GROUP)

    @api.model
    def _comms_withheld_domain(self):
        """Attachments that the current user may see, as far as the
        complainants' anonymity goes."""
        # sudo: every complaint whose complainant stays anonymous, including
        # those the department's record rules would let it read
        withheld = (
            self.env["comms.complaint"].sudo()._search([("hide_identity", "=", True)])
        )
        return (
            Domain("res_model", "!=", "comms.complaint")
            | Domain("res_id", "not in", withheld)
            | Domain("create_uid", "=", self.env.uid)
        )

    def _comms_withheld(self, user=None):
        """The attachments of ``self`` that ``user`` (the current one by
        default) may not see: documents on a complaint whose complainant stays
        anonymous to the department, for whoever is not of the office, except
        the ones they added themselves. An empty ``user`` (a reader who is no
        user) sees none of them."""
        user = self.env.user if user is None else user
        if not self or (user and self._comms_reads_all(user)):
            return self.browse()
        # sudo: the record each attachment belongs to, to know whether it is
        # withheld; nothing of it is returned
        attachments = self.sudo().filtered(
            lambda a: (
                a.res_model == "comms.complaint"
                and a.res_id
                and (not user or a.create_uid != user)
            )
        )
        if not attachments:
            return self.browse()
        # sudo: whether those complaints are withheld, whatever the reader's
        # record rules say of them
        hidden = (
            self.env["comms.complaint"]
            .sudo()
            .browse(set(attachments.mapped("res_id")))
            .exists()
            .filtered("hide_identity")
        )
        return self.browse(attachments.filtered(lambda a: a.res_id in hidden.ids).ids)
