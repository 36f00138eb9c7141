"""Reliability: gunicorn, as gunicorn.conf.py configures it, counts every request exactly, and a
SIGTERM loses nothing (each worker flushes its buffer as it exits). With Redis (when REDIS_URL is
set, as in CI's PostgreSQL + Redis run) that is several worker processes; without Redis one
process with threads, since visit marks then live in the process's memory."""

import http.client
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.stats import BROWSER, COCCOCBOT, GOOGLEBOT, visitor_cookie

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
SECRET = "gunicorn-test-secret-key-" + "x" * 40
READERS, PAGES, BOT_PAGES = 6, 5, 7

backends = ["memory", *(["redis"] if os.environ.get("REDIS_URL") else [])]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(tmp_path, backend):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PORTAL_", "DJANGO_"))}
    env.pop("REDIS_URL", None)
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_VAR_DIR=str(tmp_path),
        PORTAL_COUNTER_FLUSH_SECONDS="3600",  # only the exit flush may write
        DJANGO_SETTINGS_MODULE="portal.settings",
        PYTHONPATH=str(ROOT),
    )
    if backend == "redis":
        env.update(REDIS_URL=os.environ["REDIS_URL"], DJANGO_CACHE_PREFIX=uuid.uuid4().hex)
    return env


def get(port, path, agent, cookie=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"User-Agent": agent, **({"Cookie": f"pv={cookie}"} if cookie else {})}
    connection.request("GET", path, headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def server_header(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.request("GET", "/healthz")
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.getheader("Server")


def wait_until_up(port, server):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode()
        try:
            if get(port, "/healthz", "probe") == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not start")


def traffic():
    """Each reader (its own cookie and browser) opens PAGES pages; two bots crawl."""
    requests = []
    for n in range(READERS):
        cookie = visitor_cookie(f"gunicorn-reader-{n}", secret_key=SECRET)
        requests += [("/", f"{BROWSER} reader/{n}", cookie)] * PAGES
        requests += [("/static/portal/css/site.css", f"{BROWSER} reader/{n}", cookie)]
    requests += [("/", GOOGLEBOT, None), ("/", COCCOCBOT, None)] * BOT_PAGES
    return requests


@pytest.mark.skipif(
    not GUNICORN.exists() and not os.environ.get("CI"), reason="gunicorn is not installed"
)
@pytest.mark.parametrize("backend", backends)
def test_gunicorn_counts_every_request_and_loses_nothing_on_sigterm(tmp_path, backend):
    env = server_env(tmp_path, backend)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput"], env=env, cwd=ROOT, check=True, timeout=120,
                   capture_output=True)  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [str(GUNICORN), "portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_until_up(port, server)
        assert server_header(port) is None  # gunicorn.conf.py: no "Server: gunicorn"
        with ThreadPoolExecutor(max_workers=4) as pool:
            statuses = list(pool.map(lambda r: get(port, *r), traffic()))
        assert set(statuses) == {200}
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()

    with sqlite3.connect(tmp_path / "site.sqlite3") as db:
        days = db.execute(
            "SELECT SUM(visits), SUM(page_views), SUM(unique_visitors), SUM(bot_hits) "
            "FROM stats_dailyvisits"
        ).fetchone()
        bots = dict(db.execute("SELECT value, SUM(count) FROM stats_dailybreakdown "
                               "WHERE dimension = 'bot' GROUP BY value").fetchall())  # fmt: skip
        hours = db.execute("SELECT SUM(page_views), SUM(bot_hits) FROM stats_hourlyvisits")
        hourly = hours.fetchone()
    assert days == (READERS, READERS * PAGES, READERS, 2 * BOT_PAGES)
    assert bots == {"Googlebot": BOT_PAGES, "coccocbot-web": BOT_PAGES}
    assert hourly == (READERS * PAGES, 2 * BOT_PAGES)
