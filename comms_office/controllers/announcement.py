# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import consteq


class AnnouncementController(http.Controller):
    """A recipient's read confirmation, from the link of their email.

    The link opens the announcement sent to that recipient and its
    confirmation button, and nothing else. Opening it does not confirm: the
    button of the page does (a POST), so that mail scanners following links
    do not confirm on the recipient's behalf.
    """

    @http.route(
        "/comms/announcement/<int:recipient_id>/<string:token>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET", "POST"],
    )
    def announcement_confirm(self, recipient_id, token, **post):
        recipient = self._get_recipient(recipient_id, token)
        lang = recipient.user_id.lang
        if lang:
            request.update_context(lang=lang)
            request.lang = request.env["res.lang"]._get_data(code=lang)
        recipient = recipient.with_context(lang=request.env.lang)
        confirmed_now = False
        if request.httprequest.method == "POST":
            confirmed_now = bool(recipient._confirm())
        lang_data = request.env["res.lang"]._get_data(code=request.env.lang)
        return request.render(
            "comms_office.announcement_confirm_page",
            {
                "recipient": recipient,
                "announcement": recipient.announcement_id,
                "confirmed_now": confirmed_now,
                "html_data": {
                    "lang": (lang_data.code or "en_US").replace("_", "-"),
                    "dir": lang_data.direction or "ltr",
                },
            },
        )

    def _get_recipient(self, recipient_id, token):
        """The recipient holding this secret, of a sent mandatory
        announcement; 404 otherwise."""
        if not token:
            raise NotFound()
        # sudo: the recipient may not be logged in; the row is looked up by
        # its secret token together with its id, never by the id alone
        recipient = (
            request.env["comms.announcement.recipient"]
            .sudo()
            .search(
                Domain("id", "=", recipient_id) & Domain("confirm_token", "=", token),
                limit=1,
            )
        )
        if (
            not recipient
            or not consteq(recipient.confirm_token, token)
            or recipient.announcement_id.state != "sent"
            or not recipient.announcement_id.is_mandatory
        ):
            raise NotFound()
        return recipient
