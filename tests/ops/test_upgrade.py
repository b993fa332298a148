"""The previous release upgrades to this code and loses nothing."""

import ast

from ops_common import PREVIOUS_VERSION, ROOT


def manifest_version():
    manifest = ast.literal_eval((ROOT / "comms_office" / "__manifest__.py").read_text())
    return manifest["version"]


def test_version_follows():
    version = manifest_version()
    assert version > PREVIOUS_VERSION
    migrations = ROOT / "comms_office" / "migrations"
    for step in migrations.iterdir():
        # a migration step names the release that brings it
        assert step.name <= version, step


def test_upgrade_keeps_everything(upgraded_db):
    _dbname, before, after = upgraded_db
    assert after["module"] == (manifest_version(), "installed")
    # the data put into the previous release is there to be found
    assert len(before["references"]) >= 4
    assert sum(1 for a in before["attachments"] if a[1] == "comms.complaint") >= 6
    assert any(r[4] == "pending" for r in before["reviews"])
    assert any(r[4] == "approved" for r in before["reviews"])
    # every complaint keeps its number, every file its content; a complaint
    # added by the upgrade is one of the release's demo records
    shipped_ids = {(model, res_id) for model, _name, res_id in after["xmlids"]}
    assert after["references"][: len(before["references"])] == before["references"]
    for complaint in after["references"][len(before["references"]) :]:
        assert ("comms.complaint", complaint[0]) in shipped_ids, complaint
    assert set(before["attachments"]) <= set(after["attachments"])
    for attachment in after["attachments"]:
        assert attachment[4] == attachment[5], f"file of {attachment} altered"
    assert after["reviews"] == before["reviews"]
    # no message of the chatter is lost (the records the release adds bring
    # their own)
    messages = dict(after["messages"])
    for model, count in before["messages"]:
        assert messages.get(model, 0) >= count, model
    # no row of the module's tables is lost (a release adds data and demo
    # records of its own, in old tables and new ones)
    for table, count in before["counts"].items():
        assert after["counts"].get(table, 0) >= count, table
    assert set(before["xmlids"]) <= set(after["xmlids"])
