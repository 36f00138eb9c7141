"""make bench / make bench-smoke: seed, start nginx + two gunicorns, load them with wrk, stop
everything, check that the counters hold exactly what was sent, print and save the figures.

    .venv/bin/python -m bench.run [--articles N] [--categories N] [--seconds S] [--smoke]
"""

import argparse
import io
import json
import math
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
DATABASE = os.environ.get("BENCH_DATABASE", "portal_bench")
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
SEARCH_PHRASE = "chinh trang do thi"
CONNECTIONS = 16
BOT_AGENT = "Mozilla/5.0 (compatible; Benchbot/1.0)"


@dataclass
class Scenario:
    name: str
    path: str
    counted: bool = False
    article_id: int | None = None
    statistics: bool = True


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--categories", type=int, default=200)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10, help="reader traffic per scenario")
    parser.add_argument("--tail", type=int, default=2, help="bot traffic after it, uncounted")
    parser.add_argument("--cookies", type=int, default=2000, help="distinct readers")
    parser.add_argument("--workers", type=int, default=0, help="per gunicorn; 0: its default")
    parser.add_argument("--smoke", action="store_true", help="label the results as a smoke run")
    return parser.parse_args(argv)


def environment(secret_key, port):
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"{PG_SERVER}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_VAR_DIR": str(BENCH_DIR),
        "DJANGO_STATIC_ROOT": str(BENCH_DIR / "static"),
        "DJANGO_MEDIA_ROOT": str(BENCH_DIR / "media"),
        "PORTAL_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    return dict(os.environ)


def ensure_tools():
    missing = [name for name in ("nginx", "wrk") if shutil.which(name) is None]
    if missing:
        print(f"Installing {' '.join(missing)} (Debian packages)", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True)  # noqa: S603, S607


def ensure_database():
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')


