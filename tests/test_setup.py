"""The set-up says clearly what is missing instead of failing obscurely."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_missing_odoo_source_is_named(tmp_path):
    missing = tmp_path / "no-odoo-here"
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "odoo-src",
            f"ODOO_SRC={missing}",
            f"ODOO_GIT={tmp_path / 'no-such-repository'}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        check=False,
    )
    assert result.returncode != 0
    assert f"looked in {missing}" in result.stderr
    assert "ODOO_SRC" in result.stderr


def test_wrong_odoo_source_is_refused(tmp_path):
    (tmp_path / "something-else").write_text("not odoo")
    result = subprocess.run(
        ["make", "--no-print-directory", "odoo-src", f"ODOO_SRC={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "is not an Odoo 19.0 source tree" in result.stderr
