"""A load that loses nothing: the public complaint form under load, on Odoo
servers in prefork mode, then the register checked from the database.

Visitors from ``--addresses`` addresses (sent as X-Forwarded-For, the servers
being in proxy mode) file ``--submissions`` forms, some with attachments, over
every server and worker; some send their form again (a double click, a retry
after a lost answer). Meanwhile officers page through the complaints and open
them, and journalists' inquiries arrive by email through Odoo's mail gateway
script. With ``--crash``, one worker and then a whole server are killed hard
in the middle; visitors whose answer is lost send again to a server that is
up, as a reverse proxy would.

At the end, from the database: every accepted submission is exactly one
complaint with its attachments and a unique reference; nothing was filed
twice; no address got past its flood limit; every inquiry arrived once; the
server logs hold no error. The figures per route are printed as a table and
written to ``--report``.

Loopback only, bounded in count (``--submissions``) and time
(``--max-seconds``); the database (``--database``, copied from
``--template``) is dropped and made again at each run.
"""

import argparse
import hashlib
import io
import json
import os
import random
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import psutil
import psycopg2
import requests
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "serve"))
import servers as cluster

ODOO_SRC = cluster.ODOO_SRC
MAILGATE = ODOO_SRC / "addons/mail/static/scripts/odoo-mailgate.py"
HIDDEN = re.compile(r'name="(csrf_token|form_token|submission_key)" value="([^"]+)"')
ALERT = re.compile(r'role="alert"[^>]*>\s*([^<]{0,200})')
STATUS = re.compile(r"/comms/complaint/status/([^/?]+)")
# what the load database is set to: a visitor's limit below what each sends,
# so that the limit is met; no ceiling for the whole form
PER_ADDRESS_LIMIT = 9
PER_ADDRESS_SENT = 10
SMTP_PORT = 8159
EX_TEMPFAIL = 75


def photo(side):
    """A PNG of random pixels, ``side`` pixels wide and high (3 bytes each)."""
    image = Image.frombytes("RGB", (side, side), random.randbytes(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


# ----------------------------------------------------------------------------
# a mail server that accepts everything (the acknowledgments to complainants)
# ----------------------------------------------------------------------------


class SmtpSink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port):
        self.messages = 0
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), SmtpHandler)


class SmtpHandler(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 sink ESMTP\r\n")
        in_data = False
        for line in self.rfile:
            if in_data:
                if line.rstrip(b"\r\n") == b".":
                    in_data = False
                    with self.server.lock:
                        self.server.messages += 1
                    self.wfile.write(b"250 OK\r\n")
                continue
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.wfile.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                in_data = True
                self.wfile.write(b"354 go on\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")


# ----------------------------------------------------------------------------
# the database
# ----------------------------------------------------------------------------


def connect(options, dbname):
    return psycopg2.connect(
        dbname=dbname,
        host=options.get("db_host") or None,
        port=options.get("db_port") or None,
        user=options.get("db_user"),
        password=options.get("db_password"),
    )


def fresh_database(options, template, name):
    """``name`` as a copy of ``template``, its filestore too."""
    if not name.startswith("comms_ops"):
        sys.exit("error: the load database's name starts with comms_ops")
    admin = connect(options, "postgres")
    admin.autocommit = True
    with admin.cursor() as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname IN (%s, %s) AND pid <> pg_backend_pid()",
            (name, template),
        )
        cr.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cr.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    admin.close()
    filestore = Path(options["data_dir"]) / "filestore"
    shutil.rmtree(filestore / name, ignore_errors=True)
    if (filestore / template).exists():
        shutil.copytree(filestore / template, filestore / name)
    shutil.rmtree(Path(options["data_dir"]) / "sessions", ignore_errors=True)
    with connect(options, name) as conn, conn.cursor() as cr:
        for key, value in {
            "comms_office.complaint_rate_limit": PER_ADDRESS_LIMIT,
            "comms_office.complaint_rate_limit_global": 1000000,
            # the visitors here fill the form at once
            "comms_office.complaint_min_fill_seconds": 0,
        }.items():
            cr.execute(
                "INSERT INTO ir_config_parameter (key, value) VALUES (%s, %s)"
                " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (key, str(value)),
            )
        # every mail goes to the sink
        cr.execute("UPDATE ir_mail_server SET active = FALSE")
        cr.execute("SELECT coalesce(max(id), 0) FROM comms_complaint")
        first_complaint = cr.fetchone()[0]
    return first_complaint