def prepare(args, seeder=None):
    """Migrate, seed (the one big site, or `seeder()`: what it seeded, or nothing) and collect
    the static files."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)
    from bench import documents, seed

    started = time.monotonic()
    if seeder is None and seed.seed(args.articles, args.categories):
        print(f"Seeded {args.articles} articles in {time.monotonic() - started:.0f} s", flush=True)
    if seeder is None and documents.seed(args.documents):
        print(f"Seeded {args.documents} documents", flush=True)
    elif seeder is not None and (seeded := seeder()):
        print(f"Seeded {seeded} in {time.monotonic() - started:.0f} s", flush=True)
    call_command("collectstatic", "--noinput", verbosity=0)
    (BENCH_DIR / "media").mkdir(parents=True, exist_ok=True)


def scenarios():
    from django.urls import reverse

    from articles.models import Article, Category
    from bench import documents

    published = Article.objects.published().order_by("pk")
    middle = published.count() // 2
    first, second = published[middle], published[middle + 1]
    category = Category.objects.filter(parent=None).order_by("pk").first()
    pages = -(-Article.objects.published().in_category_tree(category).count() // 10)
    deep = max(1, pages * 9 // 10)
    return [
        Scenario("ceiling", "/bench/ceiling"),
        Scenario("article", first.get_absolute_url(), counted=True, article_id=first.pk),
        Scenario("home", "/", counted=True),
        Scenario("category", f"{category.get_absolute_url()}?page={deep}", counted=True),
        Scenario(
            "search",
            f"{reverse('articles:search')}?q={SEARCH_PHRASE.replace(' ', '+')}",
            counted=True,
        ),
        Scenario(
            "search_uncached",
            f"{reverse('articles:search')}?q={SEARCH_PHRASE.replace(' ', '+')}&to={{day}}",
            counted=True,
        ),
        *documents.scenarios(Scenario),
        Scenario("stats_json", reverse("stats:summary")),
        Scenario(
            "article_no_stats", second.get_absolute_url(), article_id=second.pk, statistics=False
        ),
    ]


def warm_up(port, paths):
    """Bot requests (never counted as readers) so each worker has loaded what it needs;
    returns the slowest answer per path."""
    import http.client

    slowest = {}
    for path in paths:
        for _ in range(12):
            started = time.monotonic()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path, headers={"User-Agent": BOT_AGENT})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"GET {path} answered {response.status} during warm-up")
            slowest[path] = max(slowest.get(path, 0), time.monotonic() - started)
    return slowest


def start_servers(processes, env, port, app_ports):
    """A gunicorn on each of `app_ports` and, unless it runs already, nginx in front on `port`."""
    from bench import servers

    for n, app_port in enumerate(app_ports, 1):
        servers.start_gunicorn(processes, f"gunicorn-{n}", app_port, env)
    if "nginx" not in processes.running:
        servers.start_nginx(
            processes, BENCH_DIR, port, app_ports, BENCH_DIR / "static", BENCH_DIR / "media"
        )
    print(f"Running: {processes.pids()}", flush=True)


def measure(args, env, plan, port, processes):
    from bench import load, servers

    cookies = BENCH_DIR / "cookies.txt"
    load.write_cookies(cookies, args.cookies)
    results = {}
    app_ports = [servers.free_port(), servers.free_port()]
    if args.workers:
        env = {**env, "GUNICORN_WORKERS": str(args.workers)}
    for statistics in (True, False):
        settings_module = "bench.settings" if statistics else "bench.settings_nostats"
        node_env = {**env, "DJANGO_SETTINGS_MODULE": settings_module}
        start_servers(processes, node_env, port, app_ports)
        batch = [s for s in plan if s.statistics == statistics]
        slowest = warm_up(port, [s.path for s in batch])
        for scenario in batch:
            out = BENCH_DIR / f"wrk-{scenario.name}.txt"
            # No reader's request may still be in flight when wrk stops: the bot tail outlasts
            # the slowest answer under load (16 connections queued on the workers).
            tail = max(args.tail, math.ceil(slowest[scenario.path] * CONNECTIONS) + 1)
            results[scenario.name] = load.run_wrk(
                f"http://127.0.0.1:{port}", scenario.path, cookies, args.seconds, tail, out
            )
            print(f"  {scenario.name}: {results[scenario.name].rate:.0f} req/s", flush=True)
        processes.stop("gunicorn-1")
        processes.stop("gunicorn-2")
    processes.stop_all()
    return results


def table(plan, results):
    ceiling = results["ceiling"].rate or 1
    rows = [f"{'scenario':<18}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'ceiling':>9}"]
    for scenario in plan:
        r = results[scenario.name]
        rows.append(
            f"{scenario.name:<18}{r.rate:>9.0f}{r.p50_ms:>9.1f}{r.p95_ms:>9.1f}{r.p99_ms:>9.1f}"
            f"{r.rate / ceiling:>9.2f}"
        )
    overhead = 1 - results["article"].rate / (results["article_no_stats"].rate or 1)
    rows.append(f"statistics middleware overhead (article vs article_no_stats): {overhead:.1%}")
    return "\n".join(rows), overhead


def report(args, plan, results, before, after, wanted, started):
    from bench import counts

    text, overhead = table(plan, results)
    print(text)
    problems = [p for s in plan for p in (f"{s.name}: {x}" for x in results[s.name].problems())]
    diff = counts.differences(before, after, wanted)
    for name, values in diff.items():
        problems.append(f"{name}: expected {values['expected']}, counted {values['counted']}")
    print("counts exact" if not problems else "COUNTS NOT EXACT:\n  " + "\n  ".join(problems))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{'smoke' if args.smoke else 'results'}-{stamp}.json"
    figures = {
        "settings": vars(args),
        "seconds_total": round(time.monotonic() - started, 1),
        "scenarios": {
            s.name: {
                "path": s.path,
                "requests_per_second": round(results[s.name].rate, 1),
                "p50_ms": results[s.name].p50_ms,
                "p95_ms": results[s.name].p95_ms,
                "p99_ms": results[s.name].p99_ms,
                "ratio_to_ceiling": round(results[s.name].rate / results["ceiling"].rate, 3),
                "reader_requests_answered": results[s.name].answered,
            }
            for s in plan
        },
        "statistics_middleware_overhead": round(overhead, 4),
        "counts": {"expected": wanted, "before": before, "after": after},
        "counts_exact": not problems,
        "problems": problems,
    }
    (BENCH_DIR / name).write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(f"Figures written to {BENCH_DIR / name} ({figures['seconds_total']} s in all)")
    return not problems


def wait_for_the_day(seconds_needed):
    """Visits are counted per local day (TIME_ZONE): a run that crossed midnight would count each
    reader's visit once more and fail the counts, so it starts just after midnight instead."""
    from django.utils import timezone

    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    left = (midnight - now).total_seconds()
    if left < seconds_needed:
        print(f"Local midnight is {left:.0f} s away, within the run: waiting for it", flush=True)
        time.sleep(left + 2)


def run_seconds(args, plan):
    """A generous estimate of how long the load takes, server starts included."""
    return len(plan) * (args.seconds + args.tail + 15) + 120


def flush_counters():
    from django.core.management import call_command

    call_command("flush_counters", stdout=io.StringIO())


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.monotonic()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    ensure_tools()
    from bench import servers

    port = servers.free_port()
    env = environment(secrets.token_urlsafe(50), port)
    ensure_database()
    prepare(args)
    import redis

    from bench import counts

    plan = scenarios()
    wait_for_the_day(run_seconds(args, plan))
    article_ids = [s.article_id for s in plan if s.article_id]
    flush_counters()
    redis.Redis.from_url(REDIS_URL).flushdb()
    before = counts.snapshot(article_ids)
    processes = servers.Processes(BENCH_DIR)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda *_: sys.exit(f"Stopped by signal; servers {processes.pids()}"))
    try:
        results = measure(args, env, plan, port, processes)
    finally:
        processes.stop_all()
    flush_counters()
    after = counts.snapshot(article_ids)
    wanted = counts.expected(plan, results)
    return 0 if report(args, plan, results, before, after, wanted, started) else 1


if __name__ == "__main__":
    sys.exit(main())
