"""The operations of a hospital's IT staff, run for real: install the previous
release, fill it, upgrade it, back it up, restore it, uninstall the module.

Each step runs Odoo as the staff would (``odoo-bin``, ``make``), in databases
named after ``OPS_DB``; what is compared is read from PostgreSQL and from
the filestore directly, not through the code under test.
"""

import configparser
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from psycopg2 import sql

ROOT = Path(__file__).resolve().parents[2]
ODOO_SRC = Path(os.environ.get("ODOO_SRC", "/opt/odoo-19.0"))
VAR = Path(os.environ.get("VAR", ROOT / "var"))
CONFIG = VAR / "odoo.conf"
PREFIX = os.environ.get("OPS_DB", "comms_office_ops")
# the previous release: its tag, or its commit in a clone without tags
PREVIOUS_TAG = "comms_office-19.0.1.0.1"
PREVIOUS_COMMIT = "e09cf50"
PREVIOUS_VERSION = "19.0.1.0.1"


def connect(dbname):
    return psycopg2.connect(
        dbname=dbname,
        host=os.environ.get("DB_HOST", "127.0.0.1"),
        port=os.environ.get("DB_PORT", "5432"),
        user=os.environ.get("DB_USER", "comms_office"),
        password=os.environ.get("DB_PASSWORD", "comms_office"),
    )


def drop(dbname):
    subprocess.run(
        [sys.executable, ROOT / "tools" / "db_ready.py", "--drop", dbname], check=True
    )


def data_dir(config=CONFIG):
    parser = configparser.ConfigParser()
    parser.read(config)
    return Path(parser["options"]["data_dir"])


