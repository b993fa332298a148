"""Benchmarks comms_office at the volume of a regional health directorate.

``make bench`` runs it on a database where comms_office is installed with its
demo data (``make bench`` makes one). Two steps:

``fill``
    Thirty establishments (companies), each with its departments and a few
    hundred complaints entered the normal way, then Odoo's own ``populate``
    (``odoo-bin populate``: SQL duplication of existing records, indexes
    dropped and rebuilt) multiplies complaints, inquiries, campaigns and
    press materials up to the target volume; the media directory is created
    through the ORM in batches. ``SCALE=1`` is the full volume: 1,000,000
    complaints, 100,000 inquiries, 20,000 media contacts, 2,000 campaigns.

``measure``
    Each figure is timed against a baseline measured in the same run, on the
    same data, and printed as a ratio: intake against ``res.partner``, the
    officer's list, the monthly register and every reporting view of the
    module against hand-written SQL, a press release against a plain mass
    mailing, and the campaign evaluation PDF against the conversion of its
    HTML alone.

    python tools/bench.py -c var/odoo.conf -d DB fill --scale 0.01
    python tools/bench.py -c var/odoo.conf -d DB measure
"""

import argparse
import logging
import math
import os
import platform
import statistics
import sys
import time
from datetime import date, datetime, timedelta

_logger = logging.getLogger("comms_office.bench")

# the regional volume, at SCALE=1
VOLUME = {
    "comms.complaint": 1_000_000,
    "comms.inquiry": 100_000,
    "res.partner": 20_000,  # media contacts
    "comms.campaign": 2_000,
}
ESTABLISHMENTS = 30
# the establishments of a wilaya's health directorate (EPH, EPSP, EHS)
TOWNS = [
    "Berrouaghia",
    "Ksar El Boukhari",
    "Aïn Boucif",
    "Beni Slimane",
    "Tablat",
    "Chahbounia",
    "Chellalet El Adhaoura",
    "Ouzera",
    "Seghouane",
    "El Omaria",
    "Si Mahdjoub",
    "Aziz",
    "Ouamri",
    "Sidi Naamane",
    "Souagui",
    "Djouab",
    "El Guelb El Kebir",
    "Oum El Djalil",
    "Mihoub",
    "Deraa Esmar",
    "Ouled Antar",
    "Tamesguida",
    "Bouskene",
    "Boughezoul",
    "Si Hassen",
    "Draa Essamar",
    "Baata",
    "Ain Ouksir",
    "Mezerana",
]
TEMPLATES_PER_COMPANY = 40
MEASURE_REPEAT = 5


# ----------------------------------------------------------------------------
# environment
# ----------------------------------------------------------------------------


def open_env(config_path, database, log_level="info"):
    import odoo  # noqa: F401  (the odoo namespace is set up by odoo-bin's path)
    from odoo import api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(
        ["-c", config_path, "-d", database, "--no-http", f"--log-level={log_level}"]
        # populate warns for every relation table it copies as is
        + ["--log-handler=odoo.tools.populate:ERROR"],
        setup_logging=True,
    )
    registry = Registry(database)
    cr = registry.cursor()
    return api.Environment(cr, api.SUPERUSER_ID, {"active_test": False})


QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
}


# ----------------------------------------------------------------------------
# fill
# ----------------------------------------------------------------------------


def ensure_companies(env):
    """The thirty establishments of the directorate, each with the
    departments complaints are sent to."""
    main = env.ref("base.main_company")
    Company = env["res.company"]
    companies = Company.search([], order="id")
    names = set(companies.mapped("name"))
    new = [
        {"name": f"EPH {town}", "currency_id": main.currency_id.id}
        for town in TOWNS[: ESTABLISHMENTS - len(companies)]
        if f"EPH {town}" not in names
    ]
    if new:
        Company.with_context(**QUIET).create(new)
    companies = Company.search([], order="id")[:ESTABLISHMENTS]
    Department = env["comms.department"].with_context(**QUIET)
    have = set(Department.search([]).mapped("company_id").ids)
    Department.create(
        [
            {"name": name, "company_id": company.id}
            for company in companies
            if company.id not in have
            for name in ("Urgences", "Maternité", "Radiologie", "Administration")
        ]
    )
    return companies


