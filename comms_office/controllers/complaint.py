# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import hmac
import logging
from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request
from odoo.tools import consteq, email_normalize
from odoo.tools.mimetypes import guess_mimetype

_logger = logging.getLogger(__name__)

# Limits of the public form; the rate limit and file size can be changed with
# system parameters (comms_office.complaint_rate_limit, ...max_file_size).
MAX_SUBJECT = 200
MAX_DESCRIPTION = 5000
MAX_NAME = 120
MAX_CONTACT = 120
MAX_FILES = 3
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
DEFAULT_RATE_LIMIT = 5
ALLOWED_MIMETYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "text/plain",
}
KINDS = ("complaint", "suggestion", "compliment")
HONEYPOT = "website_url"


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
    )
    def complaint_submit(self, **post):
        if post.get(HONEYPOT):
            # Robots fill every field: answer as if all went well, keep nothing.
            _logger.info("Complaint form: honeypot filled, submission dropped")
            return request.render(
                "comms_office.complaint_thanks_page", self._page_values()
            )
        fingerprint = self._fingerprint()
        if self._is_flooding(fingerprint):
            errors = {
                "global": request.env._(
                    "Too many requests were sent from your connection. Please "
                    "try again in an hour or come to the office."
                )
            }
            return self._render_form(post, errors, status=429)
        values, errors = self._validate(post)
        files, file_errors = self._read_files()
        errors.update(file_errors)
        if errors:
            return self._render_form(post, errors, status=400)
        values["intake_fingerprint"] = fingerprint
        complaint = self._create_complaint(values, files)
        return request.redirect(complaint.sudo().get_portal_url() + "&new=1")

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
        langs = (
            request.env["res.lang"].sudo().search([("active", "=", True)], order="name")
        )
        values.update(
            {
                "html_data": {
                    "lang": (lang.code or "en_US").replace("_", "-"),
                    "dir": lang.direction or "ltr",
                },
                "page_lang": lang,
                "page_langs": langs,
                "lang_urls": self._lang_urls(langs),
                "no_header": False,
            }
        )
        return values

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

    def _render_form(self, values, errors, status=200):
        company = request.env.company
        page = self._page_values(
            values=values,
            errors=errors,
            categories=request.env["comms.complaint.category"].sudo().search([]),
            departments=request.env["comms.department"]
            .sudo()
            .search([("company_id", "=", company.id)]),
            max_description=MAX_DESCRIPTION,
            max_subject=MAX_SUBJECT,
            max_files=MAX_FILES,
            max_file_mb=self._max_file_size() // (1024 * 1024),
            honeypot=HONEYPOT,
        )
        return request.render("comms_office.complaint_form_page", page, status=status)

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
            "channel": "web",
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
        category = request.env["comms.complaint.category"]
        department = request.env["comms.department"]
        if post.get("category_id"):
            category = self._browse_public(
                "comms.complaint.category", post["category_id"]
            )
            if not category:
                errors["category_id"] = request.env._(
                    "Choose a category from the list."
                )
        if post.get("department_id"):
            department = self._browse_public("comms.department", post["department_id"])
            if not department or department.company_id != request.env.company:
                department = request.env["comms.department"]
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

    def _browse_public(self, model, value):
        try:
            record_id = int(value)
        except (TypeError, ValueError):
            return request.env[model]
        return request.env[model].sudo().browse(record_id).exists()

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

    def _max_file_size(self):
        param = (
            request.env["ir.config_parameter"]
            .sudo()
            .get_param("comms_office.complaint_max_file_size")
        )
        return int(param) if param and param.isdigit() else DEFAULT_MAX_FILE_SIZE

    def _fingerprint(self):
        """A keyed hash of the sender's address: floods are stopped without
        keeping the address itself."""
        secret = request.env["ir.config_parameter"].sudo().get_param("database.secret")
        address = request.httprequest.remote_addr or ""
        return hmac.new(
            (secret or "").encode(), address.encode(), hashlib.sha256
        ).hexdigest()

    def _is_flooding(self, fingerprint):
        param = (
            request.env["ir.config_parameter"]
            .sudo()
            .get_param("comms_office.complaint_rate_limit")
        )
        limit = int(param) if param and param.isdigit() else DEFAULT_RATE_LIMIT
        since = fields.Datetime.now() - timedelta(hours=1)
        recent = (
            request.env["comms.complaint"]
            .sudo()
            .search_count(
                [("intake_fingerprint", "=", fingerprint), ("create_date", ">=", since)]
            )
        )
        return recent >= limit

    def _create_complaint(self, values, files):
        Complaint = request.env["comms.complaint"].sudo()
        complaint = Complaint.create(values)
        if files:
            attachments = (
                request.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": name,
                            "raw": content,
                            "mimetype": mimetype,
                            "res_model": complaint._name,
                            "res_id": complaint.id,
                        }
                        for name, content, mimetype in files
                    ]
                )
            )
            complaint.message_post(
                body=request.env._("Documents attached to the web form."),
                attachment_ids=attachments.ids,
                subtype_xmlid="mail.mt_note",
            )
        complaint._acknowledge_safely()
        return complaint
