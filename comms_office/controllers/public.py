# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from lxml import etree
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import html2plaintext

from ..models.comms_material import NEWSROOM_MATERIAL_TYPES
from .complaint import ComplaintController

NEWS_PER_PAGE = 20
ATOM_NS = "http://www.w3.org/2005/Atom"
# the public pages change with the office's work, not with each visit
PUBLIC_CACHE = "public, max-age=900"


class CommsPublicController(http.Controller):
    """The office's public pages beside the complaint form: the newsroom
    (press releases and statements approved and made public) and the
    transparency page (the complaints register in figures)."""

    # the language switch and the page's direction, as on the complaint form
    _page_values = ComplaintController._page_values
    _page_langs = ComplaintController._page_langs
    _lang_urls = ComplaintController._lang_urls

    # ------------------------------------------------------------
    # NEWSROOM
    # ------------------------------------------------------------

    @http.route(
        "/comms/news",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET"],
    )
    def news_list(self, page=1, language=None, **kwargs):
        try:
            page = max(int(page), 1)
        except (TypeError, ValueError):
            page = 1
        langs = self._news_langs()
        lang = langs.filtered(lambda lg: lg.code == language)[:1]
        domain = self._news_domain()
        if lang:
            domain &= Domain("lang_id", "=", lang.id)
        # sudo: the public reads no material; the domain lets through only
        # the approved ones the head of office made public
        Material = request.env["comms.material"].sudo()
        total = Material.search_count(domain)
        items = Material.search(
            domain,
            order="date_publish desc, id desc",
            limit=NEWS_PER_PAGE,
            offset=(page - 1) * NEWS_PER_PAGE,
        )
        values = self._page_values(
            items=items,
            news_langs=langs,
            news_lang=lang,
            page=page,
            has_next=total > page * NEWS_PER_PAGE,
        )
        return self._cached(request.render("comms_office.news_list_page", values))

    @http.route(
        "/comms/news/<int:material_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET"],
    )
    def news_item(self, material_id, **kwargs):
        item = self._get_news_item(material_id)
        values = self._page_values(item=item, files=self._news_files(item))
        return self._cached(request.render("comms_office.news_item_page", values))

    @http.route(
        "/comms/news/<int:material_id>/file/<int:attachment_id>",
        type="http",
        auth="public",
        sitemap=False,
        methods=["GET"],
    )
    def news_file(self, material_id, attachment_id, **kwargs):
        item = self._get_news_item(material_id)
        attachment = item.attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise NotFound()
        return (
            request.env["ir.binary"]
            ._get_stream_from(attachment)
            .get_response(as_attachment=True)
        )

    @http.route(
        "/comms/news/feed.atom",
        type="http",
        auth="public",
        sitemap=False,
        methods=["GET"],
    )
    def news_feed(self, **kwargs):
        Material = request.env["comms.material"].sudo()
        items = Material.search(
            self._news_domain(), order="date_publish desc, id desc", limit=50
        )
        body = self._atom_feed(items)
        response = request.make_response(
            body, headers=[("Content-Type", "application/atom+xml; charset=utf-8")]
        )
        return self._cached(response)

    def _news_domain(self):
        return (
            Domain("company_id", "=", request.env.company.id)
            & Domain("is_public", "=", True)
            & Domain("state", "in", ["approved", "published"])
            & Domain("material_type", "in", list(NEWSROOM_MATERIAL_TYPES))
        )

    def _news_langs(self):
        # sudo: the languages of what is published, for the filter
        return (
            request.env["comms.material"]
            .sudo()
            .search(self._news_domain())
            .lang_id.sorted("name")
        )

    def _get_news_item(self, material_id):
        """The published item, or 404: a draft, a rejected, a private or an
        unknown one look the same from outside."""
        item = (
            request.env["comms.material"]
            .sudo()
            .search(Domain("id", "=", material_id) & self._news_domain(), limit=1)
        )
        if not item:
            raise NotFound()
        return item

    def _news_files(self, item):
        return [
            {
                "name": attachment.name,
                "url": f"/comms/news/{item.id}/file/{attachment.id}",
            }
            for attachment in item.attachment_ids
        ]

    def _news_date(self, item):
        return item.date_publish or item.write_date.date()

    def _atom_feed(self, items):
        base_url = request.env["ir.config_parameter"].sudo().get_param("web.base.url")
        company = request.env.company

        def sub(parent, tag, text=None, **attrs):
            element = etree.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
            if text is not None:
                element.text = text
            return element

        def stamp(day):
            return datetime.combine(day, time(8)).strftime("%Y-%m-%dT%H:%M:%SZ")

        feed = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})
        sub(feed, "title", request.env._("%(name)s: news", name=company.name))
        sub(feed, "id", f"{base_url}/comms/news")
        sub(feed, "link", href=f"{base_url}/comms/news/feed.atom", rel="self")
        sub(feed, "link", href=f"{base_url}/comms/news")
        updated = max(
            (self._news_date(item) for item in items),
            default=fields.Date.context_today(request.env["comms.material"]),
        )
        sub(feed, "updated", stamp(updated))
        author = sub(feed, "author")
        sub(author, "name", company.name)
        for item in items:
            entry = sub(feed, "entry")
            url = f"{base_url}/comms/news/{item.id}"
            sub(entry, "title", item.name)
            sub(entry, "id", url)
            sub(entry, "link", href=url)
            sub(entry, "updated", stamp(self._news_date(item)))
            if item.subtitle:
                sub(entry, "summary", item.subtitle)
            content = sub(
                entry, "content", html2plaintext(item.body or ""), type="text"
            )
            content.set(
                "{http://www.w3.org/XML/1998/namespace}lang",
                item.lang_code.replace("_", "-"),
            )
        return etree.tostring(feed, xml_declaration=True, encoding="utf-8")

    # ------------------------------------------------------------
    # TRANSPARENCY
    # ------------------------------------------------------------

    @http.route(
        "/comms/transparency",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        methods=["GET"],
    )
    def transparency(self, **kwargs):
        company = request.env.company
        figures = request.env["comms.complaint.report"]._comms_public_figures(
            company.id,
            request.env.lang,
            fields.Date.context_today(request.env["comms.complaint.report"]),
        )
        values = self._page_values(figures=figures)
        return self._cached(request.render("comms_office.transparency_page", values))

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    def _cached(self, response):
        response.headers["Cache-Control"] = PUBLIC_CACHE
        return response