def seed_complaints(env, companies):
    """A register's worth of complaints in each establishment, entered the
    way the office enters a paper register (one batch per company)."""
    Complaint = env["comms.complaint"].with_context(**QUIET)
    categories = env["comms.complaint.category"].search([])
    departments = env["comms.department"].search([])
    by_company = {
        c.id: departments.filtered(lambda d, c=c: d.company_id == c) for c in companies
    }
    kinds = ["complaint"] * 6 + ["suggestion", "compliment"]
    channels = ["web", "email", "phone", "desk", "paper"]
    states = ["new", "acknowledged", "investigation", "answered", "closed"]
    now = datetime.now()
    for company in companies:
        if (
            Complaint.search_count([("company_id", "=", company.id)])
            >= TEMPLATES_PER_COMPANY
        ):
            continue
        vals_list = []
        for index in range(TEMPLATES_PER_COMPANY):
            received = now - timedelta(days=index * 3, hours=index)
            state = states[index % len(states)]
            vals = {
                "company_id": company.id,
                "subject": f"Accueil aux urgences {index}",
                "description": "Attente de plusieurs heures sans information.",
                "kind": kinds[index % len(kinds)],
                "channel": channels[index % len(channels)],
                "category_id": categories[index % len(categories)].id,
                "department_id": by_company[company.id][index % 4].id,
                "date_received": received,
                "complainant_name": f"Citoyen {index}",
                "complainant_email": f"citoyen{index}@example.dz",
                "severity": "high" if index % 7 == 0 else "normal",
                "consent": True,
                "state": state,
            }
            if state in ("answered", "closed"):
                vals["date_answered"] = received + timedelta(days=index % 20)
            vals_list.append(vals)
        Complaint.with_company(company).create(vals_list)
    env.flush_all()


