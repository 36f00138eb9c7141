"""Buffered counters: add to integer fields of rows without an UPDATE in the request.

`increment(Model, key, "field")` only records +n in a buffer: a Redis hash shared by every worker
when settings.REDIS_URL is set, else this process's memory. `key` is a primary key, or a dict
naming a row by a unique natural key (`{"day": date}`) that the flush creates when missing.
`record()` does a whole request's work in one Redis round trip: increments, increments that
count only when none of the visitor's marks was seen in the last `gap` seconds, distinct
members (HyperLogLog, or a set in memory) and presence (who was seen when, per group).

A flush moves the pending increments into a batch with an id, applies it with one
`UPDATE ... SET field = field + n` per row (after an insert of the row if it is missing), and
records the batch id in portal.AppliedBatch in the same transaction. A batch stays in Redis until
it is committed, so a flush that crashes loses nothing, and a batch that is already recorded is
dropped, so it is never applied twice, whether two workers flush at once or one flush is retried.
Distinct counts are written as GREATEST(stored, count): idempotent by nature.

A flush runs in a background thread when this process's oldest pending increment is older than
PORTAL_COUNTER_FLUSH_SECONDS (on the next increment, or by a timer when the site is quiet), at
process exit (atexit, and gunicorn's worker_exit in gunicorn.conf.py), and with
`manage.py flush_counters`.
"""

import atexit
import json
import logging
import threading
import time
import uuid
from collections import Counter, defaultdict
from datetime import timedelta

import redis
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.signals import setting_changed
from django.db import IntegrityError, connections, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.dispatch import receiver
from django.utils import timezone

logger = logging.getLogger(__name__)

APPLIED_BATCH_DAYS = 7
DISTINCT_TTL_SECONDS = 3 * 24 * 3600
PRESENCE_TTL_SECONDS = 24 * 3600
# Atomically move the pending hash into a numbered batch, so increments arriving meanwhile
# start a new hash and the batch is listed until a flush has committed it.
TAKE_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2] .. ':' .. ARGV[1])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
"""
# KEYS: the pending hash, then the visitor's marks. ARGV: now, gap, the number of counts that
# always apply, then (field, n) pairs: those, then the ones that apply only to a new visit.
RECORD_SCRIPT = """
local now, gap = tonumber(ARGV[1]), tonumber(ARGV[2])
local new = 1
for i = 2, #KEYS do
  local last = redis.call('GET', KEYS[i])
  if last and now - tonumber(last) < gap then new = 0 end
  redis.call('SET', KEYS[i], ARGV[1], 'EX', math.max(1, math.ceil(gap)))
