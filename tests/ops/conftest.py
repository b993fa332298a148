"""The fixtures of the operations tests (see ops_common)."""

from ops_common import restored_db, upgraded_db  # noqa: F401
