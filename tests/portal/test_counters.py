import os
import threading
import uuid
from collections import Counter

import pytest
import redis
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.db import DatabaseError, connection

from articles.models import Article
from portal import counters
from tests import concurrency
from tests.factories import make_article

LOCAL_REDIS = "redis://127.0.0.1:6379/0"
THREADS = 16
PER_THREAD = 200

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)


def redis_url(settings):
    return settings.REDIS_URL or LOCAL_REDIS


@pytest.fixture
def redis_buffer(settings):
    buffer = counters.RedisBuffer(3600, redis_url(settings), f"test-counters:{uuid.uuid4().hex}")
    try:
        buffer._redis.ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            raise
        pytest.skip("no Redis at 127.0.0.1:6379")
    yield buffer
    leftovers = buffer._redis.keys(f"{buffer.key}*")
    if leftovers:
        buffer._redis.delete(*leftovers)


@pytest.fixture(params=["memory", "redis"])
def buffer(request):
    if request.param == "memory":
        return counters.MemoryBuffer(3600)
    return request.getfixturevalue("redis_buffer")


@pytest.fixture(autouse=True)
def _fresh_module_buffer():
    counters.reset()
    yield
    counters.reset()


@pytest.fixture
def recorded(monkeypatch):
    """Flushes add to this Counter instead of the database."""
    applied = Counter()
    lock = threading.Lock()

    def record(batch_id, counts):
        with lock:
            applied.update(counts)
        return len(counts)

    monkeypatch.setattr(counters.buffer, "apply_batch", record)
    return applied


def run_threads(target, count=THREADS):
    concurrency.run_threads(target, count)


def views(article):
    article.refresh_from_db(fields=["view_count"])
    return article.view_count


@pytest.mark.django_db
def test_flush_applies_exact_totals_per_row(buffer):
    first, second = make_article(title="Một"), make_article(title="Hai", view_count=10)
    for _ in range(3):
        buffer.increment(Article, first.pk, "view_count")
    buffer.increment(Article, second.pk, "view_count", by=5)
    assert buffer.pending(Article, first.pk, "view_count") == 3
    assert views(first) == 0

    assert buffer.flush() == 2

    assert (views(first), views(second)) == (3, 15)
    assert buffer.pending(Article, first.pk, "view_count") == 0
    assert buffer.flush() == 0
    assert (views(first), views(second)) == (3, 15)


@pytest.mark.django_db
def test_flush_is_one_update_per_row(buffer, django_assert_max_num_queries):
    articles = [make_article(title=f"Bài {n}") for n in range(3)]
    for article in articles * 4:
        buffer.increment(Article, article.pk, "view_count")
    # The rows' UPDATEs, plus the batch id, its savepoint and once an hour the old ids' cleanup.
    with django_assert_max_num_queries(len(articles) + 6):
        buffer.flush()
    assert [views(article) for article in articles] == [4, 4, 4]


@pytest.mark.django_db
def test_increments_of_a_deleted_row_are_dropped(buffer):
    article = make_article()
    buffer.increment(Article, article.pk, "view_count")
    Article.objects.filter(pk=article.pk).delete()
    assert buffer.flush() == 0
    assert buffer.pending(Article, article.pk, "view_count") == 0


@pytest.mark.django_db
def test_counters_of_unknown_models_or_fields_are_dropped():
    article = make_article()
    counts = {
        "nowhere.model:view_count:1": 2,
        "articles.article:no_such_field:1": 2,
        counters.counter_key(Article, article.pk, "view_count"): 1,
    }
    assert counters.apply_counts(counts) == 1
    assert views(article) == 1


def test_increment_checks_its_arguments(buffer):
    with pytest.raises(ValueError):
        buffer.increment(Article, 1, "view_count", by=0)
    with pytest.raises(ValueError):
        buffer.increment(Article, 1, "view_count", by=True)
    with pytest.raises(FieldDoesNotExist):
        buffer.increment(Article, 1, "no_such_field")


