"""A browser test that skips (no chromium, no websocket-client) fails here."""

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    instance = getattr(item, "instance", None)
    if not report.skipped or instance is None:
        return
    from odoo.tests.common import HttpCase

    if isinstance(instance, HttpCase):
        report.outcome = "failed"
        report.longrepr = (
            f"browser test skipped ({report.longrepr}): "
            "make test needs chromium and websocket-client"
        )


def pytest_terminal_summary(terminalreporter):
    import sys

    common = sys.modules.get("odoo.addons.comms_office.tests.common")
    lines = getattr(common, "BENCHMARKS", None)
    if lines:
        terminalreporter.section("benchmarks (against a baseline of the same run)")
        for line in lines:
            terminalreporter.write_line(line)
