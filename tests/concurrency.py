"""Running test work on many threads at once, each with its own database connection."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connections


def run_threads(target, count):
    """Call target(0..count-1) on `count` threads started together; fail on any error."""
    errors = []
    start = threading.Barrier(count)

    def guarded(n):
        try:
            start.wait()
            target(n)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guarded, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def run_pool(work, count, workers=32):
    """Results of work(0..count-1), run `workers` at a time (PostgreSQL allows ~100 clients)."""

    def task(n):
        try:
            return work(n)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(task, range(count)))