end
local stop = 3 + 2 * tonumber(ARGV[3])
if new == 1 then stop = #ARGV end
for i = 4, stop, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return new
"""


def counter_key(model, key, field):
    model._meta.get_field(field)
    if isinstance(key, dict):
        key = json.dumps({name: _plain(value) for name, value in key.items()}, sort_keys=True)
    return f"{model._meta.label_lower}:{field}:{key}"


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def parse_key(key):
    """(model, lookup, field, creates) of a counter key; LookupError etc. if it names nothing."""
    label, field, raw = key.split(":", 2)
    model = apps.get_model(label)
    model_field = model._meta.get_field(field)
    if raw.startswith("{"):
        lookup = {
            name: model._meta.get_field(name).to_python(value)
            for name, value in json.loads(raw).items()
        }
        return model, lookup, model_field.name, True
    return model, {"pk": model._meta.pk.to_python(raw)}, model_field.name, False


def _rows(counts):
    """{(label, raw key): (model, lookup, creates, {field: n})}, dropping unknown counters."""
    rows = {}
    for key, n in counts.items():
        try:
            model, lookup, field, creates = parse_key(key)
        except (LookupError, FieldDoesNotExist, ValidationError, ValueError, TypeError):
            logger.warning("Dropping %s pending increments of unknown counter %s", n, key)
            continue
        label, _field, raw = key.split(":", 2)
        rows.setdefault((label, raw), (model, lookup, creates, {}))[3][field] = n
    return rows


def _write(counts, expression):
    """Update each row in a fixed order, creating rows named by a natural key if missing.

    Each row is locked by its UPDATE (or its INSERT) before the next one, always in the same
    order, so concurrent flushes cannot deadlock.
    """
    updated = 0
    for _key, (model, lookup, creates, fields) in sorted(_rows(counts).items()):
        updates = {field: expression(field, n) for field, n in fields.items()}
        rows = model._base_manager.filter(**lookup)
        done = rows.update(**updates)
        if not done and creates:
            model._base_manager.bulk_create([model(**lookup)], ignore_conflicts=True)
            done = rows.update(**updates)
        updated += done
    return updated


def apply_counts(counts):
    """Add {counter_key: n} to the rows, one UPDATE per row. Counters of a model or field that
    no longer exists, or of a deleted row named by its primary key, are dropped."""
    return _write(counts, lambda field, n: F(field) + n)


def apply_maximums(counts):
    """Raise each field to at least n."""
    return _write(counts, lambda field, n: Greatest(F(field), Value(n)))


class AlreadyApplied(Exception):
    pass


def apply_batch(batch_id, counts):
    """Apply a taken batch once: its id is recorded in the transaction that adds its counts."""
    from portal.models import AppliedBatch

    try:
        with transaction.atomic():
            try:
                AppliedBatch.objects.create(id=batch_id)
            except IntegrityError:
                raise AlreadyApplied from None
            _forget_old_batches(AppliedBatch)
            return apply_counts(counts)
    except AlreadyApplied:
        logger.info("Counter batch %s was already applied", batch_id)
        return 0


_cleaned_at = None


def _forget_old_batches(model):
    """Once an hour per process: a batch left in Redis is retried within seconds, not days."""
    global _cleaned_at
    if _cleaned_at is not None and time.monotonic() - _cleaned_at < 3600:
        return
    _cleaned_at = time.monotonic()
    model.objects.filter(
        applied_at__lt=timezone.now() - timedelta(days=APPLIED_BATCH_DAYS)
    ).delete()


class Buffer:
    """Pending increments; subclasses say where they are kept."""

    def __init__(self, flush_seconds):
        self.flush_seconds = flush_seconds
        self._oldest = None  # monotonic time of this process's oldest unflushed increment
        self._flushing = threading.Lock()
        self._thread = None
        self._timer = None
        self._claims = set()  # batches a thread of this process is applying
        self._claims_lock = threading.Lock()
        self.database = settings.DATABASES["default"]["NAME"]

    def increment(self, model, key, field, by=1):
        if isinstance(by, bool) or not isinstance(by, int) or by < 1:
            raise ValueError("A counter grows by a positive whole number.")
        self.record(counts={counter_key(model, key, field): by})

    def record(
        self,
        counts=None,
        marks=(),
        gap=0,
        counts_if_new=None,
        distinct=None,
        presence=None,
        now=None,
    ):
        """Record one request's counts; return whether it is new (no mark seen within gap).

        counts, counts_if_new: {counter_key: n}; distinct: {counter_key: member};
        presence: (group, member, groups) - the member is seen now in `group` and in no other.
        """
        now = time.time() if now is None else now
        new = self._record(
            dict(counts or {}),
            [str(mark) for mark in marks],
            gap,
            dict(counts_if_new or {}),
            dict(distinct or {}),
            presence,
            now,
        )
        if counts or (new and counts_if_new) or distinct:
            self._pending_since()
        return new

    def pending(self, model, key, field):
        return self._get(counter_key(model, key, field))

    def present(self, groups, since):
        """{group: members seen at or after `since`} (a time.time() value)."""
        return self._present(list(groups), since)

    def flush(self):
        """Apply every pending increment; return the number of rows updated."""
        self._oldest = None
        self._take()
        rows = 0
        for batch_id in self._batch_ids():
            rows += self._apply_claimed(batch_id)
        distinct = self._take_distinct()
        if distinct:
            try:
                rows += apply_maximums(distinct)
            except Exception:
                self._put_back_distinct(distinct)
                raise
        return rows

    def wait(self):
        """Wait for this process's background flush, if one is running."""
        thread = self._thread
        if thread is not None:
            thread.join()

    def _apply_claimed(self, batch_id):
        with self._claims_lock:
            if batch_id in self._claims:
                return 0
            self._claims.add(batch_id)
        try:
            counts = self._batch(batch_id)
            rows = apply_batch(batch_id, counts) if counts else 0
            self._forget(batch_id)
            return rows
        finally:
            with self._claims_lock:
                self._claims.discard(batch_id)

    def _pending_since(self):
        now = time.monotonic()
        if self._oldest is None:
            self._oldest = now
            self._start_timer()
        elif now - self._oldest >= self.flush_seconds:
            self._flush_in_background()

    def _start_timer(self):
        """While there is something to flush, check every flush_seconds (a quiet site too)."""
        if self._timer is not None and self._timer.is_alive():
            return
        self._timer = threading.Timer(max(self.flush_seconds, 1), self._on_timer)
        self._timer.daemon = True
        self._timer.start()

    def _on_timer(self):
        self._timer = None
        oldest = self._oldest
        if oldest is None:
            return
        if time.monotonic() - oldest >= self.flush_seconds:
            self._flush_in_background()
        else:
            self._start_timer()

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


