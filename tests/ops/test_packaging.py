"""The addon installs with pip the way OCA addons do, built by whool."""

import ast
import os
import subprocess
import sys
import zipfile

from ops_common import ROOT


def test_wheel(tmp_path):
    # whool comes from the environment (make ops-tools): pip refuses build
    # constraints (the Makefile's, for Odoo's requirements) without isolation
    env = {k: v for k, v in os.environ.items() if k != "PIP_BUILD_CONSTRAINT"}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
        + ["--quiet", "--wheel-dir", tmp_path, ROOT / "comms_office"],
        env=env,
        check=True,
    )
    manifest = ast.literal_eval((ROOT / "comms_office" / "__manifest__.py").read_text())
    (wheel,) = tmp_path.glob("odoo_addon_comms_office-*.whl")
    assert wheel.name.startswith(f"odoo_addon_comms_office-{manifest['version']}")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(metadata).decode()
    assert "odoo/addons/comms_office/__manifest__.py" in names
    assert "odoo/addons/comms_office/i18n/ar.po" in names
    assert "odoo/addons/comms_office/static/src/scss/comms_backend.scss" in names
    requires = {
        line.split(":", 1)[1].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    }
    assert any(r.startswith("odoo==19.0") for r in requires), requires
    for oca in ("odoo-addon-base_tier_validation", "odoo-addon-report_xlsx"):
        assert any(r.startswith(oca) for r in requires), requires
    assert "xlsxwriter" in requires


def test_pre_commit_runs_the_lint():
    """pre-commit runs what ``make lint`` runs, nothing less."""
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    entries = " | ".join(
        line.split(":", 1)[1].strip()
        for line in config.splitlines()
        if line.strip().startswith("entry:")
    )
    makefile = (ROOT / "Makefile").read_text()
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    for tool in ("ruff check", "ruff format", "pylint", "prettier"):
        assert tool in lint
        assert tool in entries, tool
    assert "--rcfile=.pylintrc-mandatory" in entries
