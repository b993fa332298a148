# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import re
import secrets
import time

import psycopg2.errors
from werkzeug.exceptions import NotFound, abort

from odoo import fields, http
from odoo.exceptions import ConcurrencyError
from odoo.http import request
from odoo.tools import consteq, email_normalize
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.misc import hmac

_logger = logging.getLogger(__name__)

# Limits of the public form; the file size can be changed with the system
# parameter comms_office.complaint_max_file_size (the flood limits: see
# comms.complaint.flood).
MAX_SUBJECT = 200
MAX_DESCRIPTION = 5000
MAX_NAME = 120
MAX_CONTACT = 120
MAX_FILES = 3
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
# room for the texts and the multipart framing around the files
FORM_OVERHEAD = 1024 * 1024
ALLOWED_MIMETYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "text/plain",
}
KINDS = ("complaint", "suggestion", "compliment")
# Robots are kept out by a field that people do not see and by the time a
# person takes to fill the form (system parameter
# comms_office.complaint_min_fill_seconds), counted from a signed token.
HONEYPOT = "website_url"
DEFAULT_MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 24 * 3600
# what the form sends, as text: anything else the client adds is ignored
FORM_FIELDS = (
    "kind",
    "subject",
    "description",
    "department_id",
    "category_id",
    "date_facts",
    "name",
    "email",
    "phone",
    "expects_answer",
    "hide_identity",
    "consent",
    HONEYPOT,
    "submission_key",
)
# the fields that can be refused, in the order of the form: the summary of
# errors at the top of the page lists them so, each linked to its field
ERROR_FIELDS = (
    "kind",
    "subject",
    "description",
    "department_id",
    "category_id",
    "date_facts",
    "attachments",
    "name",
    "email",
    "phone",
    "contact",
    "consent",
)
# the control a summary link leads to, when it is not named after the error
ERROR_TARGETS = {"kind": "kind_complaint", "contact": "email"}
# The one-time key of a form, drawn when the form is given: the same form
# sent twice (a double click, a proxy or a browser retrying after a lost
# answer) is filed once and answered twice with the same receipt.
SUBMISSION_KEY = re.compile(r"[A-Za-z0-9_-]{32,64}")
# an id as the form's lists send it: ASCII digits within PostgreSQL's integer
RECORD_ID = re.compile(r"[1-9][0-9]{0,9}")
MAX_RECORD_ID = 2**31 - 1