class MemoryBuffer(Buffer):
    """This process's increments, under a lock."""

    def __init__(self, flush_seconds):
        super().__init__(flush_seconds)
        self._lock = threading.Lock()
        self._counts = Counter()
        self._batches = {}
        self._marks = {}
        self._distinct = defaultdict(set)
        self._distinct_seen = {}
        self._dirty = set()
        self._presence = defaultdict(dict)
        self._swept = 0.0
        self._longest_gap = 0

    def _record(self, counts, marks, gap, counts_if_new, distinct, presence, now):
        with self._lock:
            new = all(now - self._marks.get(mark, float("-inf")) >= gap for mark in marks)
            self._marks.update(dict.fromkeys(marks, now))
            self._longest_gap = max(self._longest_gap, gap)
            self._counts.update(counts)
            if new:
                self._counts.update(counts_if_new)
            for key, member in distinct.items():
                self._distinct[key].add(member)
                self._distinct_seen[key] = now
            self._dirty.update(distinct)
            if presence is not None:
                group, member, groups = presence
                for other in groups:
                    self._presence[other].pop(member, None)
                self._presence[group][member] = now
            if now - self._swept >= 60:
                self._sweep(now)
        return new

    def _sweep(self, now):
        """Drop marks, presence and distinct sets too old to matter (amortized: once a minute)."""
        self._swept = now
        gap = self._longest_gap
        self._marks = {mark: seen for mark, seen in self._marks.items() if now - seen < gap}
        for members in self._presence.values():
            for member in [m for m, seen in members.items() if now - seen > 3600]:
                del members[member]
        for key in [k for k, seen in self._distinct_seen.items() if now - seen > 86400 * 2]:
            if key not in self._dirty:
                del self._distinct[key], self._distinct_seen[key]

    def _get(self, key):
        with self._lock:
            return self._counts.get(key, 0) + sum(b.get(key, 0) for b in self._batches.values())

    def _present(self, groups, since):
        with self._lock:
            return {
                group: sum(seen >= since for seen in self._presence[group].values())
                for group in groups
            }

    def _take(self):
        with self._lock:
            if self._counts:
                self._batches[uuid.uuid4().hex] = self._counts
                self._counts = Counter()

    def _batch_ids(self):
        with self._lock:
            return list(self._batches)

    def _batch(self, batch_id):
        with self._lock:
            return dict(self._batches.get(batch_id, {}))

    def _forget(self, batch_id):
        with self._lock:
            self._batches.pop(batch_id, None)

    def _take_distinct(self):
        with self._lock:
            counts = {key: len(self._distinct[key]) for key in self._dirty}
            self._dirty = set()
        return counts

    def _put_back_distinct(self, counts):
        with self._lock:
            self._dirty.update(counts)