def odoo(*args, command=None, config=CONFIG, stdin=None, tolerated=None):
    """Runs odoo-bin and returns its output; fails on an error in the log
    (but those matching the regular expression ``tolerated``)."""
    result = subprocess.run(
        [sys.executable, ODOO_SRC / "odoo-bin"]
        + ([command] if command else [])
        + ["-c", config, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-5000:]
    errors = [
        line
        for line in output.splitlines()
        if (" ERROR " in line or " CRITICAL " in line)
        and not (tolerated and re.search(tolerated, line))
    ]
    assert not errors, "\n".join(errors)
    return result.stdout


def shell(dbname, script, config=CONFIG, tolerated=None):
    """Runs ``script`` in ``odoo-bin shell`` (``env`` is the superuser's) and
    returns what it printed; the script commits what it keeps."""
    return odoo(
        "-d",
        dbname,
        "--no-http",
        "--log-level=warn",
        "--shell-interface=python",
        command="shell",
        config=config,
        tolerated=tolerated,
        stdin=script,
    )


def make(*args):
    result = subprocess.run(
        ["make", "--no-print-directory", *args, f"VAR={VAR}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def snapshot(dbname, config=CONFIG):
    """What must survive an upgrade or a restore, read from the database and
    the filestore: the rows of every table of the module, the complaints'
    references, the attachments and the checksums of their files, the
    approvals, the chatter of the office's records."""
    filestore = data_dir(config) / "filestore" / dbname
    with connect(dbname) as conn, conn.cursor() as cr:
        cr.execute(
            """
            SELECT t.table_name FROM information_schema.tables t
             WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND t.table_name LIKE 'comms\\_%'
             ORDER BY 1
            """
        )
        counts = {}
        for (table,) in cr.fetchall():
            cr.execute(sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(table)))
            counts[table] = cr.fetchone()[0]
        cr.execute("SELECT id, company_id, name FROM comms_complaint ORDER BY id")
        references = cr.fetchall()
        cr.execute(
            """
            SELECT id, res_model, res_id, name, checksum, store_fname
              FROM ir_attachment
             WHERE res_model LIKE 'comms.%' AND type = 'binary'
             ORDER BY id
            """
        )
        attachments = []
        for id_, model, res_id, name, checksum, fname in cr.fetchall():
            content = (filestore / fname).read_bytes() if fname else None
            attachments.append(
                (
                    id_,
                    model,
                    res_id,
                    name,
                    checksum,
                    content and hashlib.sha1(content).hexdigest(),
                )
            )
        cr.execute(
            """
            SELECT id, model, res_id, definition_id, status, done_by
              FROM tier_review ORDER BY id
            """
        )
        reviews = cr.fetchall()
        cr.execute(
            """
            SELECT model, COUNT(*) FROM mail_message
             WHERE model LIKE 'comms.%' GROUP BY model ORDER BY model
            """
        )
        messages = cr.fetchall()
        cr.execute(
            """
            SELECT model, name, res_id FROM ir_model_data
             WHERE module = 'comms_office' ORDER BY model, name
            """
        )
        xmlids = cr.fetchall()
        cr.execute(
            "SELECT latest_version, state FROM ir_module_module "
            "WHERE name = 'comms_office'"
        )
        module = cr.fetchone()
    conn.close()
    return {
        "counts": counts,
        "references": references,
        "attachments": attachments,
        "reviews": reviews,
        "messages": messages,
        "xmlids": xmlids,
        "module": module,
    }


def previous_release():
    """The previous release's commit: its tag when the clone has tags."""
    for ref in (
        f"refs/tags/{PREVIOUS_TAG}^{{commit}}",
        f"{PREVIOUS_COMMIT}^{{commit}}",
    ):
        result = subprocess.run(
            ["git", "rev-parse", "-q", "--verify", ref],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            return result.stdout.strip()
    pytest.fail(
        f"neither the tag {PREVIOUS_TAG} nor the commit {PREVIOUS_COMMIT} is in "
        "this clone: fetch the history (git fetch --tags --unshallow)"
    )


# What the office keeps in the previous release: complaints filed through the
# public form with their documents, one numbered on paper, a press release
# under approval with its poster (the demo data holds approved and pending
# reviews of complaints, campaigns and inquiries).
FILL = """
Complaint = env["comms.complaint"]
category = env.ref("comms_office.comms_complaint_category_waiting")
for index in range(3):
    Complaint._comms_register(
        {
            "subject": f"Attente aux urgences {index}",
            "description": "Quatre heures sans information.",
            "category_id": category.id,
            "complainant_name": f"Citoyen {index}",
            "complainant_email": f"citoyen{index}@example.dz",
            "consent": True,
        },
        attachments=[
            (f"ticket-{index}.pdf", b"%%PDF-1.4 ticket %d" % index, "application/pdf"),
            (f"photo-{index}.jpg", b"\\xff\\xd8\\xff photo %d" % index, "image/jpeg"),
        ],
        channel="web",
    )
Complaint.create(
    {"subject": "Registre papier", "description": "Saisi", "channel": "paper"}
)
material = env.ref("comms_office.comms_material_maternity_poster_demo").copy(
    {"name": "Affiche de la journee portes ouvertes"}
)
env["ir.attachment"].create({
    "name": "affiche.png", "raw": b"\\x89PNG affiche",
    "res_model": "comms.material", "res_id": material.id,
})
material.request_validation()
env.flush_all()
env.cr.commit()
print("reviews", env["tier.review"].search_count([]))
"""


@pytest.fixture(scope="session")
def upgraded_db(tmp_path_factory):
    """The previous release installed with its demo data, filled, then
    upgraded to the code of this working tree; its snapshots before and after."""
    dbname = f"{PREFIX}_upgrade"
    commit = previous_release()
    addons = tmp_path_factory.mktemp("previous-release")
    archive = subprocess.run(
        [
            "git",
            "archive",
            "--format=tar",
            commit,
            "comms_office",
            "base_tier_validation",
        ],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", addons], input=archive.stdout, check=True)
    parser = configparser.ConfigParser()
    parser.read(CONFIG)
    paths = [p for p in parser["options"]["addons_path"].split(",") if p]
    parser["options"]["addons_path"] = ",".join(
        [str(addons) if Path(p).resolve() == ROOT else p for p in paths]
    )
    previous_config = addons / "odoo.conf"
    with open(previous_config, "w") as file:
        parser.write(file)

    drop(dbname)
    odoo(
        "-d",
        dbname,
        "-i",
        "comms_office",
        "--with-demo",
        "--stop-after-init",
        "--log-level=warn",
        config=previous_config,
    )
    output = shell(dbname, FILL, config=previous_config)
    assert "reviews" in output, output
    before = snapshot(dbname)
    assert before["module"] == (PREVIOUS_VERSION, "installed")
    odoo("-d", dbname, "-u", "comms_office", "--stop-after-init", "--log-level=warn")
    after = snapshot(dbname)
    yield dbname, before, after
    drop(dbname)


@pytest.fixture(scope="session")
def restored_db(upgraded_db, tmp_path_factory):
    """The upgraded database backed up with ``make backup`` and restored
    under another name with ``make restore``."""
    source = upgraded_db[0]
    target = f"{PREFIX}_restored"
    drop(target)
    subprocess.run(["rm", "-rf", data_dir() / "filestore" / target], check=True)
    backups = tmp_path_factory.mktemp("backups")
    output = make("backup", f"DB_NAME={source}", f"BACKUP_DIR={backups}")
    backup = Path(output.strip().splitlines()[-1])
    assert backup.is_dir(), output
    make("restore", f"BACKUP={backup}", f"DB_NAME={target}")
    yield source, target, backup
    drop(target)
    subprocess.run(["rm", "-rf", data_dir() / "filestore" / target], check=True)