# ----------------------------------------------------------------------------
# the visitors, the officers, the mail
# ----------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = Counter()
        self.cut = Counter()
        self.events = []
        self.start = time.monotonic()

    def record(self, route, seconds, ok=True, cut=False):
        with self.lock:
            self.times[route].append(seconds)
            if cut:
                self.cut[route] += 1
            elif not ok:
                self.errors[route] += 1

    def event(self, text):
        with self.lock:
            self.events.append((round(time.monotonic() - self.start, 1), text))
        print(f"  [{time.monotonic() - self.start:6.1f}s] {text}", flush=True)


class Load:
    def __init__(self, args, servers, stats):
        self.args = args
        self.servers = servers
        self.stats = stats
        self.deadline = time.monotonic() + args.max_seconds
        self.lock = threading.Lock()
        # submission key -> what the visitor knows of it
        self.accepted = {}
        self.refused = Counter()
        self.failed = []
        self.retries = 0
        self.lost_answers = 0
        self.sent = Counter()
        self.done = 0
        self.stop = threading.Event()

    # -- routing, as a reverse proxy does: the next server that is up -------

    def live_servers(self):
        return [server for server in self.servers if server.alive()]

    def pick(self, number):
        live = self.live_servers()
        return live[number % len(live)]

    def call(self, route, method, session, number, path, **kwargs):
        """One request, to server ``number``; a connection lost (a killed
        worker or server) is sent again to the next server up, at most 5
        times. Returns the response, or None."""
        # one request per connection, as the reverse proxy talks to Odoo: a
        # prefork worker kept on an idle connection waits for it (2 s) and
        # then logs it as timed out
        headers = {**kwargs.pop("headers", {}), "Connection": "close"}
        for attempt in range(6):
            server = self.pick(number + attempt)
            began = time.monotonic()
            try:
                response = session.request(
                    method, server.url + path, timeout=120, headers=headers, **kwargs
                )
            except (requests.ConnectionError, requests.Timeout):
                # no answer: whether it was served is unknown, so it is sent
                # again (the form's key makes that safe)
                self.stats.record(route, time.monotonic() - began, cut=True)
                with self.lock:
                    self.lost_answers += 1
                time.sleep(0.5 * (attempt + 1))
                continue
            self.stats.record(
                route, time.monotonic() - began, ok=response.status_code < 500
            )
            return response
        return None

    # -- a visitor -----------------------------------------------------------

    def visitor(self, job):
        try:
            self.visit(job)
        except Exception as error:  # noqa: BLE001 - counted, the others go on
            with self.lock:
                self.done += 1
                self.failed.append((job[0], job[1], repr(error)[:300]))

    def visit(self, job):
        number, address, files = job
        if time.monotonic() > self.deadline or self.stop.is_set():
            return
        session = requests.Session()
        # what the reverse proxy adds (Odoo reads them with X-Forwarded-Host)
        headers = {
            "X-Forwarded-For": address,
            "X-Forwarded-Host": "eph-medea.example.dz",
            "X-Forwarded-Proto": "https",
        }
        lang = "/fr" if number % 2 else "/ar-dz"
        page = self.call(
            "GET /comms/complaint",
            "GET",
            session,
            number,
            f"{lang}/comms/complaint",
            headers=headers,
        )
        if page is None or page.status_code != 200:
            self.fail(number, "form", page)
            return
        form = dict(HIDDEN.findall(page.text))
        data = {
            **form,
            "kind": "complaint" if number % 3 else "suggestion",
            "subject": f"Charge {number}: attente aux urgences",
            "description": f"Demande {number} de {address}: quatre heures d'attente.",
            "name": f"Visiteur {number}",
            "phone": f"0550{number:06d}",
            "expects_answer": "on",
            "consent": "on",
        }
        if number % 4 == 0:
            data["email"] = f"visiteur{number}@example.dz"
        uploads = [
            ("attachments", (name, content, mime)) for name, content, mime in files
        ]
        # the form is sent to another server than the one that gave it: the
        # session (and its CSRF token) lives in the shared data directory
        posts = 2 if number % 50 == 0 else 1
        if posts == 2:
            # a double click: the same form twice at the same moment
            with ThreadPoolExecutor(2) as pool:
                answers = list(
                    pool.map(
                        lambda offset: self.submit(
                            session, number + 1 + offset, data, uploads, headers, lang
                        ),
                        (0, 1),
                    )
                )
        else:
            answers = [self.submit(session, number + 1, data, uploads, headers, lang)]
        if number % 20 == 0 and answers[0] and answers[0].status_code == 303:
            # the answer was lost on the way back: the browser sends again
            answers.append(
                self.submit(session, number + 2, data, uploads, headers, lang)
            )
        self.account(number, address, form, files, answers)

    def submit(self, session, number, data, uploads, headers, lang):
        return self.call(
            "POST /comms/complaint/submit",
            "POST",
            session,
            number,
            f"{lang}/comms/complaint/submit",
            data=data,
            files=uploads or None,
            headers=headers,
            allow_redirects=False,
        )

    def account(self, number, address, form, files, answers):
        locations = {
            answer.headers.get("Location") for answer in answers if answer is not None
        }
        codes = sorted(answer.status_code for answer in answers if answer is not None)
        with self.lock:
            self.sent[address] += 1
            self.done += 1
            self.retries += len(answers) - 1
            if codes and set(codes) == {303} and len(locations) == 1:
                location = urlparse(locations.pop())
                self.accepted[form["submission_key"]] = {
                    "number": number,
                    "address": address,
                    "reference": STATUS.search(location.path).group(1),
                    "token": parse_qs(location.query)["access_token"][0],
                    "files": sorted(hashlib.sha1(c).hexdigest() for _n, c, _m in files),
                    "answers": len(answers),
                    "hour": datetime.now(UTC).strftime("%Y-%m-%d %H"),
                }
            elif codes and set(codes) == {429}:
                self.refused[address] += 1
            else:
                alerts = [
                    ALERT.findall(answer.text)[:1]
                    for answer in answers
                    if answer is not None and answer.status_code == 400
                ]
                self.failed.append((number, address, codes, alerts))

    def fail(self, number, step, response):
        with self.lock:
            self.done += 1
            self.failed.append(
                (number, step, response.status_code if response is not None else None)
            )

    # -- an officer ----------------------------------------------------------

    def officer(self, number):
        session = requests.Session()
        login = self.call(
            "officer login",
            "POST",
            session,
            number,
            "/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "params": {
                    "db": self.args.database,
                    "login": "officer",
                    "password": "officer",
                },
            },
        )
        if login is None or "error" in login.json():
            self.fail(number, "officer login", login)
            return
        context = login.json()["result"]["user_context"]
        page = 0
        calls = number
        while not self.stop.is_set() and time.monotonic() < self.deadline:
            calls += 1
            listing = self.rpc(
                "officer list",
                session,
                calls,
                "comms.complaint",
                "web_search_read",
                [],
                {
                    "domain": [],
                    "specification": {
                        "name": {},
                        "subject": {},
                        "state": {},
                        "kind": {},
                        "date_received": {},
                        "date_answer_deadline": {},
                        "user_id": {"fields": {"display_name": {}}},
                        "department_id": {"fields": {"display_name": {}}},
                    },
                    "offset": (page % 20) * 80,
                    "limit": 80,
                    "order": "priority desc, date_received desc, id desc",
                    "count_limit": 10001,
                    "context": context,
                },
            )
            page += 1
            records = (listing or {}).get("records") or []
            for record in records[:: max(1, len(records) // 3)][:3]:
                calls += 1
                self.rpc(
                    "officer open",
                    session,
                    calls,
                    "comms.complaint",
                    "web_read",
                    [[record["id"]]],
                    {
                        "specification": {
                            "name": {},
                            "subject": {},
                            "description": {},
                            "state": {},
                            "complainant_display": {},
                            "category_id": {"fields": {"display_name": {}}},
                            "message_ids": {},
                            "activity_ids": {},
                        },
                        "context": context,
                    },
                )
            time.sleep(0.5)

    def rpc(self, route, session, number, model, method, args, kwargs):
        response = self.call(
            route,
            "POST",
            session,
            number,
            f"/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs,
                },
            },
        )
        if response is None:
            return None
        body = response.json()
        if "error" in body:
            self.stats.record(route + " (refused)", 0, ok=False)
            with self.lock:
                self.failed.append((number, route, body["error"].get("message")))
            return None
        return body["result"]

    # -- the press inbox ------------------------------------------------------

    def mail(self, count):
        sent = []
        for index in range(count):
            if self.stop.is_set() or time.monotonic() > self.deadline:
                break
            message_id = f"<load-{uuid.uuid4().hex}@presse.example.dz>"
            message = (
                f"From: Journaliste {index} <journaliste{index}@presse.example.dz>\r\n"
                "To: press@eph-medea.dz\r\n"
                f"Subject: Demande d'interview {index}\r\n"
                f"Message-ID: {message_id}\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                f"Bonjour, une interview du directeur (demande {index}).\r\n"
            ).encode()
            # as the mail server does: a temporary failure (the gateway's
            # --retry-status) is delivered again a moment later
            for attempt in range(6):
                server = self.pick(index + attempt)
                began = time.monotonic()
                try:
                    result = subprocess.run(
                        [
                            sys.executable,
                            str(MAILGATE),
                            "--retry-status",
                            "--host",
                            "127.0.0.1",
                            "--port",
                            str(server.port),
                            "-d",
                            self.args.database,
                            "-u",
                            "2",
                            "-p",
                            "admin",
                        ],
                        input=message,
                        capture_output=True,
                        timeout=120,
                        check=False,
                    )
                except subprocess.TimeoutExpired:
                    # as a mail server does: delivered again (Odoo ignores a
                    # Message-ID it already has)
                    result = subprocess.CompletedProcess((), EX_TEMPFAIL, b"", b"")
                self.stats.record(
                    "mail gateway",
                    time.monotonic() - began,
                    ok=result.returncode == 0,
                    cut=result.returncode == EX_TEMPFAIL,
                )
                if result.returncode != EX_TEMPFAIL:
                    break
                time.sleep(1 + attempt)
            if result.returncode == 0:
                sent.append(message_id)
            else:
                with self.lock:
                    self.failed.append((index, "mail", result.stdout[-300:]))
            time.sleep(self.args.mail_interval)
        return sent


