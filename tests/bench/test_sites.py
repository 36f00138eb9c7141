"""make bench-sites' own logic: seeding many sites, the targets wrk rotates over, the counts
expected per site. The load itself runs with `make bench-sites-smoke`."""

import pytest

from articles.models import Article, Category
from bench.counts import site_expected
from bench.load import parse
from bench.seed import seed_sites
from bench.sites import answers, host_name, targets, write_targets

pytestmark = pytest.mark.django_db

HOSTS = [host_name(n) for n in (1, 2, 3)]


@pytest.fixture
def sites():
    made, fresh = seed_sites(HOSTS, categories=2, articles=4, first_articles=6)
    assert fresh
    return made


def test_each_site_gets_its_own_categories_and_articles(sites):
    assert [site.primary_host for site in sites] == [
        "ward-001.bench.test",
        "ward-002.bench.test",
        "ward-003.bench.test",
    ]
    for site, size in zip(sites, (6, 4, 4), strict=True):
        assert Category.objects.filter(site=site).count() == 2
        articles = Article.objects.for_site(site).published()
        assert articles.count() == size
        assert set(articles.values_list("category__site", flat=True)) == {site.pk}
        assert articles.filter(is_featured=True).exists()
    assert seed_sites(HOSTS, categories=2, articles=4, first_articles=6) == (sites, False)
    assert Article.objects.filter(site__in=sites).count() == 14


def test_an_article_answers_on_its_own_host_only(client, sites):
    article = Article.objects.for_site(sites[1]).published().first()
    assert client.get("/", headers={"host": HOSTS[1]}).status_code == 200
    assert client.get(article.get_absolute_url(), headers={"host": HOSTS[1]}).status_code == 200
    assert client.get(article.get_absolute_url(), headers={"host": HOSTS[0]}).status_code == 404


def test_targets_cover_every_host_and_its_newest_articles(sites, tmp_path):
    home = targets(sites, "home", 2)
    assert [(t.host, t.path, t.site_id) for t in home] == [
        (h, "/", s.pk) for h, s in zip(HOSTS, sites, strict=True)
    ]
    read = targets(sites, "article", 2)
    assert [t.host for t in read] == [h for h in HOSTS for _ in range(2)]
    for target in read:
        article = Article.objects.get(pk=target.article_id)
        assert (article.site_id, article.get_absolute_url()) == (target.site_id, target.path)
    assert len(targets(sites[:1], "article", 6)) == 6
    file = tmp_path / "targets.txt"
    write_targets(file, read)
    assert file.read_text().splitlines()[2] == f"{HOSTS[1]} {read[2].path}"


def test_each_sites_counts_follow_the_answers_for_its_hosts(sites):
    read = targets(sites, "article", 2)
    output = "requests 9\nduration_us 1000000\nsent 9\nanswered 9\nfailed 0\nerrors 0\n"
    output += "p50_us 1\np95_us 1\np99_us 1\n"
    # Targets 1 and 2 are site 1's articles, 3 and 4 site 2's: visitor 1 reads target 1 twice
    # and target 3 once, visitor 2 target 2 once and target 3 five times.
    output += "visitor 1@1 2\nvisitor 1@3 1\nvisitor 2@2 1\nvisitor 2@3 5\n"
    result = parse(output)
    records = answers(result, read)
    site_ids = [s.pk for s in sites]
    article_ids = [t.article_id for t in read]
    one, two, three = site_ids
    assert site_expected(records, site_ids, article_ids) == {
        f"site {one} page_views": 3,
        f"site {one} visits": 2,
        f"site {two} page_views": 6,
        f"site {two} visits": 2,
        f"site {three} page_views": 0,
        f"site {three} visits": 0,
        f"views of article {read[0].article_id}": 1,
        f"views of article {read[1].article_id}": 1,
        f"views of article {read[2].article_id}": 2,
        f"views of article {read[3].article_id}": 0,
        f"views of article {read[4].article_id}": 0,
        f"views of article {read[5].article_id}": 0,
    }


def fake_result(rate, p99, cpu_ms):
    from bench.load import Result

    result = Result(int(rate * 10), 10.0, 1.0, 2.0, p99, 0, 0, 0, 0)
    result.cpu_ms = cpu_ms
    return result


def test_the_comparison_gives_throughput_latency_and_cpu_per_request_ratios():
    from bench.sites import comparison

    results = {
        ("article", 1): (fake_result(600, 50, 3.0), (800.0, 80.0), []),
        ("article", 200): (fake_result(570, 54, 3.15), (810.0, 81.0), []),
        ("home", 1): (fake_result(600, 50, 3.0), (800.0, 80.0), []),
        ("home", 200): (fake_result(400, 90, 3.0), (810.0, 81.0), []),
    }
    lines, within = comparison(results, 200)
    assert not within
    assert "article 200/1: req/s 0.95, p99 1.08: within 10 %; CPU per request 1.05" in lines
    assert "home 200/1: req/s 0.67, p99 1.80: NOT within 10 %; CPU per request 1.00" in lines


def test_workers_cpu_time_is_read_from_proc():
    """A child of this process that has used 0.3 s of CPU is seen to have used it."""
    import os
    import subprocess
    import sys

    from bench.sites import worker_cpu_seconds

    busy = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\n"
    worker = subprocess.Popen([sys.executable, "-c", busy + "print(1, flush=True)\ntime.sleep(30)"],
                              stdout=subprocess.PIPE)  # fmt: skip
    try:
        worker.stdout.readline()

        class Running:
            pid = os.getpid()

        class Processes:
            running = {"gunicorn-1": Running()}

        used = worker_cpu_seconds(Processes())
        assert 0.29 <= used < 5  # clock ticks of 10 ms
    finally:
        worker.kill()
        worker.wait()
