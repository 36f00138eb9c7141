import os
import uuid
from datetime import datetime

import pytest
import redis
from django.utils import timezone

LOCAL_REDIS = "redis://127.0.0.1:6379/10"
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
    """Count on `backend`, at `clock`'s time."""
    from portal import counters
    from stats import counting

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


def visitor_cookie(visitor_id, secret_key=None):
    """The signed "pv" cookie value portal.visitors gives a reader (with another SECRET_KEY for
    a server started with it)."""
    from django.http import HttpResponse
    from django.test import override_settings

    from portal.visitors import COOKIE_SALT, VISITOR_COOKIE

    response = HttpResponse()
    with override_settings(**({"SECRET_KEY": secret_key} if secret_key else {})):
        response.set_signed_cookie(VISITOR_COOKIE, visitor_id, salt=COOKIE_SALT)
    return response.cookies[VISITOR_COOKIE].value


OTHER_HOST = "ninhhai.example.gov.vn"


def other_site():
    """A second site, answering on OTHER_HOST."""
    from tenancy.services import add_site

    return add_site(OTHER_HOST, "Cổng thông tin điện tử xã Ninh Hải")[0]