# ----------------------------------------------------------------------------
# the crash
# ----------------------------------------------------------------------------


def kill_a_worker(server, stats):
    """SIGKILL one HTTP worker of ``server``: one serving a request if any."""
    master = psutil.Process(server.process.pid)
    children = [
        child
        for child in master.children()
        if "gevent" not in " ".join(child.cmdline())
    ]
    busy = [
        child
        for child in children
        if any(
            conn.status == psutil.CONN_ESTABLISHED and conn.laddr.port == server.port
            for conn in child.connections("tcp")
        )
    ]
    victim = (busy or children)[0]
    victim.kill()
    stats.event(
        f"killed worker {victim.pid} of {server.conf.stem} (SIGKILL, "
        f"{'serving a request' if busy else 'idle'})"
    )


def kill_a_server(server, stats):
    master = psutil.Process(server.process.pid)
    family = [master, *master.children(recursive=True)]
    for process in family:
        process.kill()
    server.process.wait()
    stats.event(
        f"killed {server.conf.stem} whole (SIGKILL to the master and its "
        f"{len(family) - 1} children)"
    )


def crasher(load, stats, total):
    plan = [(0.3, "worker"), (0.6, "server")]
    for share, what in plan:
        while load.done < share * total and not load.stop.is_set():
            time.sleep(0.2)
        if load.stop.is_set():
            return
        if what == "worker":
            kill_a_worker(load.servers[0], stats)
        else:
            kill_a_server(load.servers[-1], stats)


