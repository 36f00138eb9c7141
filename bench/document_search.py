"""How long one new search of the documents' list takes, alone: in-process on the bench
database that `make bench` seeded (100,000 documents), with the page cache off, so every search
makes the whole page. Prints p50, p95 and p99 of searches for a number typed without diacritics
and of searches for two words.

    .venv/bin/python -m bench.document_search [--requests N]
"""

import argparse
import os
import random
import sys
import time

from bench import run

WORDS = ["phu", "van", "ke", "hoach", "dat", "dai", "ho", "tich", "chuyen", "doi", "so", "an"]


def timings(client, queries):
    found = []
    for query in queries:
        started = time.perf_counter()
        response = client.get("/van-ban/", {"q": query})
        found.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"/van-ban/?q={query} answered {response.status_code}")
    return sorted(found)


def percentile(values, share):
    return values[min(len(values) - 1, int(len(values) * share))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DATABASE_URL=f"{run.PG_SERVER}/{run.DATABASE}",
        PORTAL_PAGE_CACHE_SECONDS="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
    )
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_USER_AGENT=run.BOT_AGENT, HTTP_HOST="127.0.0.1")
    client.get("/van-ban/", {"q": "1 qd ubnd"})
    rng = random.Random(7)  # noqa: S311 - benchmark queries
    kinds = {
        "number": [f"{rng.randint(1, 100_000)} qd ubnd" for _ in range(args.requests)],
        "words": [" ".join(rng.sample(WORDS, 2)) for _ in range(args.requests)],
    }
    for kind, queries in kinds.items():
        ms = timings(client, queries)
        print(
            f"{kind:<7} p50 {percentile(ms, 0.5):.1f} ms  p95 {percentile(ms, 0.95):.1f} ms  "
            f"p99 {percentile(ms, 0.99):.1f} ms  ({len(ms)} searches)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