def seed_media_contacts(env, count):
    """The regional media directory: outlets and their journalists, in
    Arabic and French, entered in batches."""
    Partner = env["res.partner"].with_context(**QUIET)
    have = Partner.search_count([("is_media", "=", True), ("is_company", "=", False)])
    if have >= count:
        return
    lang_ar = env["res.lang"]._activate_lang("ar_DZ") or env["res.lang"]
    outlets = Partner.create(
        [
            {
                "name": f"Média régional {index}",
                "is_company": True,
                "is_media": True,
                "email": f"redaction{index}@media.example.dz",
            }
            for index in range(max(1, count // 100))
        ]
    )
    batch = 1000
    for start in range(have, count, batch):
        Partner.create(
            [
                {
                    "name": f"Journaliste {index}",
                    "parent_id": outlets[index % len(outlets)].id,
                    "email": f"journaliste{index}@media.example.dz",
                    "lang": lang_ar.code if index % 2 else "fr_FR",
                }
                for index in range(start, min(start + batch, count))
            ]
        )
        env.flush_all()
        env.invalidate_all()


def populate(env, model_name, target):
    """Odoo's ``populate``: duplicates the model's records (and what they
    own) in SQL until ``target`` is reached."""
    from odoo.tools.populate import populate_models

    model = env[model_name]
    current = model.search_count([])
    if not current or current >= target:
        return current
    factor = math.ceil(target / current) - 1
    _logger.info("populate %s: %s records x %s", model_name, current, factor + 1)
    populate_models({model: factor}, ord("_"))
    env.flush_all()
    env.invalidate_all()
    return model.search_count([])


def fill(env, scale):
    started = time.perf_counter()
    companies = ensure_companies(env)
    seed_complaints(env, companies)
    seed_media_contacts(env, max(200, round(VOLUME["res.partner"] * scale)))
    env.cr.commit()
    figures = {}
    for model_name in ("comms.complaint", "comms.inquiry", "comms.campaign"):
        figures[model_name] = populate(
            env, model_name, max(1, round(VOLUME[model_name] * scale))
        )
        env.cr.commit()
    # the planner's statistics, as autovacuum would leave them
    env.cr.execute("ANALYZE")
    env.cr.commit()
    figures["media contacts"] = env["res.partner"].search_count(
        [("is_media", "=", True), ("is_company", "=", False)]
    )
    figures["establishments"] = len(companies)
    print(f"filled in {time.perf_counter() - started:.0f} s:")
    for name, count in figures.items():
        print(f"  {name}: {count:,}")


# ----------------------------------------------------------------------------
# measure
# ----------------------------------------------------------------------------


class Timer:
    """Median wall time (and queries) of ``repeat`` runs of a function."""

    def __init__(self, env):
        self.env = env

    def __call__(self, run, repeat=MEASURE_REPEAT, rollback=False):
        times = []
        queries = []
        for _ in range(repeat):
            self.env.invalidate_all()
            if rollback:
                savepoint = self.env.cr.savepoint()
            count = self.env.cr.sql_log_count
            start = time.perf_counter()
            run()
            self.env.flush_all()
            times.append(time.perf_counter() - start)
            queries.append(self.env.cr.sql_log_count - count)
            if rollback:
                savepoint.close(rollback=True)
                self.env.invalidate_all()
        return statistics.median(times), int(statistics.median(queries))


class Table:
    def __init__(self):
        self.rows = []

    def add(self, name, subject, baseline, goal=None):
        ratio = subject[0] / baseline[0] if baseline[0] else float("inf")
        self.rows.append((name, subject, baseline, ratio, goal))
        verdict = "" if goal is None else ("ok" if ratio <= goal else "OVER")
        print(
            f"  {name}: {subject[0] * 1000:.1f} ms / {baseline[0] * 1000:.1f} ms "
            f"= {ratio:.2f}x {verdict}",
            flush=True,
        )

    def render(self):
        lines = [
            "| Figure | comms_office | baseline | ratio | goal |",
            "|---|---:|---:|---:|---:|",
        ]
        for name, subject, baseline, ratio, goal in self.rows:
            lines.append(
                f"| {name} | {subject[0] * 1000:.1f} ms ({subject[1]} q) "
                f"| {baseline[0] * 1000:.1f} ms ({baseline[1]} q) "
                f"| {ratio:.2f}× | {f'≤ {goal}×' if goal else ''} |"
            )
        return "\n".join(lines)


def sql_runner(env, query, params=None):
    def run():
        env.cr.execute(query, params)
        env.cr.fetchall()

    return run


def measure_intake(env, timer, table, count):
    company = env.ref("base.main_company")
    Complaint = env["comms.complaint"].with_company(company)
    Partner = env["res.partner"]
    category = env["comms.complaint.category"].search([], limit=1)

    def values(index):
        return {
            "subject": f"Bench {index}",
            "description": "Attente aux urgences.",
            "category_id": category.id,
            "complainant_name": f"Citoyen {index}",
            "complainant_email": f"bench{index}@example.dz",
            "consent": True,
        }

    def partner_values(index):
        return {"name": f"Citoyen {index}", "email": f"bench{index}@example.dz"}

    def one_by_one():
        for index in range(count):
            Complaint._comms_register(values(index), channel="web")

    def partners_one_by_one():
        for index in range(count):
            Partner.create(partner_values(index))

    def batch():
        Complaint.create([dict(values(i), channel="paper") for i in range(count)])

    def partners_batch():
        Partner.create([partner_values(i) for i in range(count)])

    table.add(
        f"intake one by one ({count}, `_comms_register`) vs res.partner",
        timer(one_by_one, repeat=3, rollback=True),
        timer(partners_one_by_one, repeat=3, rollback=True),
        goal=2,
    )
    table.add(
        f"intake in batch ({count}, paper register) vs res.partner",
        timer(batch, repeat=3, rollback=True),
        timer(partners_batch, repeat=3, rollback=True),
        goal=3,
    )


def list_spec(env, model_name):
    """The fields the list view reads, as the web client asks for them."""
    from lxml import etree

    Model = env[model_name]
    views = Model.get_views([(False, "list")])
    arch = etree.fromstring(views["views"]["list"]["arch"])
    spec = {}
    for node in arch.iter("field"):
        name = node.get("name")
        field = Model._fields[name]
        spec[name] = (
            {"fields": {"display_name": {}}} if field.type == "many2one" else {}
        )
    return spec


def measure_officer_list(env, timer, table):
    officer = env["res.users"].search([("login", "=", "officer")], limit=1)
    company = officer.company_id
    Complaint = (
        env["comms.complaint"]
        .with_user(officer)
        .with_company(company)
        .with_context(allowed_company_ids=company.ids)
    )
    spec = list_spec(Complaint.env, "comms.complaint")
    open_states = ("new", "acknowledged", "investigation")
    domain = [("state", "in", open_states)]

    def orm():
        Complaint.web_search_read(domain, spec, limit=80, count_limit=10001)

    hand = """
        SELECT c.id, c.priority, c.name, c.date_received, c.kind, c.channel,
               c.subject, cat.name, dep.name, p.name, c.date_ack_deadline,
               c.date_answer_deadline, c.state
          FROM comms_complaint c
          LEFT JOIN comms_complaint_category cat ON cat.id = c.category_id
          LEFT JOIN comms_department dep ON dep.id = c.department_id
          LEFT JOIN res_users u ON u.id = c.user_id
          LEFT JOIN res_partner p ON p.id = u.partner_id
         WHERE c.company_id = %(company)s AND c.state IN %(states)s
         ORDER BY c.priority DESC, c.date_received DESC, c.id DESC
         LIMIT 80
    """
    count = """
        SELECT COUNT(*) FROM (
            SELECT 1 FROM comms_complaint c
             WHERE c.company_id = %(company)s AND c.state IN %(states)s
             LIMIT 10001) s
    """
    params = {"company": company.id, "states": open_states}

    def sql():
        sql_runner(env, hand, params)()
        sql_runner(env, count, params)()

    table.add(
        "officer's complaint list (open, first page of 80)",
        timer(orm),
        timer(sql),
    )


def measure_register(env, timer, table):
    company = env.ref("base.main_company")
    Register = env["comms.complaint.register.report"].with_company(company)
    today = date.today()
    date_from = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    date_to = today.replace(day=1) - timedelta(days=1)
    params = {
        "company": company.id,
        "start": datetime.combine(date_from, datetime.min.time()),
        "stop": datetime.combine(date_to + timedelta(days=1), datetime.min.time()),
    }
    where = """
        company_id = %(company)s AND date_received >= %(start)s
        AND date_received < %(stop)s
    """
    queries = [
        f"""SELECT category_id, COUNT(*), SUM((date_answered IS NOT NULL)::int),
                  SUM(COALESCE(answered_on_time, FALSE)::int)
             FROM comms_complaint WHERE {where} AND kind = 'complaint'
            GROUP BY category_id"""
    ] + [
        f"SELECT {column}, COUNT(*) FROM comms_complaint WHERE {where} "
        f"GROUP BY {column}"
        for column in ("kind", "channel", "state")
    ]

    def sql():
        for query in queries:
            sql_runner(env, query, params)()

    table.add(
        "monthly register (one establishment, last month)",
        timer(lambda: Register._get_register_data(date_from, date_to, company)),
        timer(sql),
    )


def reporting_views(env):
    """The module's reporting views (models with ``_auto = False``) and the
    fields they are usually grouped by: the establishment and the first
    selection (type, status, stage, section)."""
    modules = (
        env["ir.model"]
        .search([])
        .filtered(lambda m: "comms_office" in m.modules.split(", "))
    )
    for name in sorted(modules.mapped("model")):
        Model = env[name]
        if Model._auto or Model._abstract or Model._transient:
            continue
        fields_ = [f for f in Model._fields.values() if f.store and f.column_type]
        groupby = [f.name for f in fields_ if f.name == "company_id"]
        groupby += [f.name for f in fields_ if f.type == "selection"][:1]
        if groupby:
            yield Model, groupby


def measure_reporting_views(env, timer, table):
    for Model, groupby in reporting_views(env):
        columns = ", ".join(groupby)
        query = (
            f"SELECT {columns}, COUNT(*) FROM {Model._table} "
            f"GROUP BY {columns} ORDER BY {columns}"
        )
        table.add(
            f"{Model._name} grouped by {', '.join(groupby)}",
            timer(lambda Model=Model, g=groupby: Model._read_group([], g, ["__count"])),
            timer(sql_runner(env, query)),
        )


def journalists(env, count):
    Partner = env["res.partner"]
    found = Partner.search(
        [("is_media", "=", True), ("is_company", "=", False), ("email", "!=", False)],
        limit=count,
        order="id",
    )
    return found


def measure_dispatch(env, timer, table, count):
    partners = journalists(env, count)
    material = env.ref("comms_office.comms_material_maternity_fr_demo")
    media_list = env["comms.media.list"].create(
        {"name": "Bench: regional press", "partner_ids": [(6, 0, partners.ids)]}
    )
    Mailing = env["mailing.mailing"]

    def dispatch():
        # the office sends it: a dispatch reaches nobody twice
        material.dispatch_ids.sudo().unlink()
        wizard = (
            env["comms.material.send"]
            .with_context(default_material_id=material.id)
            .create({"media_list_ids": [(6, 0, media_list.ids)]})
        )
        wizard.action_send()

    def mailing():
        plain = Mailing.create(
            {
                "subject": material.name,
                "body_html": material.body,
                "mailing_model_id": env["ir.model"]._get_id("res.partner"),
                "mailing_domain": [("id", "in", partners.ids)],
            }
        )
        plain.action_send_mail(res_ids=partners.ids)

    # mass mailing commits as it goes: what both leave is removed afterwards
    first_mail = env["mail.mail"].search([], order="id desc", limit=1).id or 0
    table.add(
        f"press release to {len(partners)} journalists vs plain mass mailing",
        timer(dispatch, repeat=1),
        timer(mailing, repeat=1),
        goal=None,
    )
    env["mail.mail"].search([("id", ">", first_mail)]).unlink()
    material.dispatch_ids.sudo().unlink()
    env.cr.commit()


def measure_evaluation_pdf(env, timer, table, indicators=50):
    campaign = env["comms.campaign"].search([], limit=1, order="id")
    Indicator = env["comms.indicator"]
    have = Indicator.search_count([("campaign_id", "=", campaign.id)])
    Indicator.create(
        [
            {
                "campaign_id": campaign.id,
                "name": f"Indicateur {index}",
                "target": 100 + index,
                "actual_manual": 80 + index,
            }
            for index in range(max(0, indicators - have))
        ]
    )
    Report = env["ir.actions.report"].with_context(force_report_rendering=True)
    report = env.ref("comms_office.action_report_comms_campaign_evaluation")
    html = Report._render_qweb_html(report, campaign.ids)[0]
    bodies, _ids, header, footer, spec = Report._prepare_html(
        html, report_model=report.model
    )

    def pdf():
        Report._render_qweb_pdf(report, campaign.ids)

    def convert():
        Report._run_wkhtmltopdf(
            bodies,
            report_ref=report.report_name,
            header=header,
            footer=footer,
            landscape=False,
            specific_paperformat_args=spec,
        )

    table.add(
        f"campaign evaluation PDF, {indicators} indicators vs its HTML converted",
        timer(pdf, repeat=3),
        timer(convert, repeat=3),
        goal=None,
    )


def machine():
    cores = os.cpu_count()
    with open("/proc/meminfo") as meminfo:
        memory = int(meminfo.readline().split()[1]) // (1024 * 1024)
    return f"{cores} cores, {memory} GiB, {platform.processor() or platform.machine()}"


def measure(env, intake, dispatch):
    timer = Timer(env)
    table = Table()
    counts = {
        model: env[model].search_count([])
        for model in ("comms.complaint", "comms.inquiry", "comms.campaign")
    }
    counts["media contacts"] = env["res.partner"].search_count(
        [("is_media", "=", True), ("is_company", "=", False)]
    )
    counts["establishments"] = env["res.company"].search_count([])
    print(f"machine: {machine()}")
    print("volume: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    measure_intake(env, timer, table, intake)
    measure_officer_list(env, timer, table)
    measure_register(env, timer, table)
    measure_reporting_views(env, timer, table)
    measure_dispatch(env, timer, table, dispatch)
    measure_evaluation_pdf(env, timer, table)
    env.cr.rollback()
    print()
    print(table.render())
    return table


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("step", choices=["fill", "measure"])
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--intake", type=int, default=200)
    parser.add_argument("--dispatch", type=int, default=None)
    args = parser.parse_args(argv)
    # the measures print their own lines; the fill tells how populate goes
    env = open_env(
        args.config, args.database, "info" if args.step == "fill" else "warn"
    )
    try:
        if args.step == "fill":
            fill(env, args.scale)
        else:
            dispatch = args.dispatch or max(200, round(5000 * min(1, args.scale * 10)))
            measure(env, args.intake, dispatch)
    finally:
        env.cr.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
