"""Concurrent votes on PostgreSQL: counts stay exact, one reader counts once, the cap holds."""

import pytest
from django.db import connection
from django.test import Client

from polls.models import Vote
from tests.concurrency import run_pool

from .conftest import JSON, counts, ids, reader, visit, vote_url
from .factories import make_poll

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions"),
    pytest.mark.django_db(transaction=True),
]


def test_150_concurrent_voters_give_exact_counts(settings):
    settings.PORTAL_POLL_VOTES_PER_ADDRESS = 1000
    poll = make_poll("Nhiều người cùng trả lời?", texts=["A", "B", "C"], several_answers=True)
    choices = ids(poll, 0, 1, 2)

    def vote(n):
        client = Client(REMOTE_ADDR=f"198.51.{n // 250}.{n % 250}", HTTP_USER_AGENT=f"B{n}")
        picked = [choices[n % 3]] if n % 2 else [choices[n % 3], choices[(n + 1) % 3]]
        return client.post(vote_url(poll), {"choice": picked}, **JSON).status_code

    assert run_pool(vote, 150) == [200] * 150
    expected = [0, 0, 0]
    for n in range(150):
        expected[n % 3] += 1
        if n % 2 == 0:
            expected[(n + 1) % 3] += 1
    assert counts(poll) == (150, expected)
    assert Vote.objects.count() == 150


def test_one_reader_racing_20_posts_counts_once():
    poll = make_poll("Bấm liên tục?")
    cookies = visit(reader(), poll).cookies

    def vote(n):
        racer = reader()
        racer.cookies = cookies
        return racer.post(vote_url(poll), {"choice": ids(poll, n % 3)}, **JSON).status_code

    statuses = run_pool(vote, 20, workers=20)
    assert sorted(statuses) == [200] + [409] * 19
    total, per_choice = counts(poll)
    assert total == 1 and sum(per_choice) == 1


def test_the_per_address_cap_holds_under_a_burst(settings):
    settings.PORTAL_POLL_VOTES_PER_ADDRESS = 5
    poll = make_poll("Cùng một mạng?")

    def vote(n):
        browser = reader(HTTP_USER_AGENT=f"Private window {n}")
        return browser.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON).status_code

    statuses = run_pool(vote, 24, workers=24)
    assert sorted(statuses) == [200] * 5 + [429] * 19
    assert counts(poll) == (5, [5, 0, 0])
