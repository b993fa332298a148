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
    hour = fields.Datetime(
        required=True, readonly=True, index=True, help="Start of the hour."
    )
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

        Each sender has its row; the form's count is the sum of the senders'
        rows, read and never written, so that submissions from different
        senders never wait for each other. Two submissions from one sender
        update the same row: PostgreSQL makes the later one wait for the
        earlier, then fails it, and Odoo retries the request on the new
        count, so no sender is counted past its limit. The form's ceiling is
        a safety valve: submissions from different senders at the same
        moment may pass it by as many as the workers serve at once.
        """
        params = self.env["ir.config_parameter"].sudo()
        limits = {}
        for key, default in DEFAULT_LIMITS.items():
            value = params.get_param(key) or ""
            limits[key] = int(value) if value.isdigit() else default
        sender = self._fingerprint(address)
        hour = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        # once a limit is reached, refusing writes nothing and waits for nobody
        [(sender_count, form_count)] = self.env.execute_query(
            SQL(
                "SELECT coalesce(sum(count) FILTER (WHERE fingerprint = %s), 0),"
                " coalesce(sum(count), 0) FROM %s WHERE hour = %s",
                sender,
                SQL.identifier(self._table),
                hour,
            )
        )
        if (
            sender_count >= limits["comms_office.complaint_rate_limit"]
            or form_count >= limits["comms_office.complaint_rate_limit_global"]
        ):
            return False
        query = SQL(
            """
            INSERT INTO %(table)s (fingerprint, hour, count)
            VALUES (%(sender)s, %(hour)s, 1)
            ON CONFLICT (fingerprint, hour)
            DO UPDATE SET count = %(table)s.count + 1
            RETURNING count
            """,
            table=SQL.identifier(self._table),
            sender=sender,
            hour=hour,
        )
        # A double click meets its twin on this row: the later fails to
        # serialize and Odoo retries it, which it logs; a failure expected
        # under load is not an error of the server.
        self.env.cr.execute(query, log_exceptions=False)
        [(count,)] = self.env.cr.fetchall()
        return count <= limits["comms_office.complaint_rate_limit"]

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
