"""gunicorn settings, read from the working directory when gunicorn starts in the checkout.

Workers: with REDIS_URL set, everything that must be shared (cache, counters, visit marks,
"online now") lives in Redis and PostgreSQL, so the usual 2 x cores + 1 processes serve in
parallel. Without Redis those live in each process's memory, and two processes would each
start their own visit for the same reader: then one process with threads serves the site,
which keeps every count exact (SQLite allows one writer at a time anyway).

A clean stop (SIGTERM, SIGINT, SIGHUP reload, max_requests) lets each worker finish its requests
and then write what it still buffers; counters.flush_at_exit also runs at interpreter exit.
"""

import multiprocessing
import os

from gunicorn.http import wsgi

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
if os.environ.get("REDIS_URL"):
    workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
    threads = int(os.environ.get("GUNICORN_THREADS", 1))
else:
    workers = 1
    threads = int(os.environ.get("GUNICORN_THREADS", 8))
graceful_timeout = 20
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")


def without_server_header(default_headers):
    """gunicorn has no setting for its `Server: gunicorn` header: leave it out (it is optional
    in HTTP) rather than tell every client which server runs the site. nginx hides it too."""

    def headers(response):
        return [line for line in default_headers(response) if not line.startswith("Server:")]

    return headers


wsgi.Response.default_headers = without_server_header(wsgi.Response.default_headers)


def worker_exit(server, worker):
    from portal import counters

    counters.flush_at_exit()