class RedisBuffer(Buffer):
    """Increments of every worker in Redis, under keys that start with `key`.

    Recording or reading that meets a Redis error logs it and goes on (a count may be lost, a
    page never breaks); a flush raises it.
    """

    def __init__(self, flush_seconds, url, key):
        super().__init__(flush_seconds)
        self.key = key
        self._redis = redis.Redis(connection_pool=connection_pool(url))
        self._take_script = self._redis.register_script(TAKE_SCRIPT)
        self._record_script = self._redis.register_script(RECORD_SCRIPT)

    @property
    def _batches_key(self):
        return f"{self.key}:batch"

    def _record(self, counts, marks, gap, counts_if_new, distinct, presence, now):
        pipe = self._redis.pipeline(transaction=False)
        args = [now, gap, len(counts)]
        for key, n in [*counts.items(), *counts_if_new.items()]:
            args += [key, n]
        mark_keys = [f"{self.key}:mark:{mark}" for mark in marks]
        self._record_script(keys=[self.key, *mark_keys], args=args, client=pipe)
        for key, member in distinct.items():
            pipe.pfadd(f"{self.key}:distinct:{key}", member)
            pipe.expire(f"{self.key}:distinct:{key}", DISTINCT_TTL_SECONDS)
            pipe.sadd(f"{self.key}:distinct", key)
        if presence is not None:
            group, member, groups = presence
            for other in groups:
                if other != group:
                    pipe.zrem(f"{self.key}:presence:{other}", member)
            pipe.zadd(f"{self.key}:presence:{group}", {member: now})
            pipe.zremrangebyscore(f"{self.key}:presence:{group}", "-inf", now - 3600)
            pipe.expire(f"{self.key}:presence:{group}", PRESENCE_TTL_SECONDS)
        try:
            return bool(pipe.execute()[0])
        except redis.RedisError:
            logger.warning("Redis is unavailable: a request is not counted", exc_info=True)
            return False

    def _get(self, key):
        try:
            ids = self._redis.smembers(self._batches_key)
            pipe = self._redis.pipeline(transaction=False)
            for name in [self.key, *(f"{self._batches_key}:{i}" for i in sorted(ids))]:
                pipe.hget(name, key)
            return sum(int(value or 0) for value in pipe.execute())
        except redis.RedisError:
            return 0

    def _present(self, groups, since):
        try:
            pipe = self._redis.pipeline(transaction=False)
            for group in groups:
                pipe.zcount(f"{self.key}:presence:{group}", since, "+inf")
            return dict(zip(groups, pipe.execute(), strict=True))
        except redis.RedisError:
            return dict.fromkeys(groups, 0)

    def _take(self):
        self._take_script(keys=[self.key, self._batches_key], args=[uuid.uuid4().hex])

    def _batch_ids(self):
        return sorted(self._redis.smembers(self._batches_key))

    def _batch(self, batch_id):
        flat = self._redis.hgetall(f"{self._batches_key}:{batch_id}")
        return {key: int(n) for key, n in flat.items()}

    def _forget(self, batch_id):
        try:
            with self._redis.pipeline(transaction=True) as pipe:
                pipe.delete(f"{self._batches_key}:{batch_id}")
                pipe.srem(self._batches_key, batch_id)
                pipe.execute()
        except redis.RedisError:
            logger.warning("Could not drop the applied batch %s; the next flush does", batch_id)

    def _take_distinct(self):
        registry = f"{self.key}:distinct"
        with self._redis.pipeline(transaction=True) as pipe:
            pipe.smembers(registry)
            pipe.delete(registry)
            keys = sorted(pipe.execute()[0])
        pipe = self._redis.pipeline(transaction=False)
        for key in keys:
            pipe.pfcount(f"{registry}:{key}")
        return {key: n for key, n in zip(keys, pipe.execute(), strict=True) if n}

    def _put_back_distinct(self, counts):
        self._redis.sadd(f"{self.key}:distinct", *counts)


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


def increment(model, key, field, by=1):
    get_buffer().increment(model, key, field, by)


def record(**kwargs):
    return get_buffer().record(**kwargs)


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
