"""Serve one database from several Odoo servers, as in production.

Each server is Odoo's prefork mode: a master process, ``workers`` HTTP
workers, a cron worker and the gevent process for live updates (websocket),
behind a reverse proxy (``proxy_mode``). All servers read the same PostgreSQL
database and the same data directory (filestore and sessions), so a visitor's
session, an attachment, a sequence, the flood counts of the public form and
the scheduled actions are the same whichever server answers.

    python tools/serve/servers.py write -d comms_office          # the configs only
    python tools/serve/servers.py run -d comms_office --servers 2 # serve until Ctrl-C

The configuration of server ``n`` (1, 2…) is written to ``var/serve/server-n.conf``
from ``var/odoo.conf`` (database access, addons path, data directory); server
``n`` listens on ``BASE_PORT + 2n`` (HTTP) and the next port (gevent).
"""

import argparse
import configparser
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ODOO_SRC = Path(os.environ.get("ODOO_SRC", "/opt/odoo-19.0"))

# Limits per class of machine (see docs/deployment.md): memory per worker,
# time per request, requests before a worker is recycled, and the database
# connections of each process (PostgreSQL's max_connections must hold all of
# them: servers x (workers + cron + gevent) x db_maxconn at worst).
PROFILES = {
    # 2 cores, 24 GiB: 4 workers take ~2 GiB each at most, 1 cron worker
    "small": {
        "workers": 4,
        "max_cron_threads": 1,
        "limit_memory_soft": 2 * 1024**3,
        "limit_memory_hard": int(2.5 * 1024**3),
        "limit_time_cpu": 120,
        "limit_time_real": 240,
        "limit_time_real_cron": 900,
        "limit_request": 8192,
        "db_maxconn": 16,
        "db_maxconn_gevent": 32,
    },
    # 8 cores, 64 GiB: 12 workers (2 x cores + 1 is the most the cores can
    # run; each worker serves ~6 people at once), 2 cron workers
    "large": {
        "workers": 12,
        "max_cron_threads": 2,
        "limit_memory_soft": 2 * 1024**3,
        "limit_memory_hard": int(2.5 * 1024**3),
        "limit_time_cpu": 120,
        "limit_time_real": 240,
        "limit_time_real_cron": 900,
        "limit_request": 8192,
        "db_maxconn": 16,
        "db_maxconn_gevent": 64,
    },
}


def base_options(base_conf):
    parser = configparser.ConfigParser(interpolation=None)
    if not parser.read(base_conf):
        sys.exit(f"error: {base_conf} not found (run `make config` first)")
    return dict(parser["options"])


def write_configs(
    db_name,
    servers=2,
    workers=None,
    profile="small",
    base_port=8150,
    base_conf=ROOT / "var" / "odoo.conf",
    out_dir=ROOT / "var" / "serve",
    extra=None,
):
    """Write one configuration per server; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, servers + 1):
        options = base_options(base_conf)
        options.update({key: str(value) for key, value in PROFILES[profile].items()})
        if workers is not None:
            options["workers"] = str(workers)
        options.update(
            {
                # behind the reverse proxy: the visitor's address and the
                # public host name come from its X-Forwarded-* headers
                "proxy_mode": "True",
                "http_interface": "127.0.0.1",
                "http_port": str(base_port + 2 * number),
                "gevent_port": str(base_port + 2 * number + 1),
                "db_name": db_name,
                "dbfilter": f"^{db_name}$",
                "list_db": "False",
                "logfile": str(out_dir / f"server-{number}.log"),
                "pidfile": str(out_dir / f"server-{number}.pid"),
                "log_level": "info",
            }
        )
        options.update({key: str(value) for key, value in (extra or {}).items()})
        path = out_dir / f"server-{number}.conf"
        path.write_text(
            "[options]\n"
            + "".join(f"{key} = {value}\n" for key, value in sorted(options.items()))
        )
        paths.append(path)
    return paths


class Server:
    """One Odoo server (its master process), started from its configuration."""

    def __init__(self, conf, python=sys.executable):
        self.conf = Path(conf)
        options = base_options(self.conf)
        self.port = int(options["http_port"])
        self.logfile = Path(options["logfile"])
        self.python = python
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen(
            [self.python, str(ODOO_SRC / "odoo-bin"), "-c", str(self.conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            # its own process group: Ctrl-C reaches it through run() only
            start_new_session=True,
        )
        return self

    def wait_ready(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.conf.name} exited, see {self.logfile}")
            try:
                with urllib.request.urlopen(f"{self.url}/web/health", timeout=5):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(1)
        raise RuntimeError(f"{self.conf.name} did not answer in {timeout}s")

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout=60):
        """Stop gracefully (SIGTERM: the workers finish their request)."""
        if not self.alive():
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def start_all(confs, python=sys.executable):
    servers = [Server(conf, python).start() for conf in confs]
    try:
        for server in servers:
            server.wait_ready()
    except BaseException:
        for server in servers:
            server.stop()
        raise
    return servers


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("write", "run"))
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--workers", type=int, help="overrides the profile")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="small")
    parser.add_argument("--base-port", type=int, default=8150)
    args = parser.parse_args(argv)
    confs = write_configs(
        args.database, args.servers, args.workers, args.profile, args.base_port
    )
    if args.command == "write":
        print("\n".join(str(conf) for conf in confs))
        return
    servers = start_all(confs)
    for server in servers:
        print(f"{server.conf.name}: {server.url} (log {server.logfile})")
    print("Serving; Ctrl-C stops every server.")
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_args: stopping.append(True))
    died = []
    try:
        while not stopping and not died:
            died = [server for server in servers if not server.alive()]
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers:
            server.stop()
    if died:
        sys.exit(f"error: {died[0].conf.name} stopped, see {died[0].logfile}")


if __name__ == "__main__":
    main()
