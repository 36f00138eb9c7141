"""Opinions sent at once on a target of another kind than articles: its row is locked the same
way, so the duplicate rule holds (needs PostgreSQL's concurrent transactions)."""

import pytest
from django.test import Client

from comments.models import Comment
from tests.comments.test_concurrency import new_code, on_postgresql
from tests.comments.test_targets import make_page, post_url, switches  # noqa: F401 (a fixture)
from tests.concurrency import run_pool
from tests.tenancy.conftest import first_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@on_postgresql
def test_the_same_opinion_sent_at_once_from_many_addresses_is_kept_once(switches, first_site):  # noqa: F811
    page = make_page(first_site)
    forms = [
        {"name": "An", "email": f"an{n}@example.vn", "text": "Tán thành dự thảo", **new_code()}
        for n in range(8)
    ]

    def send(n):
        client = Client(REMOTE_ADDR=f"203.0.113.{n + 1}")
        return client.post(post_url(page), forms[n]).status_code

    statuses = run_pool(send, 8, workers=8)
    assert sorted(statuses) == [302] + [400] * 7
    assert Comment.objects.for_target(page).count() == 1
