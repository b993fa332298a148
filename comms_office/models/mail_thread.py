# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# what portal's mail.thread accepts instead of access rights
TOKEN_ACCESS_PARAMS = ("token", "hash", "pid")


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    # Set on a model whose ``access_token`` opens one public page of the
    # module (a complaint's status page, the answer to an invitation) and
    # nothing else. Portal's mail.thread turns that field into a key to Odoo's
    # generic chatter routes: reading the messages, posting, uploading,
    # reacting (/mail/chatter_fetch, /mail/message/post,
    # /mail/attachment/upload, /portal/chatter_init, /mail/data…), with the
    # token or with the hash signed from it. On such a model those routes
    # only know the visitor's own access rights; the module's controllers
    # check the token themselves.
    _comms_token_opens_one_page = False

    @api.model
    def _get_thread_with_access(self, thread_id, *, mode="read", **kwargs):
        if self._comms_token_opens_one_page:
            kwargs = {
                key: value
                for key, value in kwargs.items()
                if key not in TOKEN_ACCESS_PARAMS
            }
        return super()._get_thread_with_access(thread_id, mode=mode, **kwargs)