def test_concurrent_increments_then_flush_give_the_exact_sum(buffer, recorded):
    run_threads(
        lambda n: [buffer.increment(Article, n % 4, "view_count") for _ in range(PER_THREAD)]
    )
    buffer.flush()
    assert sum(recorded.values()) == THREADS * PER_THREAD
    assert set(recorded.values()) == {THREADS * PER_THREAD // 4}


def test_concurrent_flushes_neither_lose_nor_double_apply(buffer, recorded):
    def work(n):
        for i in range(PER_THREAD):
            buffer.increment(Article, 7, "view_count")
            if i % 20 == n % 20:
                buffer.flush()

    run_threads(work)
    buffer.flush()
    assert recorded == {counters.counter_key(Article, 7, "view_count"): THREADS * PER_THREAD}


def test_failed_flush_puts_the_increments_back(buffer, monkeypatch):
    buffer.increment(Article, 3, "view_count", by=4)

    def fail(batch_id, counts):
        buffer.increment(Article, 3, "view_count")
        raise DatabaseError("database went away")

    monkeypatch.setattr(counters.buffer, "apply_batch", fail)
    with pytest.raises(DatabaseError):
        buffer.flush()
    assert buffer.pending(Article, 3, "view_count") == 5


def test_increment_during_a_flush_waits_for_the_next_one(buffer, monkeypatch):
    buffer.increment(Article, 3, "view_count", by=4)
    taken = []

    def apply_while_a_view_arrives(batch_id, counts):
        buffer.increment(Article, 3, "view_count")
        taken.append(dict(counts))
        return 1

    monkeypatch.setattr(counters.buffer, "apply_batch", apply_while_a_view_arrives)
    buffer.flush()
    assert taken == [{counters.counter_key(Article, 3, "view_count"): 4}]
    assert buffer.pending(Article, 3, "view_count") == 1


def test_redis_flush_leaves_no_batch_behind(redis_buffer, monkeypatch):
    redis_buffer.increment(Article, 3, "view_count")
    monkeypatch.setattr(counters.buffer, "apply_batch", lambda batch_id, counts: len(counts))
    redis_buffer.flush()
    assert redis_buffer._redis.keys(f"{redis_buffer.key}*") == []


def test_a_failed_redis_batch_waits_in_redis_for_the_next_flush(redis_buffer, monkeypatch):
    redis_buffer.increment(Article, 3, "view_count", by=2)
    monkeypatch.setattr(counters.buffer, "apply_batch", lambda batch_id, counts: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        redis_buffer.flush()
    assert len(redis_buffer._batch_ids()) == 1
    applied = []
    monkeypatch.setattr(
        counters.buffer, "apply_batch", lambda batch_id, counts: applied.append(counts) or 1
    )
    redis_buffer.flush()
    assert applied == [{counters.counter_key(Article, 3, "view_count"): 2}]
    assert redis_buffer._redis.keys(f"{redis_buffer.key}*") == []


def test_an_old_buffer_flushes_in_the_background(recorded):
    buffer = counters.MemoryBuffer(flush_seconds=0)
    buffer.increment(Article, 3, "view_count")
    assert buffer._thread is None
    buffer.increment(Article, 3, "view_count")
    buffer.wait()
    assert recorded == {counters.counter_key(Article, 3, "view_count"): 2}


def test_a_young_buffer_waits(recorded):
    buffer = counters.MemoryBuffer(flush_seconds=3600)
    for _ in range(5):
        buffer.increment(Article, 3, "view_count")
    buffer.wait()
    assert not recorded
    assert buffer.pending(Article, 3, "view_count") == 5


def test_the_backend_follows_redis_url(settings):
    settings.REDIS_URL = ""
    assert isinstance(counters.get_buffer(), counters.MemoryBuffer)
    settings.REDIS_URL = redis_url(settings)
    settings.PORTAL_COUNTER_FLUSH_SECONDS = 30
    buffer = counters.get_buffer()
    assert isinstance(buffer, counters.RedisBuffer)
    assert buffer.flush_seconds == 30
    assert buffer.key.endswith(":counters")


@pytest.mark.django_db
def test_flush_counters_command(capsys):
    article = make_article()
    counters.increment(Article, article.pk, "view_count", by=2)
    assert counters.pending(Article, article.pk, "view_count") == 2
    call_command("flush_counters")
    assert views(article) == 2
    assert "1 rows updated" in capsys.readouterr().out


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_many_threads_count_exactly_on_postgresql(buffer):
    articles = [make_article(title=f"Bài {n}") for n in range(3)]

    def worker(n):
        try:
            for i in range(PER_THREAD):
                buffer.increment(Article, articles[i % 3].pk, "view_count")
                if i % 25 == n % 25:
                    buffer.flush()
        finally:
            connection.close()

    run_threads(worker)
    buffer.flush()
    assert sum(views(article) for article in articles) == THREADS * PER_THREAD
    assert buffer.pending(Article, articles[0].pk, "view_count") == 0


@pytest.mark.django_db
def test_exit_flushes_what_is_pending():
    article = make_article()
    counters.increment(Article, article.pk, "view_count", by=3)
    counters.flush_at_exit()
    assert views(article) == 3


@pytest.mark.django_db
def test_exit_leaves_the_counts_of_another_database_alone():
    article = make_article()
    counters.increment(Article, article.pk, "view_count", by=3)
    counters.get_buffer().database = "test_database_of_a_finished_run"
    counters.flush_at_exit()
    assert views(article) == 0


@pytest.mark.parametrize(("fixed", "new_at"), [(True, [0, 11, 28]), (False, [0, 28])])
def test_marks_keep_a_fixed_window_or_slide_with_each_sighting(buffer, fixed, new_at):
    seen_new = [
        now
        for now in (0, 6, 11, 17, 28)
        if buffer.record(marks=["reader"], gap=10, fixed=fixed, now=now)
    ]
    assert seen_new == new_at


def test_a_requests_records_are_one_redis_round_trip(redis_buffer, monkeypatch):
    trips = Counter()
    for cls, name in [
        (redis.client.Pipeline, "execute"),
        (redis.client.Pipeline, "immediate_execute_command"),
        (redis.Redis, "execute_command"),
    ]:
        monkeypatch.setattr(cls, name, counted(getattr(cls, name), trips, name))
    key = counters.counter_key(Article, 1, "view_count")
    results = redis_buffer.record_many(
        [
            {"marks": ["view"], "gap": 60, "fixed": True, "counts_if_new": {key: 1}},
            {"counts": {key: 2}, "presence": ("guests", "reader", ("guests", "bots"))},
        ]
    )
    assert results == [True, True]
    assert trips == {"execute": 1}
    assert redis_buffer.pending(Article, 1, "view_count") == 3


def test_counting_goes_on_after_redis_forgets_its_scripts(redis_buffer):
    key = counters.counter_key(Article, 1, "view_count")
    assert redis_buffer.record(counts={key: 1}, marks=["a"], gap=60)
    redis_buffer._redis.script_flush()
    assert redis_buffer.record(counts={key: 1}, marks=["b"], gap=60, counts_if_new={key: 5})
    assert redis_buffer.pending(Article, 1, "view_count") == 7


def counted(method, trips, name):
    def call(*args, **kwargs):
        trips[name] += 1
        return method(*args, **kwargs)

    return call


@pytest.mark.django_db
def test_a_page_sends_its_view_and_its_statistics_together(monkeypatch):
    from django.test import Client

    from portal.counters import middleware

    sent = []
    monkeypatch.setattr(middleware, "record_many", sent.append)
    article = make_article()
    page = Client(HTTP_USER_AGENT="Mozilla/5.0 (Android 14) Chrome/126.0").get(
        article.get_absolute_url()
    )
    assert page.status_code == 200
    assert len(sent) == 1
    view, statistics = sent[0]
    assert view["counts_if_new"] == {counters.counter_key(Article, article.pk, "view_count"): 1}
    assert "page_views" in next(iter(statistics["counts"]))


@pytest.mark.django_db
def test_a_page_is_answered_when_its_counts_cannot_be_sent(monkeypatch, caplog):
    from django.test import Client

    from portal.counters import middleware

    def broken(records):
        raise redis.ConnectionError("down")

    monkeypatch.setattr(middleware, "record_many", broken)
    assert Client().get(make_article().get_absolute_url()).status_code == 200
    assert "could not be recorded" in caplog.text
