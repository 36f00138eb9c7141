"""Locks on a name, for rules about rows that no single row lock covers."""

import hashlib

from django.db import connection


def key_of(name):
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def lock_names(names):
    """Hold a lock on each name until the current transaction ends: PostgreSQL advisory locks,
    taken in one order, so two holders never deadlock. SQLite needs none: its write
    transactions (BEGIN IMMEDIATE) already run one at a time. Call it inside atomic()."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for key in sorted({key_of(name) for name in names}):
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
