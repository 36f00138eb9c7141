"""Django's Redis cache, keeping one Redis client per connection pool, and doing without Redis
while it is unreachable.

Django's RedisCacheClient builds a new `redis.Redis` for every cache operation; here that cost
about 0.1 ms, as much as the round trip itself. A client is thread-safe, so one is kept.

While Redis cannot be reached (portal.redis_breaker) every read is a miss and every write is
dropped: pages are made from the database, nothing is cached, nothing fails. `add` then claims
nothing (returns False), so work that one worker must do alone (the moderators' e-mail) waits.
"""

import functools

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from . import redis_breaker


class ReusedClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients.setdefault(index, self._client(connection_pool=pool))
        return client


def _missing_key(key, delta=1, version=None):
    raise ValueError(f"Key '{key}' not found.")


# What each operation answers while Redis is unreachable: what it answers without the key.
UNREACHABLE_ANSWERS = {
    "get": lambda key, default=None, version=None: default,
    "get_many": lambda keys, version=None: {},
    "has_key": lambda key, version=None: False,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda data, *args, **kwargs: list(data),
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "incr": _missing_key,
    "clear": lambda: None,
}


def _guarded(name):
    operation = getattr(RedisCache, name)
    fallback = UNREACHABLE_ANSWERS[name]

    @functools.wraps(operation)
    def guarded(self, *args, **kwargs):
        return redis_breaker.call(
            functools.partial(operation, self), *args, fallback=fallback, **kwargs
        )

    return guarded


class PortalRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient

    def reachable(self):
        """Whether Redis answers a PING now (without asking while the breaker is open)."""
        ping = self._cache.get_client(write=True).ping
        return bool(redis_breaker.call(ping, fallback=lambda: False))


for _name in UNREACHABLE_ANSWERS:
    setattr(PortalRedisCache, _name, _guarded(_name))
