"""Pending counts in Redis, shared by every worker."""

import logging
import threading
import uuid

import redis
from django.conf import settings

from portal import redis_breaker

from .buffer import Buffer
from .memory import MemoryBuffer

logger = logging.getLogger(__name__)


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
# KEYS: the pending hash, then the visitor's marks. ARGV: now, gap, 1 if a seen mark keeps its
# time (fixed window), the number of counts that always apply, then (field, n) pairs: those,
# then the ones that apply only when no mark was seen within gap.
RECORD_SCRIPT = """
local now, gap, fixed = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1'
local new = 1
for i = 2, #KEYS do
  local last = redis.call('GET', KEYS[i])
  local seen = last and now - tonumber(last) < gap
  if seen then new = 0 end
  if not (seen and fixed) then
    redis.call('SET', KEYS[i], ARGV[1], 'EX', math.max(1, math.ceil(gap)))
  end
end
local stop = 4 + 2 * tonumber(ARGV[4])
if new == 1 then stop = #ARGV end
for i = 5, stop, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return new
"""


class RedisBuffer(Buffer):
    """Increments of every worker in Redis, under keys that start with `key`.

    While Redis is unreachable (portal.redis_breaker) this process records in its memory
    instead, and every flush writes that memory straight to the database, as without Redis;
    reads add what Redis holds, when it answers, to what memory holds. Another Redis error
    while recording loses that request's counts (logged), never the page; a flush raises it.
    """

    def __init__(self, flush_seconds, url, key):
        super().__init__(flush_seconds)
        self.key = key
        self._redis = redis.Redis(connection_pool=connection_pool(url))
        self._take_script = self._redis.register_script(TAKE_SCRIPT)
        self._record_script = self._redis.register_script(RECORD_SCRIPT)
        self.memory = MemoryBuffer(flush_seconds)

    def record_many(self, records):
        return redis_breaker.call(super().record_many, records, fallback=self.memory.record_many)

    def pending(self, model, key, field):
        return super().pending(model, key, field) + self.memory.pending(model, key, field)

    def present(self, groups, since):
        groups = list(groups)
        shared = super().present(groups, since)
        mine = self.memory.present(groups, since)
        return {group: shared[group] + mine[group] for group in groups}

    def flush(self):
        rows = self.memory.flush()
        return rows + redis_breaker.call(super().flush, fallback=lambda: 0)

    def wait(self):
        self.memory.wait()
        super().wait()

    @property
    def _batches_key(self):
        return f"{self.key}:batch"

    def _record_many(self, records):
        try:
            return self._execute_records(records)
        except redis.exceptions.NoScriptError:
            # Redis restarted or its scripts were flushed. Nothing but the script failed,
            # and every other command in the pipeline is idempotent: load it, run again.
            self._record_script.sha = self._redis.script_load(RECORD_SCRIPT)
            return self._execute_records(records)

    def _execute_records(self, records):
        """One round trip: EVALSHA directly, as redis-py's Script in a pipeline would first
        ask whether the script exists (a second round trip on every request)."""
        pipe = self._redis.pipeline(transaction=False)
        script_results = []
        for record in records:
            script_results.append(len(pipe))
            self._queue(pipe, **record)
        results = pipe.execute()
        return [bool(results[i]) for i in script_results]

    def _queue(self, pipe, counts, marks, gap, fixed, counts_if_new, distinct, presence, now):
        args = [now, gap, int(fixed), len(counts)]
        for key, n in [*counts.items(), *counts_if_new.items()]:
            args += [key, n]
        keys = [self.key, *(f"{self.key}:mark:{mark}" for mark in marks)]
        pipe.evalsha(self._record_script.sha, len(keys), *keys, *args)
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

    def _get(self, key):
        return redis_breaker.call(self._get_shared, key, fallback=lambda key: 0)

    def _get_shared(self, key):
        ids = self._redis.smembers(self._batches_key)
        pipe = self._redis.pipeline(transaction=False)
        for name in [self.key, *(f"{self._batches_key}:{i}" for i in sorted(ids))]:
            pipe.hget(name, key)
        return sum(int(value or 0) for value in pipe.execute())

    def _present(self, groups, since):
        return redis_breaker.call(self._present_shared, groups, since, fallback=_nobody)

    def _present_shared(self, groups, since):
        pipe = self._redis.pipeline(transaction=False)
        for group in groups:
            pipe.zcount(f"{self.key}:presence:{group}", since, "+inf")
        return dict(zip(groups, pipe.execute(), strict=True))

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


def _nobody(groups, since):
    return dict.fromkeys(groups, 0)


_pools = {}
_pools_lock = threading.Lock()


def connection_pool(url):
    with _pools_lock:
        if url not in _pools:
            options = getattr(settings, "REDIS_OPTIONS", {})
            _pools[url] = redis.ConnectionPool.from_url(url, decode_responses=True, **options)
        return _pools[url]
