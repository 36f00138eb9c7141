"""make bench-sites: does serving 200 sites cost more than serving one?

Seeds (once) 200 sites on ward-001.bench.test... each with its own categories and articles, then,
with the harness of bench/run.py (nginx, two gunicorns, PostgreSQL, Redis, wrk, page cache on),
loads the article page and the home page first on one site, then over every site's host name.
Each reader reads one page (one site's home or article), and the one site's article run reads as
many distinct articles as the 200 sites' (the first site has that many), so only the number of
sites differs. Prints req/s and latencies, the ratios 200/1 against the 10 % target, the
workers' CPU time per request (what a request costs, whatever else the machine is doing),
the gunicorn workers' memory after each run, and checks every site's counts.

    .venv/bin/python -m bench.sites [--sites N] [--seconds S] [--smoke]
"""

import argparse
import json
import os
import secrets
import signal
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench import run

TARGET = 0.10
PAGES = ("article", "home")


@dataclass
class Target:
    host: str
    path: str
    site_id: int
    article_id: int | None = None


def host_name(n):
    return f"ward-{n:03d}.bench.test"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--categories", type=int, default=4, help="per site")
    parser.add_argument("--articles", type=int, default=50, help="per site")
    parser.add_argument(
        "--rotated",
        type=int,
        default=1,
        help="articles read per site (the one site: all of theirs)",
    )
    parser.add_argument("--seconds", type=int, default=10, help="reader traffic per run")
    parser.add_argument("--tail", type=int, default=2, help="bot traffic after it, uncounted")
    parser.add_argument("--cookies", type=int, default=2000, help="distinct readers per run")
    parser.add_argument("--workers", type=int, default=0, help="per gunicorn; 0: its default")
    parser.add_argument("--smoke", action="store_true", help="20 sites, 2 s a run")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sites, args.seconds, args.tail, args.cookies, args.workers = 20, 2, 1, 50, 2
    return args


def targets(sites, page, rotated):
    """What one run reads: each site's home page, or its `rotated` newest articles."""
    from articles.models import Article

    found = []
    for site in sites:
        host = site.primary_host
        if page == "home":
            found.append(Target(host, "/", site.pk))
            continue
        articles = Article.objects.for_site(site).published().order_by("-publish_at")[:rotated]
        found += [Target(host, a.get_absolute_url(), site.pk, a.pk) for a in articles]
    return found


def read_on_one(args):
    """The one site's runs read as many distinct articles as all the sites' runs."""
    return args.rotated * args.sites


def write_targets(path, found):
    path.write_text("".join(f"{t.host} {t.path}\n" for t in found))


def answers(result, found, run_name=""):
    """(visitor, site id, article id, answers) from wrk's "visitor@target" counts; a visitor is
    (run_name, number), each run having readers of its own."""
    records = []
    for key, answered in result.ok_by_visitor.items():
        visitor, target = key.split("@")
        target = found[int(target) - 1]
        records.append(((run_name, int(visitor)), target.site_id, target.article_id, answered))
    return records


def worker_pids(processes):
    pids = []
    for name, process in processes.running.items():
        if name.startswith("gunicorn"):
            children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text()
            pids += children.split()
    return pids


def worker_memory(processes):
    """The gunicorn workers' resident memory in MiB: (total, largest)."""
    sizes = [_rss_kib(pid) / 1024 for pid in worker_pids(processes)]
    return round(sum(sizes), 1), round(max(sizes, default=0), 1)


