"""``make backup`` and ``make restore`` give back the same office."""

import subprocess

from ops_common import connect, make, snapshot


def test_restore_is_identical(restored_db):
    source, target, _backup = restored_db
    original = snapshot(source)
    restored = snapshot(target)
    assert original["attachments"], "nothing to compare"
    assert restored == original
    with connect(target) as conn, conn.cursor() as cr:
        # the restored database is a working Odoo one: same users, same registry
        cr.execute("SELECT COUNT(*) FROM res_users WHERE active")
        assert cr.fetchone()[0] > 1
    conn.close()


def test_damaged_backup_is_refused(restored_db, tmp_path):
    _source, _target, backup = restored_db
    damaged = tmp_path / "damaged"
    subprocess.run(["cp", "-r", backup, damaged], check=True)
    with open(damaged / "filestore.tar.gz", "ab") as archive:
        archive.write(b"corrupted")
    try:
        make("restore", f"BACKUP={damaged}", "DB_NAME=comms_never_restored")
    except AssertionError as error:
        assert "damaged" in str(error)
    else:
        raise AssertionError("a damaged backup was restored")


def test_restore_never_overwrites(restored_db):
    source, target, backup = restored_db
    try:
        make("restore", f"BACKUP={backup}", f"DB_NAME={target}")
    except AssertionError as error:
        assert "exists" in str(error)
    else:
        raise AssertionError("an existing database was overwritten")
    assert snapshot(target) == snapshot(source)