class ComplaintController(http.Controller):
    # ------------------------------------------------------------
    # FORM
    # ------------------------------------------------------------

    @http.route(
        "/comms/complaint",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET"],
    )
    def complaint_form(self, **kwargs):
        values = {
            "kind": kwargs.get("kind") if kwargs.get("kind") in KINDS else "complaint"
        }
        values["expects_answer"] = "on"
        return self._render_form(values, {})

    @http.route(
        "/comms/complaint/submit",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["POST"],
        max_content_length=lambda controller: controller._request_size_limit(),
        # checked below, where a failure gives the form back with its text
        csrf=False,
    )
    def complaint_submit(self, **post):
        csrf_token, form_token = post.get("csrf_token"), post.get("form_token")
        switch_lang = post.get("switch_lang")
        post = self._form_values(post)
        issued, reason = self._check_form_token(form_token)
        if switch_lang:
            return self._switch_language(post, issued, recheck=switch_lang == "errors")
        if not request.validate_csrf(csrf_token if isinstance(csrf_token, str) else ""):
            reason = "expired"
        elif not SUBMISSION_KEY.fullmatch(post.get("submission_key") or ""):
            # a page given before forms had a key: given back with one
            reason = "expired"
        elif not reason and post.get(HONEYPOT):
            reason = "hidden"
        if reason:
            # a person gets the form back with their text, a robot gets nothing
            _logger.info("Complaint form: sent back (%s)", reason)
            return self._render_form(
                dict(post, **{HONEYPOT: ""}),
                {"global": self._sent_back_message(reason)},
                status=400,
                issued=issued,
            )
        filed = self._filed(post["submission_key"])
        if filed:
            # already filed: the answer that was lost, and nothing counted
            return request.redirect(filed.get_portal_url() + "&new=1")
        values, errors = self._validate(post)
        files, file_errors = self._read_files()
        errors.update(file_errors)
        if errors:
            return self._render_form(post, errors, status=400, issued=issued)
        # sudo: the public user has no access to the counts
        Flood = request.env["comms.complaint.flood"].sudo()
        if not Flood._register_submission(request.httprequest.remote_addr):
            errors = {
                "global": request.env._(
                    "Too many requests were sent from your connection. Please "
                    "try again in an hour or come to the office."
                )
            }
            return self._render_form(post, errors, status=429, issued=issued)
        values["submission_key"] = post["submission_key"]
        try:
            # sudo: the public has no access to the register; what it sent was
            # validated above, and only the status link goes back to it
            complaint = (
                request.env["comms.complaint"]
                .sudo()
                ._comms_register(values, files, channel="web")
            )
            request.env.flush_all()
        except psycopg2.errors.UniqueViolation as error:
            if error.diag.constraint_name != "comms_complaint_submission_key_uniq":
                raise
            # The same form, sent twice at once, was filed by the other
            # request meanwhile: this one starts again (Odoo retries it) and
            # answers with that complaint.
            raise ConcurrencyError(
                request.env._("This form was just filed by another request.")
            ) from error
        return request.redirect(complaint.get_portal_url() + "&new=1")

    def _filed(self, submission_key):
        """The complaint the form of ``submission_key`` filed, if any."""
        # sudo: the key is a secret drawn for one form, like the token of a
        # status page; the complaint found is only sent to its holder
        return (
            request.env["comms.complaint"]
            .sudo()
            .search([("submission_key", "=", submission_key)], limit=1)
        )

    def _switch_language(self, post, issued, recheck=False):
        """The form again, in the language of the URL, with what the person
        typed: nothing is registered or counted. A form that had been sent
        back shows its errors again, in the new language (the files are not
        sent along: they are chosen again in any case)."""
        errors = self._validate(post)[1] if recheck else {}
        return self._render_form(dict(post, **{HONEYPOT: ""}), errors, issued=issued)

    # ------------------------------------------------------------
    # STATUS PAGE
    # ------------------------------------------------------------

    @http.route(
        "/comms/complaint/status/<string:reference>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET"],
    )
    def complaint_status(self, reference, access_token=None, new=None, **kwargs):
        complaint = self._get_complaint(reference, access_token)
        values = self._page_values(
            complaint=complaint,
            access_token=access_token,
            is_new=bool(new),
            rated=bool(kwargs.get("rated")),
        )
        return request.render("comms_office.complaint_status_page", values)

    @http.route(
        "/comms/complaint/status/<string:reference>/rate",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["POST"],
    )
    def complaint_rate(
        self, reference, access_token=None, satisfaction=None, comment=None, **kwargs
    ):
        complaint = self._get_complaint(reference, access_token)
        if (
            complaint.state in ("answered", "closed")
            and not complaint.satisfaction
            and satisfaction in ("1", "2", "3", "4", "5")
        ):
            complaint.write(
                {
                    "satisfaction": satisfaction,
                    "satisfaction_comment": (comment or "").strip()[:MAX_DESCRIPTION]
                    or False,
                }
            )
        return request.redirect(complaint.get_portal_url() + "&rated=1")

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _get_complaint(self, reference, access_token):
        """The complaint, for the one who holds its secret; nothing otherwise."""
        if not reference or not access_token:
            raise NotFound()
        # sudo: the visitor has no account; the complaint found by its
        # reference is returned only to the holder of its secret token
        complaint = (
            request.env["comms.complaint"]
            .sudo()
            .search([("name", "=", reference), ("anonymized", "=", False)], limit=1)
        )
        if (
            not complaint
            or not complaint.access_token
            or not consteq(complaint.access_token, access_token)
        ):
            raise NotFound()
        return complaint

    def _page_values(self, **values):
        lang = request.env["res.lang"]._get_data(code=request.env.lang)
        langs = self._page_langs()
        values.update(
            {
                "html_data": {
                    "lang": (lang.code or "en_US").replace("_", "-"),
                    "dir": lang.direction or "ltr",
                },
                "page_lang": lang,
                "page_langs": langs,
                "lang_urls": self._lang_urls(langs),
            }
        )
        return values

    def _page_langs(self):
        return (
            request.env["res.lang"].sudo().search([("active", "=", True)], order="name")
        )

    def _lang_urls(self, langs):
        """The same page in each language: path and query (the reference and
        the secret of a status page) are kept. A page answering a form sent
        (a POST) is shown again by the form."""
        httprequest = request.httprequest
        if httprequest.method == "GET":
            path = httprequest.path
            query = httprequest.query_string.decode()
        else:
            path, query = "/comms/complaint", ""
        suffix = f"{path}?{query}" if query else path
        return {lang.code: f"/{lang.url_code}{suffix}" for lang in langs}

    def _form_values(self, post):
        """What the form sent, as text without NUL characters (PostgreSQL
        refuses them) and with the line breaks the page counts (browsers send
        two characters for each); a file or a list sent for a text field
        counts as nothing."""
        return {
            name: post[name].replace("\x00", "").replace("\r\n", "\n")
            for name in FORM_FIELDS
            if isinstance(post.get(name), str)
        }

    def _form_choices(self):
        """The categories and departments the form offers: the active ones,
        the departments of this institution only."""
        # sudo: the public reads no configuration; the domain, not the
        # client, decides what is offered
        categories = request.env["comms.complaint.category"].sudo().search([])
        departments = (
            request.env["comms.department"]
            .sudo()
            .search([("company_id", "=", request.env.company.id)])
        )
        return categories, departments

    def _render_form(self, values, errors, status=200, issued=None):
        categories, departments = self._form_choices()
        langs = self._page_langs()
        page = self._page_values(
            values=values,
            errors=errors,
            error_fields=[field for field in ERROR_FIELDS if errors.get(field)],
            error_targets=ERROR_TARGETS,
            # the language buttons send the form to itself in their language,
            # so that what was typed follows the person (see _switch_language)
            lang_posts={
                lang.code: f"/{lang.url_code}/comms/complaint/submit" for lang in langs
            },
            # a form given back (after an error or a change of language) has
            # lost the files chosen
            resent=request.httprequest.method == "POST",
            form_token=self._form_token(issued),
            # a form given back keeps its key: nothing was filed with it
            submission_key=values.get("submission_key")
            if SUBMISSION_KEY.fullmatch(values.get("submission_key") or "")
            else secrets.token_urlsafe(32),
            categories=categories,
            departments=departments,
            max_description=MAX_DESCRIPTION,
            max_subject=MAX_SUBJECT,
            max_name=MAX_NAME,
            max_contact=MAX_CONTACT,
            max_files=MAX_FILES,
            max_file_mb=self._max_file_size() // (1024 * 1024),
            honeypot=HONEYPOT,
        )
        return request.render("comms_office.complaint_form_page", page, status=status)

    def _form_token(self, issued=None):
        """When the form was given to this sender, signed. A form sent back
        keeps the time it was first given: the person has been on it since."""
        issued = int(issued or time.time())
        return f"{issued}.{self._sign_form(issued)}"

    def _sign_form(self, issued):
        network = request.env["comms.complaint.flood"]._network(
            request.httprequest.remote_addr
        )
        # sudo: the key is the database secret
        return hmac(
            request.env(su=True), "comms_office.complaint_form", (issued, network)
        )

    def _check_form_token(self, token):
        """The time the form was given, and what is wrong with sending it now:
        ``expired`` (or forged, or given to another network), ``early`` (sent
        faster than a person fills it), or nothing."""
        issued, _dot, signature = (token if isinstance(token, str) else "").partition(
            "."
        )
        if not re.fullmatch(r"[0-9]{1,12}", issued) or not consteq(
            signature, self._sign_form(int(issued))
        ):
            return None, "expired"
        issued = int(issued)
        age = time.time() - issued
        if age > MAX_FILL_SECONDS:
            return None, "expired"
        param = (
            request.env["ir.config_parameter"]
            .sudo()
            .get_param("comms_office.complaint_min_fill_seconds")
        )
        minimum = int(param) if param and param.isdigit() else DEFAULT_MIN_FILL_SECONDS
        if age < minimum:
            return issued, "early"
        return issued, None

    def _sent_back_message(self, reason):
        if reason == "expired":
            return request.env._(
                "This page was open for a long time or could not be checked. Your "
                "request was not sent yet: check it and send it again."
            )
        if reason == "early":
            return request.env._(
                "Your request was sent faster than a person can fill the form. It "
                "was not sent yet: check it and send it again."
            )
        return request.env._(
            "A field that is not shown on the page was filled in, perhaps by your "
            "browser's automatic filling. Your request was not sent yet: check it "
            "and send it again."
        )

    def _validate(self, post):
        errors = {}
        kind = post.get("kind")
        if kind not in KINDS:
            errors["kind"] = request.env._("Choose what you would like to send us.")
        subject = (post.get("subject") or "").strip()
        description = (post.get("description") or "").strip()
        errors.update(self._validate_text(subject, description))
        name = (post.get("name") or "").strip()
        email = (post.get("email") or "").strip()
        phone = (post.get("phone") or "").strip()
        expects_answer = bool(post.get("expects_answer"))
        errors.update(
            self._validate_contact(post, kind, expects_answer, name, email, phone)
        )
        category, department, date_facts, choice_errors = self._validate_choices(post)
        errors.update(choice_errors)
        values = {
            "kind": kind,
            "subject": subject,
            # Text field: whatever markup was typed is kept as plain text.
            "description": description,
            "complainant_name": name or False,
            "complainant_email": email_normalize(email) or False,
            "complainant_phone": phone or False,
            "expects_answer": expects_answer,
            "hide_identity": bool(post.get("hide_identity")),
            "consent": bool(post.get("consent")),
            "category_id": category.id or False,
            "department_id": department.id or False,
            "date_facts": date_facts or False,
            "lang": request.env.lang,
            "company_id": request.env.company.id,
        }
        return values, errors

    def _validate_text(self, subject, description):
        errors = {}
        if not subject:
            errors["subject"] = request.env._("Give your request a subject.")
        elif len(subject) > MAX_SUBJECT:
            errors["subject"] = request.env._(
                "The subject is too long (%(max)s characters at most).", max=MAX_SUBJECT
            )
        if not description:
            errors["description"] = request.env._("Describe your request.")
        elif len(description) > MAX_DESCRIPTION:
            errors["description"] = request.env._(
                "Your text is too long (%(max)s characters at most): shorten it "
                "or attach a document.",
                max=MAX_DESCRIPTION,
            )
        return errors

    def _validate_contact(self, post, kind, expects_answer, name, email, phone):
        errors = {}
        if len(name) > MAX_NAME:
            errors["name"] = request.env._("The name is too long.")
        if email and (len(email) > MAX_CONTACT or not email_normalize(email)):
            errors["email"] = request.env._("This email address is not valid.")
        if len(phone) > MAX_CONTACT:
            errors["phone"] = request.env._("The phone number is too long.")
        if kind == "complaint" and expects_answer:
            if not name:
                errors["name"] = request.env._(
                    "Give your name so that we can answer you."
                )
            if not email and not phone:
                errors["contact"] = request.env._(
                    "Give an email address or a phone number so that we can answer you."
                )
        if (name or email or phone) and not post.get("consent"):
            errors["consent"] = request.env._(
                "Agree that we use your contact details to handle your request."
            )
        return errors

    def _validate_choices(self, post):
        errors = {}
        categories, departments = self._form_choices()
        category = self._pick(categories, post.get("category_id"))
        if post.get("category_id") and not category:
            errors["category_id"] = request.env._("Choose a category from the list.")
        department = self._pick(departments, post.get("department_id"))
        if post.get("department_id") and not department:
            errors["department_id"] = request.env._(
                "Choose a department from the list."
            )
        date_facts = False
        if post.get("date_facts"):
            try:
                date_facts = fields.Date.to_date(post["date_facts"])
            except ValueError:
                date_facts = None
            if not date_facts or date_facts > fields.Date.today():
                errors["date_facts"] = request.env._(
                    "Give a valid date, today or earlier."
                )
        return category, department, date_facts, errors

    @staticmethod
    def _pick(offered, value):
        """The record of ``offered`` whose id the client sent, or nothing: an
        id from the client selects among what the form listed, it is never
        browsed (nor sent to the database when it is out of range)."""
        value = (value or "").strip()
        if not RECORD_ID.fullmatch(value) or int(value) > MAX_RECORD_ID:
            return offered.browse()
        record_id = int(value)
        return offered.filtered(lambda record: record.id == record_id)

    def _read_files(self):
        files, errors = [], {}
        uploads = [
            f for f in request.httprequest.files.getlist("attachments") if f.filename
        ]
        if len(uploads) > MAX_FILES:
            errors["attachments"] = request.env._(
                "Attach %(max)s files at most.", max=MAX_FILES
            )
            return files, errors
        max_size = self._max_file_size()
        for upload in uploads:
            # a request retried after a concurrent update reads its files again
            upload.stream.seek(0)
            content = upload.read(max_size + 1)
            if len(content) > max_size:
                errors["attachments"] = request.env._(
                    "%(name)s is too large (%(max)s MB at most).",
                    name=upload.filename,
                    max=max_size // (1024 * 1024),
                )
                break
            mimetype = guess_mimetype(content, default="application/octet-stream")
            if mimetype not in ALLOWED_MIMETYPES:
                errors["attachments"] = request.env._(
                    "%(name)s is not a photo, a PDF or a text file.",
                    name=upload.filename,
                )
                break
            files.append((upload.filename[:128], content, mimetype))
        return files, errors

    def _request_size_limit(self):
        """The largest body the form may send.

        Odoo asks for it before the body is read. A body announced larger is
        refused at once with a readable page: werkzeug's own refusal, raised
        while the form is parsed, would end on a bare error page.
        """
        limit = MAX_FILES * self._max_file_size() + FORM_OVERHEAD
        length = request.httprequest.content_length
        if length is not None and length > limit:
            _logger.info("Complaint form: %s bytes refused before reading", length)
            if getattr(request, "lang", None):
                # the language of the page is only set after this check
                request.update_context(lang=request.lang.code)
            response = request.render(
                "comms_office.complaint_too_large_page",
                self._page_values(
                    max_files=MAX_FILES,
                    max_file_mb=self._max_file_size() // (1024 * 1024),
                ),
                status=413,
            )
            response.flatten()
            abort(response)
        return limit

    def _max_file_size(self):
        param = (
            request.env["ir.config_parameter"]
            .sudo()
            .get_param("comms_office.complaint_max_file_size")
        )
        return int(param) if param and param.isdigit() else DEFAULT_MAX_FILE_SIZE
