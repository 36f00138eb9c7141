import pytest
from django.test import Client

from tests.tenancy.conftest import OTHER_HOST, first_site, other_site  # noqa: F401 (fixtures)

from .factories import make_poll

JSON = {"HTTP_ACCEPT": "application/json"}


def reader(address="203.0.113.7", **headers):
    """A reader's browser; `visit` gives it the visitor cookie, as any page does."""
    headers.setdefault("HTTP_USER_AGENT", "Mozilla/5.0 (Android 14)")
    return Client(REMOTE_ADDR=address, **headers)


def visit(client, poll):
    assert client.get(poll.get_absolute_url()).status_code == 200
    return client


def vote_url(poll):
    return f"{poll.get_absolute_url()}binh-chon/"


def state_url(poll):
    return f"{poll.get_absolute_url()}cua-ban/"


def counts(poll):
    poll.refresh_from_db()
    return poll.vote_count, [choice.vote_count for choice in poll.choices.all()]


def ids(poll, *positions):
    choices = list(poll.choices.all())
    return [str(choices[n].pk) for n in positions]


@pytest.fixture
def poll(db):
    return make_poll()


@pytest.fixture
def other_host_poll(other_site):  # noqa: F811
    return make_poll("Câu hỏi của xã Ninh Hải?", site=other_site, texts=["Có", "Không"])


__all__ = ["JSON", "OTHER_HOST", "counts", "ids", "reader", "state_url", "visit", "vote_url"]