def worker_cpu_seconds(processes):
    """The CPU time the gunicorn workers have used (user and system): unlike throughput, what
    a request costs does not depend on what else the machine is doing."""
    ticks = 0
    for pid in worker_pids(processes):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def load_run(args, port, found, name, processes):
    """Warm the page cache with bot requests on every target, then one measured wrk run by
    readers of its own (new visitors in every run, so no run is spared recording visits)."""
    from bench import load

    cookies = run.BENCH_DIR / f"cookies-{name}.txt"
    load.write_cookies(cookies, args.cookies)
    url = f"http://127.0.0.1:{port}"
    file = run.BENCH_DIR / f"targets-{name}.txt"
    write_targets(file, found)
    # Each worker meets each site for the first time here, not in the measured run (a page
    # missing from the cache costs far more on a site the worker has not served yet).
    warm = max(3, len(found) // 10)
    load.run_wrk(url, "/", cookies, 0, warm, run.BENCH_DIR / f"warm-{name}.txt", targets=file)
    out = run.BENCH_DIR / f"wrk-sites-{name}.txt"
    cpu = worker_cpu_seconds(processes)
    result = load.run_wrk(url, "/", cookies, args.seconds, args.tail, out, targets=file)
    used = worker_cpu_seconds(processes) - cpu
    result.cpu_ms = round(1000 * used / result.requests, 2) if result.requests else 0.0
    return result


def measure(args, env, sites, port, processes):
    """{(page, number of sites): (Result, worker memory, targets)}, one site's run first.
    Each reader reads one target: one of the one site's articles, or one site's article."""
    from bench import servers

    if args.workers:
        env = {**env, "GUNICORN_WORKERS": str(args.workers)}
    run.start_servers(processes, env, port, [servers.free_port(), servers.free_port()])
    results = {}
    for page in PAGES:  # a page's two runs one after the other: the machine's load drifts
        for group in (sites[:1], sites):
            found = targets(group, page, read_on_one(args) if len(group) == 1 else args.rotated)
            result = load_run(args, port, found, f"{page}-{len(group)}", processes)
            results[page, len(group)] = (result, worker_memory(processes), found)
            print(f"  {page} on {len(group)} site(s): {result.rate:.0f} req/s", flush=True)
    processes.stop_all()
    return results


def comparison(results, many):
    """The table's lines and whether every ratio is within the target."""
    lines = [f"{'page':<9}{'sites':>6}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"]
    lines[0] += f"{'workers MiB':>13}{'largest':>9}{'CPU ms/req':>12}"
    within = True
    for page in PAGES:
        for sites in (1, many):
            r, (total, largest), _found = results[page, sites]
            lines.append(
                f"{page:<9}{sites:>6}{r.rate:>8.0f}{r.p50_ms:>8.1f}{r.p95_ms:>8.1f}"
                f"{r.p99_ms:>8.1f}{total:>13.1f}{largest:>9.1f}{r.cpu_ms:>12.2f}"
            )
        one, all_ = results[page, 1][0], results[page, many][0]
        rate, p99 = all_.rate / (one.rate or 1), all_.p99_ms / (one.p99_ms or 1)
        ok = abs(rate - 1) <= TARGET and p99 <= 1 + TARGET
        within &= ok
        verdict = "within" if ok else "NOT within"
        cpu = all_.cpu_ms / (one.cpu_ms or 1)
        lines.append(
            f"{page} {many}/1: req/s {rate:.2f}, p99 {p99:.2f}: {verdict} 10 %;"
            f" CPU per request {cpu:.2f}"
        )
    return lines, within


def check_counts(results, before, after, site_ids, article_ids):
    from bench import counts

    records = [
        record
        for name, (result, _memory, found) in results.items()
        for record in answers(result, found, name)
    ]
    wanted = counts.site_expected(records, site_ids, article_ids)
    problems = [
        f"{page} on {sites}: {problem}"
        for (page, sites), (result, *_rest) in results.items()
        for problem in result.problems()
    ]
    for name, values in counts.differences(before, after, wanted).items():
        problems.append(f"{name}: expected {values['expected']}, counted {values['counted']}")
    return wanted, problems


def report(args, results, counted, started):
    wanted, problems = counted
    lines, within = comparison(results, args.sites)
    print("\n".join(lines))
    print(
        "counts exact on every site"
        if not problems
        else "COUNTS NOT EXACT:\n  " + "\n  ".join(problems)
    )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = run.BENCH_DIR / f"sites-{'smoke-' if args.smoke else ''}{stamp}.json"
    figures = {
        "settings": vars(args),
        "seconds_total": round(time.monotonic() - started, 1),
        "runs": {
            f"{page} on {sites}": {
                "requests_per_second": round(r.rate, 1),
                "p50_ms": r.p50_ms,
                "p95_ms": r.p95_ms,
                "p99_ms": r.p99_ms,
                "workers_rss_mib": memory[0],
                "largest_worker_rss_mib": memory[1],
                "worker_cpu_ms_per_request": r.cpu_ms,
                "targets": len(found),
            }
            for (page, sites), (r, memory, found) in results.items()
        },
        "comparison": lines,
        "within_target": within,
        "counts_expected": wanted,
        "problems": problems,
    }
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(f"Figures written to {out} ({figures['seconds_total']} s in all)")
    return not problems


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.monotonic()
    run.DATABASE = os.environ.get("BENCH_DATABASE", "portal_bench_sites")
    run.BENCH_DIR.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(run.ROOT))
    run.ensure_tools()
    from bench import servers

    port = servers.free_port()
    env = run.environment(secrets.token_urlsafe(50), port)
    env["DJANGO_ALLOWED_HOSTS"] = os.environ["DJANGO_ALLOWED_HOSTS"] = ".bench.test,127.0.0.1"
    run.ensure_database()
    hosts = [host_name(n) for n in range(1, args.sites + 1)]
    seeded = []

    def seeder():
        from bench import seed

        sites, fresh = seed.seed_sites(hosts, args.categories, args.articles, read_on_one(args))
        seeded.extend(sites)
        return fresh and f"{len(sites)} sites of {args.articles} articles"

    run.prepare(args, seeder)
    import redis

    from bench import counts

    run.wait_for_the_day(4 * (args.seconds + args.tail + 30) + 120)
    site_ids = [site.pk for site in seeded]
    article_ids = [t.article_id for t in targets(seeded, "article", args.rotated)]
    article_ids += [t.article_id for t in targets(seeded[:1], "article", read_on_one(args))]
    article_ids = list(dict.fromkeys(article_ids))
    run.flush_counters()
    redis.Redis.from_url(run.REDIS_URL).flushdb()
    before = counts.site_snapshot(site_ids, article_ids)
    processes = servers.Processes(run.BENCH_DIR)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda *_: sys.exit(f"Stopped by signal; servers {processes.pids()}"))
    try:
        results = measure(args, env, seeded, port, processes)
    finally:
        processes.stop_all()
    run.flush_counters()
    after = counts.site_snapshot(site_ids, article_ids)
    counted = check_counts(results, before, after, site_ids, article_ids)
    return 0 if report(args, results, counted, started) else 1


if __name__ == "__main__":
    sys.exit(main())
