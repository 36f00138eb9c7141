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
# One request's record, atomically. KEYS: the pending hash, the registry of distinct counters
# with new members, then the marks checked, the marks set only when new, the sets of new members
# of the distinct counters (those that always apply, then those that apply only when new), the
# presence group, then the other groups. ARGV: now, gap, 1 if a seen mark keeps its time (fixed
# window), the numbers of those five kinds of keys, the number of counts that always apply, the
# presence member, the number of its former names and those names, then (counter, member) pairs
# for the distinct sets, then (field, n) pairs: the counts that always apply, then those that
# apply only when no mark was seen within gap.
RECORD_SCRIPT = """
local now, gap, fixed = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1'
local nm, nmn, nd, ndn = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local np, nc, nf = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[11])
local ttl = math.max(1, math.ceil(gap))
local new = 1
for i = 3, 2 + nm do
  local last = redis.call('GET', KEYS[i])
  local seen = last and now - tonumber(last) < gap
  if seen then new = 0 end
  if not (seen and fixed) then redis.call('SET', KEYS[i], ARGV[1], 'EX', ttl) end
end
local sets, members = 3 + nm + nmn, 12 + nf
local counts, stop = members + 2 * (nd + ndn), nd
if new == 1 then
  for i = 3 + nm, 2 + nm + nmn do redis.call('SET', KEYS[i], ARGV[1], 'EX', ttl) end
  stop = nd + ndn
end
for j = 0, stop - 1 do
  redis.call('SADD', KEYS[sets + j], ARGV[members + 2 * j + 1])
  redis.call('EXPIRE', KEYS[sets + j], DISTINCT_TTL)
  redis.call('SADD', KEYS[2], ARGV[members + 2 * j])
end
stop = counts - 1 + 2 * nc
if new == 1 then stop = #ARGV end
for i = counts, stop, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
local group = sets + nd + ndn
for i = group, group + np - 1 do
  if i > group then redis.call('ZREM', KEYS[i], ARGV[10]) end
  for f = 12, 11 + nf do redis.call('ZREM', KEYS[i], ARGV[f]) end
end
if np > 0 then
  redis.call('ZADD', KEYS[group], ARGV[1], ARGV[10])
  redis.call('ZREMRANGEBYSCORE', KEYS[group], '-inf', now - 3600)
  redis.call('EXPIRE', KEYS[group], PRESENCE_TTL)
end
return new
""".replace("DISTINCT_TTL", str(DISTINCT_TTL_SECONDS)).replace(
    "PRESENCE_TTL", str(PRESENCE_TTL_SECONDS)
)


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

    @property
    def _distinct_key(self):
        return f"{self.key}:distinct"

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
            self._queue(pipe, record)
        results = pipe.execute()
        return [bool(results[i]) for i in script_results]

    def _queue(self, pipe, record):
        group, member, groups, former = record["presence"] or (None, "", (), ())
        present = [] if group is None else [group, *(g for g in groups if g != group)]
        distinct = [*record["distinct"].items(), *record["distinct_if_new"].items()]
        keys = [
            self.key,
            self._distinct_key,
            *(f"{self.key}:mark:{mark}" for mark in record["marks"]),
            *(f"{self.key}:mark:{mark}" for mark in record["marks_if_new"]),
            *(f"{self._distinct_key}:{key}" for key, _member in distinct),
            *(f"{self.key}:presence:{g}" for g in present),
        ]
        args = [
            record["now"],
            record["gap"],
            int(record["fixed"]),
            len(record["marks"]),
            len(record["marks_if_new"]),
            len(record["distinct"]),
            len(record["distinct_if_new"]),
            len(present),
            len(record["counts"]),
            member,
            len(former),
            *former,
        ]
        for pair in [*distinct, *record["counts"].items(), *record["counts_if_new"].items()]:
            args += pair
        pipe.evalsha(self._record_script.sha, len(keys), *keys, *args)

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
        """{counter_key: members} recorded since the last flush; they stay in Redis until
        _forget_distinct (after the database has them), so a failed flush loses none."""
        with self._redis.pipeline(transaction=True) as pipe:
            pipe.smembers(self._distinct_key)
            pipe.delete(self._distinct_key)
            keys = sorted(pipe.execute()[0])
        pipe = self._redis.pipeline(transaction=False)
        for key in keys:
            pipe.smembers(f"{self._distinct_key}:{key}")
        return {key: members for key, members in zip(keys, pipe.execute(), strict=True) if members}

    def _put_back_distinct(self, members):
        self._redis.sadd(self._distinct_key, *members)

    def _forget_distinct(self, members):
        """Drop the members the database now has (one recorded meanwhile is there too)."""
        try:
            pipe = self._redis.pipeline(transaction=False)
            for key, taken in members.items():
                pipe.srem(f"{self._distinct_key}:{key}", *taken)
            pipe.execute()
        except redis.RedisError:
            logger.warning("Could not drop the applied distinct members; the next flush does")


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
