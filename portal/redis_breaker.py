"""Whether Redis is worth asking: after a connection error, not for a few seconds.

The cache (portal/cache.py) and the counters (portal/counters/) of a process share this
breaker. While it is open they do without Redis at once (a miss, their memory), so no request
waits for a connect or read timeout; one request after each PORTAL_REDIS_RETRY_SECONDS asks
Redis again, and closes it if Redis answers.
"""

import logging
import threading
import time

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

# Errors that say Redis cannot be reached (refused, reset, timed out, still loading its data).
UNREACHABLE = (redis.ConnectionError, redis.TimeoutError)


class Breaker:
    def __init__(self):
        self._retry_at = 0.0
        self._down = False
        self._lock = threading.Lock()

    def allows(self):
        """Whether to ask Redis now: always while it answers; once it failed, one caller per
        pause (the others do without it until that one's answer closes the breaker)."""
        if not self._down:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._retry_at:
                return False
            self._retry_at = now + settings.PORTAL_REDIS_RETRY_SECONDS
            return True

    @property
    def down(self):
        return self._down

    def failed(self, error):
        with self._lock:
            self._retry_at = time.monotonic() + settings.PORTAL_REDIS_RETRY_SECONDS
            if not self._down:
                self._down = True
                logger.error("Redis is unreachable, doing without it: %s", error)

    def succeeded(self):
        if self._down:
            with self._lock:
                if self._down:
                    self._down = False
                    logger.warning("Redis answers again")

    def reset(self):
        """Forget any failure (for tests)."""
        with self._lock:
            self._down = False
            self._retry_at = 0.0


breaker = Breaker()


def call(function, *args, fallback, **kwargs):
    """function(*args, **kwargs), or fallback(*args, **kwargs) while Redis is unreachable."""
    if not breaker.allows():
        return fallback(*args, **kwargs)
    try:
        result = function(*args, **kwargs)
    except UNREACHABLE as error:
        breaker.failed(error)
        return fallback(*args, **kwargs)
    breaker.succeeded()
    return result
