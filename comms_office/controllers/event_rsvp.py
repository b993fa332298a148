# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.tools import consteq


class EventRsvpController(http.Controller):
    """The guest's answer to an invitation, from the links of its email.

    Opening a link only shows the question: the answer is recorded by the
    button of the page (a POST), so that mail scanners following links do
    not answer on the guest's behalf.
    """

    @http.route(
        "/comms/event/rsvp/<int:registration_id>/<string:token>"
        "/<any(accept,decline):answer>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET", "POST"],
    )
    def event_rsvp(self, registration_id, token, answer, **post):
        registration = self._get_registration(registration_id, token)
        lang = registration._rsvp_lang()
        if lang:
            # the page speaks the invitation's language, whatever the browser's
            request.update_context(lang=lang)
            request.lang = request.env["res.lang"]._get_data(code=lang)
        registration = registration.with_context(lang=request.env.lang)
        if request.httprequest.method == "POST":
            refusal = registration._rsvp_answer(answer)
            outcome = refusal or "answered"
        else:
            outcome = registration._rsvp_check_answer() or "ask"
        status = 409 if outcome in ("closed", "attended", "started", "full") else 200
        return request.render(
            "comms_office.event_rsvp_page",
            self._page_values(registration, answer, outcome),
            status=status,
        )

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _get_registration(self, registration_id, token):
        """The registration, for the guest who holds its secret; 404 otherwise."""
        # sudo: the guest has no account; the registration found by the id of
        # the link is returned only to the holder of its secret token
        registration = (
            request.env["event.registration"].sudo().browse(registration_id).exists()
        )
        if (
            not registration
            or not registration.event_id.is_comms_event
            or not registration.access_token
            or not token
            or not consteq(registration.access_token, token)
        ):
            raise NotFound()
        return registration

    def _page_values(self, registration, answer, outcome):
        lang = request.env["res.lang"]._get_data(code=request.env.lang)
        return {
            "registration": registration,
            "event": registration.event_id,
            "answer": answer,
            "outcome": outcome,
            "html_data": {
                "lang": (lang.code or "en_US").replace("_", "-"),
                "dir": lang.direction or "ltr",
            },
            "no_header": False,
        }
