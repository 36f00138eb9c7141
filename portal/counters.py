"""Buffered counters: add to an integer field of a row without an UPDATE in the request.

`increment(Model, pk, "field")` only records +1 in a buffer: a Redis hash shared by every worker
when settings.REDIS_URL is set, else this process's memory. `flush()` applies what is pending with
one `UPDATE ... SET field = field + n` per row, so concurrent workers never lose a count. A flush
starts in a background thread once this process's oldest pending increment is older than
PORTAL_COUNTER_FLUSH_SECONDS (checked on each increment), at process exit, and with
`manage.py flush_counters`.

A worker killed between taking a Redis batch and committing it loses that batch (at most
PORTAL_COUNTER_FLUSH_SECONDS of counts); the taken hash stays in Redis for a day for inspection.
"""

import atexit
import logging
import threading
import time
import uuid
from collections import Counter, defaultdict

import redis
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.signals import setting_changed
from django.db import connections, transaction
from django.db.models import F
from django.dispatch import receiver

logger = logging.getLogger(__name__)

TAKEN_TTL_SECONDS = 24 * 3600
# Atomically move the pending hash aside, so increments arriving meanwhile start a new one.
TAKE_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[1])
return redis.call('HGETALL', KEYS[2])
"""


def counter_key(model, pk, field):
    model._meta.get_field(field)
    return f"{model._meta.label_lower}:{field}:{pk}"


def apply_counts(counts):
    """Add {counter_key: n} to the rows, one UPDATE per row, all in one transaction.

    Rows are updated in a fixed order so concurrent flushes cannot deadlock. Counters of a
    model or field that no longer exists, or of a deleted row, are dropped.
    """
    rows = defaultdict(dict)
    for key, n in counts.items():
        label, field, pk = key.split(":", 2)
        try:
            model = apps.get_model(label)
            model._meta.get_field(field)
            rows[(label, model._meta.pk.to_python(pk))][field] = n
        except (LookupError, FieldDoesNotExist, ValidationError):
            logger.warning("Dropping %s pending increments of unknown counter %s", n, key)
    updated = 0
    with transaction.atomic():
        for (label, pk), fields in sorted(rows.items()):
            updates = {field: F(field) + n for field, n in fields.items()}
            updated += apps.get_model(label)._base_manager.filter(pk=pk).update(**updates)
    return updated


class Buffer:
    """Pending increments; subclasses say where they are kept."""

    def __init__(self, flush_seconds):
        self.flush_seconds = flush_seconds
        self._oldest = None  # monotonic time of this process's oldest unflushed increment
        self._flushing = threading.Lock()
        self._thread = None
        self.database = settings.DATABASES["default"]["NAME"]

    def increment(self, model, pk, field, by=1):
        if isinstance(by, bool) or not isinstance(by, int) or by < 1:
            raise ValueError("A counter grows by a positive whole number.")
        self._add(counter_key(model, pk, field), by)
        now = time.monotonic()
        if self._oldest is None:
            self._oldest = now
        elif now - self._oldest >= self.flush_seconds:
            self._flush_in_background()

    def pending(self, model, pk, field):
        return self._get(counter_key(model, pk, field))

    def flush(self):
        """Apply every pending increment; return the number of rows updated."""
        self._oldest = None
        counts, token = self._take()
        if not counts:
            return 0
        try:
            rows = apply_counts(counts)
        except Exception:
            self._put_back(counts, token)
            raise
        self._forget(token)
        return rows

    def wait(self):
        """Wait for this process's background flush, if one is running."""
        thread = self._thread
        if thread is not None:
            thread.join()

    def _flush_in_background(self):
        if not self._flushing.acquire(blocking=False):
            return
        self._oldest = None
        self._thread = threading.Thread(target=self._background_flush, name="counters-flush")
        self._thread.daemon = True
        self._thread.start()

    def _background_flush(self):
        try:
            self.flush()
        except Exception:
            logger.exception("Flushing counters failed; the increments stay pending")
        finally:
            connections.close_all()
            self._flushing.release()

    def _forget(self, token):
        """The taken increments are applied."""


class MemoryBuffer(Buffer):
    """This process's increments, under a lock."""

    def __init__(self, flush_seconds):
        super().__init__(flush_seconds)
        self._lock = threading.Lock()
        self._counts = Counter()

    def _add(self, key, by):
        with self._lock:
            self._counts[key] += by

    def _get(self, key):
        return self._counts.get(key, 0)

    def _take(self):
        with self._lock:
            counts, self._counts = self._counts, Counter()
        return counts, None

    def _put_back(self, counts, token):
        with self._lock:
            self._counts.update(counts)


class RedisBuffer(Buffer):
    """Increments of every worker in one Redis hash.

    An increment or a read that meets a Redis error logs it and goes on (a count may be lost, a
    page never breaks); a flush raises it.
    """

    def __init__(self, flush_seconds, url, key):
        super().__init__(flush_seconds)
        self.key = key
        self._redis = redis.Redis(connection_pool=connection_pool(url))
        self._take_script = self._redis.register_script(TAKE_SCRIPT)

    def _add(self, key, by):
        try:
            self._redis.hincrby(self.key, key, by)
        except redis.RedisError:
            logger.warning("Redis is unavailable: an increment of %s is lost", key, exc_info=True)

    def _get(self, key):
        try:
            return int(self._redis.hget(self.key, key) or 0)
        except redis.RedisError:
            return 0

    def _take(self):
        taken = f"{self.key}:flushing:{uuid.uuid4().hex}"
        flat = self._take_script(keys=[self.key, taken], args=[TAKEN_TTL_SECONDS])
        counts = {flat[i]: int(flat[i + 1]) for i in range(0, len(flat), 2)}
        return counts, taken

    def _put_back(self, counts, taken):
        with self._redis.pipeline(transaction=True) as pipe:
            for key, n in counts.items():
                pipe.hincrby(self.key, key, n)
            pipe.delete(taken)
            pipe.execute()

    def _forget(self, taken):
        try:
            self._redis.delete(taken)
        except redis.RedisError:
            logger.warning("Could not delete the applied batch %s; it expires", taken)


_pools = {}
_pools_lock = threading.Lock()


def connection_pool(url):
    with _pools_lock:
        if url not in _pools:
            _pools[url] = redis.ConnectionPool.from_url(
                url, decode_responses=True, socket_timeout=2, socket_connect_timeout=2
            )
        return _pools[url]


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


def increment(model, pk, field, by=1):
    get_buffer().increment(model, pk, field, by)


def pending(model, pk, field):
    """Increments not yet in the database (a page may show the stored value plus these)."""
    return get_buffer().pending(model, pk, field)


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
def _flush_at_exit():
    buffer = _buffer
    # A test run ends with the development database configured again: not theirs to count in.
    if buffer is None or buffer.database != settings.DATABASES["default"]["NAME"]:
        return
    try:
        buffer.wait()
        buffer.flush()
    except Exception:
        logger.exception("Flushing counters at exit failed")
