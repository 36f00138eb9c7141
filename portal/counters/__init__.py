"""Buffered counters: add to integer fields of rows without an UPDATE in the request.

`increment(Model, key, "field")` only records +n in a buffer: a Redis hash shared by every worker
when settings.REDIS_URL is set (this process's memory while Redis is unreachable: RedisBuffer),
else this process's memory. `key` is a primary key, or a dict naming a row by a unique natural
key (`{"day": date}`) that the flush creates when missing.
`record()` does a request's work in one Redis round trip: increments, increments that count
only when none of the visitor's marks was seen in the last `gap` seconds, distinct members
(a set of the members not yet flushed) and presence (who was seen when, per group).
`record_for(request, ...)` queues it, and middleware.RequestCountsMiddleware sends everything a
request records (an article view, its visitor statistics) in one round trip.

A flush moves the pending increments into a batch with an id, applies it with one
`UPDATE ... SET field = field + n` per row (after an insert of the row if it is missing), and
records the batch id in portal.AppliedBatch in the same transaction. A batch stays in Redis until
it is committed, so a flush that crashes loses nothing, and a batch that is already recorded is
dropped, so it is never applied twice, whether two workers flush at once or one flush is retried.
A distinct counter's new members are added to its stored members (portal.CounterMember, keyed
hashes) and the row gets their number: exact, and idempotent by nature.

A flush runs in a background thread when this process's oldest pending increment is older than
PORTAL_COUNTER_FLUSH_SECONDS (on the next increment, or by a timer when the site is quiet), at
process exit (atexit, and gunicorn's worker_exit in gunicorn.conf.py), and with
`manage.py flush_counters`.
"""

import atexit
import logging
import threading

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from .memory import MemoryBuffer
from .redis_buffer import RedisBuffer
from .rows import apply_counts, apply_members, counter_key

__all__ = [
    "MemoryBuffer",
    "RedisBuffer",
    "apply_counts",
    "apply_members",
    "counter_key",
    "flush",
    "flush_at_exit",
    "get_buffer",
    "increment",
    "pending",
    "present",
    "record",
    "record_for",
    "record_many",
    "reset",
]

logger = logging.getLogger(__name__)

_buffer = None
_buffer_lock = threading.Lock()


def get_buffer():
    global _buffer
    with _buffer_lock:
        if _buffer is None:
            flush_seconds = getattr(settings, "PORTAL_COUNTER_FLUSH_SECONDS", 10)
            if getattr(settings, "REDIS_URL", ""):
                prefix = settings.CACHES["default"].get("KEY_PREFIX") or "portal"
                _buffer = RedisBuffer(flush_seconds, settings.REDIS_URL, f"{prefix}:counters")
            else:
                _buffer = MemoryBuffer(flush_seconds)
        return _buffer


def increment(model, key, field, by=1):
    get_buffer().increment(model, key, field, by)


def record(**kwargs):
    return get_buffer().record(**kwargs)


def record_many(records):
    return get_buffer().record_many(records)


def record_for(request, **kwargs):
    """Record at the end of this request, in the same round trip as its other records
    (RequestCountsMiddleware); at once when the request is not going through it."""
    queued = getattr(request, "counter_records", None)
    if queued is None:
        return record(**kwargs)
    queued.append(kwargs)
    return None


def pending(model, key, field):
    """Increments not yet in the database (a page may show the stored value plus these)."""
    return get_buffer().pending(model, key, field)


def present(groups, since):
    return get_buffer().present(groups, since)


def flush():
    return get_buffer().flush()


def reset():
    """Forget the current buffer (and, in memory, its pending increments): for tests."""
    global _buffer
    with _buffer_lock:
        _buffer = None


@receiver(setting_changed)
def _reset_on_setting_change(setting, **kwargs):
    if setting in {"REDIS_URL", "CACHES", "PORTAL_COUNTER_FLUSH_SECONDS"}:
        reset()


@atexit.register
def flush_at_exit():
    """Flush what this process buffered; for atexit and gunicorn's worker_exit hook."""
    buffer = _buffer
    # A test run ends with the development database configured again: not theirs to count in.
    if buffer is None or buffer.database != settings.DATABASES["default"]["NAME"]:
        return
    try:
        buffer.wait()
        buffer.flush()
    except Exception:
        logger.exception("Flushing counters at exit failed")
