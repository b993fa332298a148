"""Tells whether an Odoo database has comms_office installed (exit 0) or not (exit 1).

With ``--drop``, drops the database instead so that the next install starts fresh.
"""

import os
import sys

import psycopg2
from psycopg2 import sql


def connect(dbname):
    return psycopg2.connect(
        dbname=dbname,
        host=os.environ.get("DB_HOST", "127.0.0.1"),
        port=os.environ.get("DB_PORT", "5432"),
        user=os.environ.get("DB_USER", "comms_office"),
        password=os.environ.get("DB_PASSWORD", "comms_office"),
    )


def main(argv):
    drop = "--drop" in argv
    name = next(arg for arg in argv if not arg.startswith("--"))
    if drop:
        conn = connect("postgres")
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )
        return 0
    try:
        conn = connect(name)
    except psycopg2.OperationalError:
        return 1
    with conn.cursor() as cr:
        cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
        if not cr.fetchone()[0]:
            return 1
        cr.execute("SELECT state FROM ir_module_module WHERE name = 'comms_office'")
        row = cr.fetchone()
    return 0 if row and row[0] == "installed" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
