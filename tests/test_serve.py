"""The production configurations: several servers, one database, one filestore."""

import configparser
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools" / "serve"))

import servers


def _read(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path)
    return dict(parser["options"])


def _base(tmp_path):
    base = tmp_path / "odoo.conf"
    base.write_text(
        "[options]\n"
        "addons_path = /opt/odoo-19.0/addons,/srv/comms\n"
        "data_dir = /srv/odoo-data\n"
        "db_host = 127.0.0.1\n"
        "db_user = comms_office\n"
        "db_password = secret\n"
        "http_port = 8069\n"
    )
    return base


def test_two_servers_share_the_database_and_the_data(tmp_path):
    paths = servers.write_configs(
        "comms_prod", 2, base_conf=_base(tmp_path), out_dir=tmp_path / "serve"
    )
    first, second = (_read(path) for path in paths)
    for options in (first, second):
        assert options["db_name"] == "comms_prod"
        assert options["dbfilter"] == "^comms_prod$"
        # one filestore and one session store for both
        assert options["data_dir"] == "/srv/odoo-data"
        assert options["addons_path"] == "/opt/odoo-19.0/addons,/srv/comms"
        assert options["proxy_mode"] == "True"
        assert options["list_db"] == "False"
        assert options["http_interface"] == "127.0.0.1"
        # prefork: workers, a cron worker, the gevent process on its own port
        assert int(options["workers"]) == 4
        assert int(options["max_cron_threads"]) == 1
    ports = {
        first["http_port"],
        first["gevent_port"],
        second["http_port"],
        second["gevent_port"],
    }
    assert len(ports) == 4
    assert first["logfile"] != second["logfile"]
    assert first["pidfile"] != second["pidfile"]


def test_limits_fit_the_class_of_machine(tmp_path):
    for profile, memory_gib in (("small", 24), ("large", 64)):
        [path] = servers.write_configs(
            "comms_prod",
            1,
            profile=profile,
            base_conf=_base(tmp_path),
            out_dir=tmp_path / profile,
        )
        options = _read(path)
        soft = int(options["limit_memory_soft"])
        hard = int(options["limit_memory_hard"])
        workers = int(options["workers"]) + int(options["max_cron_threads"])
        assert soft < hard
        # every worker at its hard limit still leaves 40% of the memory to
        # PostgreSQL and the system
        assert workers * hard <= memory_gib * 1024**3 * 0.6
        assert int(options["limit_time_cpu"]) < int(options["limit_time_real"])


def test_workers_can_be_set(tmp_path):
    [path] = servers.write_configs(
        "comms_prod", 1, workers=1, base_conf=_base(tmp_path), out_dir=tmp_path
    )
    assert _read(path)["workers"] == "1"


def test_the_gevent_process_starts(tmp_path):
    """The process of live updates (websocket) of a server in prefork mode."""
    [path] = servers.write_configs(
        "comms_prod",
        1,
        base_conf=ROOT / "var" / "odoo.conf",
        out_dir=tmp_path,
        extra={"gevent_port": 8158, "logfile": "", "pidfile": ""},
    )
    process = subprocess.Popen(
        [sys.executable, str(servers.ODOO_SRC / "odoo-bin"), "gevent", "-c", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output = process.stdout.readline
        deadline = time.monotonic() + 120
        lines = []
        while time.monotonic() < deadline:
            line = output()
            if not line:
                break
            lines.append(line)
            if "Evented Service (longpolling) running" in line:
                return
        raise AssertionError(
            "the gevent process did not start:\n" + "".join(lines[-20:])
        )
    finally:
        process.kill()
        process.wait()
