import os
import uuid
from datetime import datetime

import pytest
import redis
from django.utils import timezone

from portal import counters
from stats import counting

LOCAL_REDIS = "redis://127.0.0.1:6379/10"
MIDDLEWARE = "stats.middleware.VisitStatisticsMiddleware"
BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
COCCOCBOT = "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)"


class Clock:
    """The statistics' clock, set to a local (Asia/Ho_Chi_Minh) time and moved by hand."""

    def __init__(self, *local):
        self.now = timezone.make_aware(datetime(*local)).timestamp()

    def __call__(self):
        return self.now

    def advance(self, minutes=0, seconds=0):
        self.now += minutes * 60 + seconds


def use_statistics(settings, monkeypatch, backend, clock):
    """Count with the middleware where the README puts it, on `backend`, at `clock`'s time."""
    middleware = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]
    at = middleware.index("portal.visitors.VisitorCookieMiddleware") + 1
    settings.MIDDLEWARE = [*middleware[:at], MIDDLEWARE, *middleware[at:]]
    settings.PORTAL_COUNTER_FLUSH_SECONDS = 3600
    monkeypatch.setattr(counting, "clock", clock)
    if backend == "memory":
        settings.REDIS_URL = ""
        counters.reset()
        return None
    settings.REDIS_URL = os.environ.get("REDIS_URL") or LOCAL_REDIS
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "KEY_PREFIX": f"test-stats-{uuid.uuid4().hex}"}
    }
    counters.reset()
    buffer = counters.get_buffer()
    try:
        buffer._redis.ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            raise
        pytest.skip("no Redis at 127.0.0.1:6379")
    return buffer


def drop_redis_keys(buffer):
    if buffer is not None:
        keys = buffer._redis.keys(f"{buffer.key}*")
        if keys:
            buffer._redis.delete(*keys)