# ----------------------------------------------------------------------------
# the checks
# ----------------------------------------------------------------------------


def check(options, args, load, first_complaint, inquiries, logs):
    """The invariants, read from the database and the logs: [(name, ok, detail)]."""
    results = []
    with connect(options, args.database) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT id, submission_key, name, access_token, state"
            " FROM comms_complaint WHERE id > %s AND channel = 'web'",
            (first_complaint,),
        )
        rows = cr.fetchall()
        by_key = defaultdict(list)
        for row in rows:
            by_key[row[1]].append(row)
        missing = [key for key in load.accepted if key not in by_key]
        doubled = [key for key, found in by_key.items() if len(found) > 1]
        wrong = [
            key
            for key, seen in load.accepted.items()
            if key in by_key
            and (by_key[key][0][2], by_key[key][0][3])
            != (seen["reference"], seen["token"])
        ]
        unanswered = [key for key in by_key if key not in load.accepted]
        results.append(
            (
                (
                    "each accepted submission is exactly one complaint, with the "
                    "reference and status link it was answered with"
                ),
                not missing and not doubled and not wrong,
                (
                    f"{len(load.accepted)} accepted, {len(rows)} web complaints; "
                    f"missing {len(missing)}, filed twice {len(doubled)}, "
                    f"answered with another reference {len(wrong)}"
                ),
            )
        )
        results.append(
            (
                "nothing filed that the visitor was not answered for",
                not unanswered,
                f"{len(unanswered)} complaints without an accepted answer",
            )
        )
        cr.execute(
            "SELECT name, company_id, count(*) FROM comms_complaint"
            " GROUP BY name, company_id HAVING count(*) > 1 OR name = '/'"
        )
        duplicates = cr.fetchall()
        results.append(
            (
                "references unique and assigned",
                not duplicates,
                f"{len(duplicates)} duplicate or unassigned references",
            )
        )
        cr.execute(
            "SELECT c.submission_key, a.checksum, a.store_fname, a.file_size,"
            "       EXISTS (SELECT 1 FROM message_attachment_rel r"
            "               WHERE r.attachment_id = a.id)"
            " FROM ir_attachment a JOIN comms_complaint c ON c.id = a.res_id"
            " WHERE a.res_model = 'comms.complaint' AND c.id > %s",
            (first_complaint,),
        )
        files = defaultdict(list)
        unposted = absent = 0
        filestore = Path(options["data_dir"]) / "filestore" / args.database
        for key, checksum, store_fname, size, posted in cr.fetchall():
            files[key].append(checksum)
            unposted += not posted
            path = filestore / (store_fname or "")
            absent += not (
                store_fname and path.is_file() and path.stat().st_size == size
            )
        mismatched = [
            key
            for key, seen in load.accepted.items()
            if sorted(files.get(key, [])) != seen["files"]
        ]
        with_files = sum(1 for seen in load.accepted.values() if seen["files"])
        results.append(
            (
                (
                    "each accepted submission has exactly its files, in the "
                    "filestore, posted in its chatter"
                ),
                not mismatched and not unposted and not absent,
                (
                    f"{with_files} submissions with files, "
                    f"{sum(len(v) for v in files.values())} files; wrong set "
                    f"{len(mismatched)}, not in a message {unposted}, "
                    f"missing from the filestore {absent}"
                ),
            )
        )
        cr.execute(
            "SELECT count(*) FROM ir_attachment WHERE res_model = 'comms.complaint'"
            " AND res_id NOT IN (SELECT id FROM comms_complaint)"
        )
        orphans = cr.fetchone()[0]
        cr.execute(
            "SELECT count(*) FROM comms_complaint c WHERE c.id > %s AND ("
            " c.access_token IS NULL OR c.date_ack_deadline IS NULL"
            " OR NOT EXISTS (SELECT 1 FROM mail_message m WHERE m.model ="
            " 'comms.complaint' AND m.res_id = c.id))",
            (first_complaint,),
        )
        half = cr.fetchone()[0]
        results.append(
            (
                (
                    "no half-created complaint (each has its link, deadlines and "
                    "chatter; no attachment without its complaint)"
                ),
                not half and not orphans,
                f"{half} incomplete complaints, {orphans} orphan attachments",
            )
        )
        cr.execute(
            "SELECT m.message_id, count(DISTINCT i.id) FROM mail_message m"
            " JOIN comms_inquiry i ON m.model = 'comms.inquiry' AND m.res_id = i.id"
            " WHERE m.message_id = ANY(%s) GROUP BY m.message_id",
            (inquiries,),
        )
        arrived = dict(cr.fetchall())
        results.append(
            (
                "each inquiry sent by email is one inquiry",
                len(arrived) == len(inquiries) and set(arrived.values()) <= {1},
                f"{len(inquiries)} sent, {len(arrived)} found",
            )
        )
    per_hour = Counter(
        (seen["address"], seen["hour"]) for seen in load.accepted.values()
    )
    over = {key: count for key, count in per_hour.items() if count > PER_ADDRESS_LIMIT}
    refused_early = [
        address
        for address, count in load.refused.items()
        if load.sent[address] - count < PER_ADDRESS_LIMIT
        and len({h for (a, h) in per_hour if a == address}) == 1
    ]
    results.append(
        (
            (
                f"flood limit held: at most {PER_ADDRESS_LIMIT} per address and hour, "
                "no one refused below it"
            ),
            not over and not refused_early,
            (
                f"{len(load.sent)} addresses, "
                f"{sum(load.refused.values())} refused (429); "
                f"over the limit {len(over)}, refused below it {len(refused_early)}"
            ),
        )
    )
    twice = [seen for seen in load.accepted.values() if seen["answers"] > 1]
    results.append(
        (
            (
                "a form sent again (double click, retry) was filed once and got the "
                "same receipt"
            ),
            all(seen["reference"] for seen in twice),
            f"{len(twice)} forms sent more than once, {load.retries} repeated sends",
        )
    )
    errors = []
    for log in logs:
        if log.exists():
            errors += [
                line.strip()
                for line in log.read_text(errors="replace").splitlines()
                if " ERROR " in line or " CRITICAL " in line
            ]
    results.append(("no server error in the logs", not errors, f"{len(errors)} lines"))
    if errors:
        for line in errors[:5]:
            print("    " + line[:300])
    results.append(
        (
            "no request failed",
            not load.failed,
            (
                f"{len(load.failed)} failed; answers lost on the way "
                f"(connection cut) and sent again: {load.lost_answers}"
            ),
        )
    )
    if load.failed:
        for failure in load.failed[:5]:
            print("    failed:", failure)
    return results


