"""make bench-growth: does a page cost more on a site with 100 times more articles?

Seeds (once) a site of 1,000 and one of 100,000 articles, then times in-process, with the page
cache off so the views and their queries do the work every time, the home page, a category
page deep in its pagination and a search. Prints the median and p95 per site and their ratio;
the target is a ratio within 1.2.

    .venv/bin/python -m bench.growth [--requests N]
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime

from bench import run

SITES = [("portal_bench_1k", 1_000), ("portal_bench", 100_000)]
TARGET = 1.2


def measure(requests):
    """In a process whose settings point at one bench database: {scenario: [ms, ...]}."""
    from django.test import Client

    from articles.models import Article, Category

    category = Category.objects.filter(parent=None).order_by("pk").first()
    pages = -(-Article.objects.published().in_category_tree(category).count() // 10)
    paths = {
        "home": "/",
        "category": f"{category.get_absolute_url()}?page={max(1, pages * 9 // 10)}",
        "search": f"/tim-kiem/?q={run.SEARCH_PHRASE.replace(' ', '+')}",
    }
    client = Client(HTTP_USER_AGENT=run.BOT_AGENT, HTTP_HOST="127.0.0.1")
    timings = {}
    for name, path in paths.items():
        for _ in range(3):
            client.get(path)
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path} answered {response.status_code}")
        timings[name] = samples
    return timings


def summary(samples):
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 1),
    }


def site_timings(database, articles, requests):
    env = {**os.environ, "BENCH_DATABASE": database, "PORTAL_PAGE_CACHE_SECONDS": "0"}
    command = [sys.executable, "-m", "bench.growth", "--site", str(articles)]
    command += ["--requests", str(requests)]
    finished = subprocess.run(  # noqa: S603
        command, env=env, cwd=run.ROOT, check=True, capture_output=True, text=True
    )
    return json.loads(finished.stdout.splitlines()[-1])


def one_site(articles, requests):
    """The child process: seed if needed, then time the pages; JSON on the last line."""
    import secrets

    args = run.parse_args(["--articles", str(articles)])
    run.environment(secrets.token_urlsafe(50), 0)
    run.ensure_database()
    sys.stdout = io.StringIO()  # what seeding prints must not spoil the JSON line
    run.prepare(args)
    from django.conf import settings

    if settings.PORTAL_PAGE_CACHE_SECONDS:
        raise RuntimeError("the page cache must be off while timing the views")
    timings = {name: summary(samples) for name, samples in measure(requests).items()}
    sys.stdout = sys.__stdout__
    print(json.dumps(timings))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--site", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    sys.path.insert(0, str(run.ROOT))
    if args.site:
        return one_site(args.site, args.requests)
    results = {articles: site_timings(db, articles, args.requests) for db, articles in SITES}
    small, large = (results[articles] for _db, articles in SITES)
    print(
        f"{'page':<10}{'1k median':>11}{'100k median':>13}{'ratio':>8}{'1k p95':>9}{'100k p95':>10}"
    )
    worst = 0.0
    for name in small:
        ratio = large[name]["median_ms"] / small[name]["median_ms"]
        worst = max(worst, ratio)
        print(
            f"{name:<10}{small[name]['median_ms']:>11.1f}{large[name]['median_ms']:>13.1f}"
            f"{ratio:>8.2f}{small[name]['p95_ms']:>9.1f}{large[name]['p95_ms']:>10.1f}"
        )
    verdict = "within" if worst <= TARGET else "NOT within"
    print(f"worst ratio {worst:.2f}: {verdict} the target of {TARGET}")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = run.BENCH_DIR / f"growth-{stamp}.json"
    out.write_text(json.dumps({"sites": results, "worst_ratio": round(worst, 3)}, indent=2))
    print(f"Figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
