"""Redis stopped and started again under load: pages never fail, counts end up in the database."""

import itertools
import threading
import time
import urllib.error
import urllib.request

import pytest

from portal import counters
from portal.redis_breaker import breaker
from tests.factories import make_article

from .redis_outage import RedisServer, use_redis

THREADS = 4
BROWSER = "Mozilla/5.0 (Android 14) Chrome/126.0"


class Readers:
    """Threads reading one page until stopped; every status they got, and how many were 200."""

    def __init__(self, url):
        self.url = url
        self.statuses = []
        self.lock = threading.Lock()
        self.readers = itertools.count()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.read) for _ in range(THREADS)]

    def read(self):
        while not self.stopping.is_set():
            try:
                with urllib.request.urlopen(self.request(), timeout=10) as response:  # noqa: S310
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            with self.lock:
                self.statuses.append(status)

    def request(self):
        """Each request from another reader: one reader's views racing each other may find
        the mark of a later one and count once, rightly."""
        agent = f"{BROWSER} Reader/{next(self.readers)}"
        return urllib.request.Request(self.url, headers={"User-Agent": agent})  # noqa: S310

    def served(self):
        with self.lock:
            return sum(status == 200 for status in self.statuses)

    def run_for(self, seconds):
        time.sleep(seconds)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()


@pytest.fixture
def server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def test_pages_and_counts_survive_a_redis_restart(server, settings, live_server):
    settings.PORTAL_VIEW_DEDUP_SECONDS = 0
    settings.PORTAL_COUNTER_FLUSH_SECONDS = 3600
    settings.PORTAL_REDIS_RETRY_SECONDS = 1
    use_redis(settings, server.url, timeout=0.5)
    article = make_article(title="Thông báo thu phí vệ sinh")
    with Readers(live_server.url + article.get_absolute_url()) as readers:
        readers.run_for(1)
        flushed_at = readers.served()
        counters.flush()  # what the periodic flush does; counts after it wait in Redis
        server.stop()
        lost_at_most = readers.served() - flushed_at + THREADS
        readers.run_for(1.5)
        assert breaker.down
        during_outage = readers.served()
        server.start()
        readers.run_for(2)
        assert not breaker.down
        assert readers.served() > during_outage
    counters.flush()
    assert set(readers.statuses) == {200}
    article.refresh_from_db()
    served = readers.served()
    assert served - lost_at_most <= article.view_count <= served
