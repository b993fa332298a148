# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import date, datetime
from unittest.mock import patch

import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from ..models import comms_complaint_flood


@tagged("post_install", "-at_install")
class TestComplaintConcurrency(BaseCase):
    """Two workers at the same moment, each in its own transaction.

    The transactions are real and committed: each test removes what it made.
    """

    @contextmanager
    def _worker(self):
        with Registry(get_db_name()).cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {})

    def _forget_senders(self, fingerprints):
        with self._worker() as env:
            env["comms.complaint.flood"].search(
                [("fingerprint", "in", fingerprints)]
            ).unlink()

    @mute_logger("odoo.sql_db")
    def test_flood_limit_holds_across_workers(self):
        """Two submissions from one sender arrive together, the limit is one:
        the later cannot count past it, it is retried on the new count."""
        address = "192.0.2.77"
        with self._worker() as env:
            fingerprint = env["comms.complaint.flood"]._fingerprint(address)
            self.assertFalse(
                env["ir.config_parameter"].get_param(
                    "comms_office.complaint_rate_limit"
                )
            )
        self.addCleanup(self._forget_senders, [fingerprint, "*"])
        limits = {"comms_office.complaint_rate_limit": 1}
        with (
            patch.dict(comms_complaint_flood.DEFAULT_LIMITS, limits),
            self._worker() as env_a,
            self._worker() as env_b,
        ):
            # the second worker's transaction starts before the first commits
            env_b.cr.execute("SELECT 1")
            self.assertTrue(
                env_a["comms.complaint.flood"]._register_submission(address)
            )
            env_a.cr.commit()
            with self.assertRaises(psycopg2.errors.SerializationFailure):
                env_b["comms.complaint.flood"]._register_submission(address)
            # what Odoo does with a request failed so: roll back, retry
            env_b.cr.rollback()
            self.assertFalse(
                env_b["comms.complaint.flood"]._register_submission(address)
            )

    def test_senders_do_not_wait_for_each_other(self):
        """Submissions from two senders at the same moment neither wait for
        nor fail each other: the form's count is read, not written."""
        addresses = ("192.0.2.81", "192.0.2.82")
        with self._worker() as env:
            fingerprints = [
                env["comms.complaint.flood"]._fingerprint(address)
                for address in addresses
            ]
        self.addCleanup(self._forget_senders, fingerprints)
        with self._worker() as env_a, self._worker() as env_b:
            env_b.cr.execute("SELECT 1")
            self.assertTrue(
                env_a["comms.complaint.flood"]._register_submission(addresses[0])
            )
            # waiting for the first worker would fail here instead of hanging
            env_b.cr.execute("SET LOCAL lock_timeout = '2s'")
            self.assertTrue(
                env_b["comms.complaint.flood"]._register_submission(addresses[1])
            )
            env_a.cr.commit()
            env_b.cr.commit()
        with self._worker() as env:
            counts = env["comms.complaint.flood"].search(
                [("fingerprint", "in", fingerprints)]
            )
            self.assertEqual(counts.mapped("count"), [1, 1])

    def _forget_register(self, first_day, last_day):
        with self._worker() as env:
            env["comms.complaint"].search(
                [
                    ("date_received", ">=", datetime(first_day.year - 1, 12, 31)),
                    ("date_received", "<", datetime(last_day.year + 1, 1, 1)),
                ]
            ).unlink()
            env["ir.sequence.date_range"].search(
                [
                    ("sequence_id.code", "=", "comms.complaint"),
                    ("date_to", ">=", first_day),
                    ("date_from", "<=", last_day),
                ]
            ).unlink()

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_reference_at_the_first_second_of_a_year(self):
        """Two complaints at the first second of a year in Algiers, in two
        transactions: both are registered, each with its number of that year,
        the later once Odoo has retried it."""
        values = {
            "subject": "Nouvel an",
            "description": "Arrivée à minuit",
            "channel": "phone",
            # 1 January 1990, 00:00 in Algiers
            "date_received": datetime(1989, 12, 31, 23, 0),
        }
        self.addCleanup(self._forget_register, date(1989, 1, 1), date(1990, 12, 31))
        with self._worker() as env_a, self._worker() as env_b:
            # the second worker's transaction starts before the first commits
            env_b.cr.execute("SELECT 1")
            first = env_a["comms.complaint"].create(dict(values))
            env_a.cr.commit()
            second = retrying(
                lambda: env_b["comms.complaint"].create(dict(values)), env_b
            )
            self.assertEqual(
                {first.name, second.name}, {"REC-1990-00001", "REC-1990-00002"}
            )