# ----------------------------------------------------------------------------
# the report
# ----------------------------------------------------------------------------


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def table(stats, elapsed):
    lines = [
        (
            "| route | requests | server errors | connections cut | req/s "
            "| median ms | p95 ms |"
        ),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for route in sorted(stats.times):
        times = stats.times[route]
        lines.append(
            f"| {route} | {len(times)} | {stats.errors[route]} | {stats.cut[route]} | "
            f"{len(times) / elapsed:.1f} | {statistics.median(times) * 1000:.0f} | "
            f"{percentile(times, 0.95) * 1000:.0f} |"
        )
    return "\n".join(lines)


def machine():
    return (
        f"{os.cpu_count()} CPU cores, "
        f"{psutil.virtual_memory().total / 1024**3:.0f} GiB RAM, shared with "
        f"other work (load average {os.getloadavg()[0]:.1f} at the end); the "
        "load client runs on the same cores"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="comms_ops_load")
    parser.add_argument("--template", default="comms_ops_load_tpl")
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--submissions", type=int, default=2000)
    parser.add_argument("--addresses", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--officers", type=int, default=2)
    parser.add_argument("--mails", type=int, default=100)
    parser.add_argument("--mail-interval", type=float, default=2.0)
    parser.add_argument("--max-seconds", type=int, default=1500)
    parser.add_argument("--crash", action="store_true")
    parser.add_argument("--report", type=Path)
    parser.add_argument("--base-port", type=int, default=8150)
    parser.add_argument("--smtp-port", type=int, default=SMTP_PORT)
    args = parser.parse_args(argv)
    options = cluster.base_options(ROOT / "var" / "odoo.conf")
    random.seed(16)

    title = f"{args.servers} server(s) x {args.workers} worker(s)" + (
        ", crash" if args.crash else ""
    )
    print(
        f"Load: {title}, {args.submissions} submissions from {args.addresses} addresses"
    )
    first_complaint = fresh_database(options, args.template, args.database)
    sink = SmtpSink(args.smtp_port)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    out_dir = ROOT / "var" / "load" / args.database
    confs = cluster.write_configs(
        args.database,
        args.servers,
        args.workers,
        base_port=args.base_port,
        out_dir=out_dir,
        extra={"smtp_server": "127.0.0.1", "smtp_port": args.smtp_port},
    )
    logs = []
    for conf in confs:
        log = Path(cluster.base_options(conf)["logfile"])
        log.unlink(missing_ok=True)
        logs.append(log)
    servers = cluster.start_all(confs)
    stats = Stats()
    load = Load(args, servers, stats)

    addresses = [f"198.18.{n // 250}.{n % 250 + 1}" for n in range(args.addresses)]
    jobs = []
    for number in range(args.submissions):
        files = []
        if number % 5 == 0:
            for index in range(1 + number % 2):
                content = photo(random.randint(30, 200))
                files.append((f"photo-{number}-{index}.png", content, "image/png"))
        jobs.append([number, addresses[number % args.addresses], files])
    random.shuffle(jobs)
    for number, job in enumerate(jobs):
        job[0] = number

    began = time.monotonic()
    stats.start = began
    side = ThreadPoolExecutor(args.officers + 2)
    officers = [side.submit(load.officer, 10_000 + n) for n in range(args.officers)]
    mails = side.submit(load.mail, args.mails)
    crash = side.submit(crasher, load, stats, len(jobs)) if args.crash else None
    try:
        with ThreadPoolExecutor(args.clients) as pool:
            for _result in pool.map(load.visitor, jobs):
                if load.done and load.done % 250 == 0:
                    print(
                        f"  {load.done} forms, {time.monotonic() - began:.0f}s",
                        flush=True,
                    )
        load.stop.set()
        inquiries = mails.result()
        for future in officers:
            future.result()
        if crash:
            crash.result()
    finally:
        load.stop.set()
        side.shutdown(wait=True)
        elapsed = time.monotonic() - began
        for server in servers:
            server.stop()
        sink.shutdown()

    results = check(options, args, load, first_complaint, inquiries, logs)
    submitted = load.done
    figures = table(stats, elapsed)
    summary = (
        f"{submitted} of {args.submissions} forms sent in {elapsed:.0f}s "
        f"({submitted / elapsed:.1f} forms/s); {len(load.accepted)} accepted, "
        f"{sum(load.refused.values())} refused by the flood limit, "
        f"{len(load.failed)} failed; {sink.messages} mails sent to the sink"
    )
    checks = "\n".join(
        f"- {'PASS' if ok else 'FAIL'}: {name} ({detail})"
        for name, ok, detail in results
    )
    events = "\n".join(f"- at {when}s: {text}" for when, text in stats.events)
    report = (
        f"### {title}\n\n{summary}.\n\nMachine: {machine()}.\n\n{figures}\n\n"
        + (f"{events}\n\n" if events else "")
        + f"{checks}\n"
    )
    print()
    print(report)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(report)
        (args.report.with_suffix(".json")).write_text(
            json.dumps(
                {
                    "title": title,
                    "elapsed": elapsed,
                    "submitted": submitted,
                    "accepted": len(load.accepted),
                    "refused": sum(load.refused.values()),
                    "failed": len(load.failed),
                    "routes": {
                        route: {
                            "requests": len(times),
                            "errors": stats.errors[route],
                            "cut": stats.cut[route],
                            "median_ms": statistics.median(times) * 1000,
                            "p95_ms": percentile(times, 0.95) * 1000,
                        }
                        for route, times in stats.times.items()
                    },
                    "checks": [
                        {"check": name, "ok": ok, "detail": detail}
                        for name, ok, detail in results
                    ],
                },
                indent=1,
            )
        )
    complete = submitted == args.submissions
    if not complete:
        print(f"error: stopped at {args.max_seconds}s before every form was sent")
    sys.exit(0 if complete and all(ok for _name, ok, _detail in results) else 1)


if __name__ == "__main__":
    main()
