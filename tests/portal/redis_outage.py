"""Helpers for the tests of a site whose Redis is away: a closed port, a silent one, a server."""

import shutil
import socket
import subprocess
import time

import pytest
import redis

from portal import counters
from portal.redis_breaker import breaker


def free_port():
    """A port nothing listens on (bound then released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_redis(settings, url, timeout=None):
    settings.REDIS_URL = url
    options = {"socket_connect_timeout": timeout, "socket_timeout": timeout} if timeout else {}
    settings.REDIS_OPTIONS = options
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.PortalRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "test-outage",
            "OPTIONS": options,
        }
    }
    counters.reset()
    breaker.reset()


class RedisServer:
    """A redis-server of the test's own, keeping nothing on disk, that can stop and start."""

    def __init__(self):
        self.executable = shutil.which("redis-server")
        if self.executable is None:
            pytest.skip("no redis-server")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.executable, "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
