# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ipaddress
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.misc import hmac

# Submissions per hour, changed with system parameters of the same names.
DEFAULT_LIMITS = {
    # one IPv4 address, or one IPv6 /64 network (a subscriber's allocation)
    "comms_office.complaint_rate_limit": 5,
    # the whole form
    "comms_office.complaint_rate_limit_global": 100,
}
ALL_SENDERS = "*"


class CommsComplaintFlood(models.Model):
    """Submissions of the public complaint form, counted per hour for each
    sender and for the form as a whole.

    The counts live in the database so that every worker sees them. A sender
    is kept as a keyed hash of its network, never as an address, and is
    forgotten after a day.
    """

    _name = "comms.complaint.flood"
    _description = "Complaint Form Flood Control"
    _log_access = False

    fingerprint = fields.Char(required=True, readonly=True)
    hour = fields.Datetime(required=True, readonly=True, help="Start of the hour.")
    count = fields.Integer(readonly=True)

    _fingerprint_hour_uniq = models.Constraint(
        "UNIQUE(fingerprint, hour)", "A sender is counted once an hour."
    )

    @api.autovacuum
    def _gc_fingerprints(self):
        """Senders are forgotten after a day."""
        self.search([("hour", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()

    # ------------------------------------------------------------
    # TOOLS
    # ------------------------------------------------------------

    @api.model
    def _register_submission(self, address):
        """Count a submission from ``address``; False when its sender or the
        form as a whole has reached its limit for the hour.

        Concurrent submissions update the same rows: PostgreSQL makes the
        later one wait for the earlier, then fails it, and Odoo retries the
        request on the new counts, so no worker counts past a limit.
        """
        params = self.env["ir.config_parameter"].sudo()
        limits = {}
        for key, default in DEFAULT_LIMITS.items():
            value = params.get_param(key) or ""
            limits[key] = int(value) if value.isdigit() else default
        limits = {
            self._fingerprint(address): limits["comms_office.complaint_rate_limit"],
            ALL_SENDERS: limits["comms_office.complaint_rate_limit_global"],
        }
        hour = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        # once a limit is reached, refusing writes nothing and waits for nobody
        counts = dict(
            self.env.execute_query(
                SQL(
                    "SELECT fingerprint, count FROM %s"
                    " WHERE hour = %s AND fingerprint IN %s",
                    SQL.identifier(self._table),
                    hour,
                    tuple(limits),
                )
            )
        )
        if any(counts.get(key, 0) >= limit for key, limit in limits.items()):
            return False
        # rows in a fixed order, so that two submissions never deadlock
        query = SQL(
            """
            INSERT INTO %(table)s (fingerprint, hour, count) VALUES %(rows)s
            ON CONFLICT (fingerprint, hour)
            DO UPDATE SET count = %(table)s.count + 1
            RETURNING fingerprint, count
            """,
            table=SQL.identifier(self._table),
            rows=SQL(", ").join(
                SQL("(%s, %s, 1)", key, hour) for key in sorted(limits)
            ),
        )
        # Under load, concurrent submissions meet on these rows: the later
        # fails to serialize and Odoo retries it, which it logs; a failure
        # expected on every busy hour is not an error of the server.
        self.env.cr.execute(query, log_exceptions=False)
        counts = dict(self.env.cr.fetchall())
        return all(counts[key] <= limit for key, limit in limits.items())

    @api.model
    def _network(self, address):
        """What counts as one sender: an IPv4 address, the /64 network of an
        IPv6 address."""
        try:
            ip = ipaddress.ip_address(address or "")
        except ValueError:
            return "unknown"
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if ip.version == 6:
            return str(ipaddress.ip_network(f"{ip}/64", strict=False))
        return str(ip)

    @api.model
    def _fingerprint(self, address):
        # sudo: the key of the hash is the database secret
        return hmac(
            self.env(su=True), "comms_office.complaint_flood", self._network(address)
        )
