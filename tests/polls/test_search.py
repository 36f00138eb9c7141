"""The portal-wide search finds polls by their question or choices, without diacritics."""

import pytest
from django.urls import reverse

from polls.search import search_polls

from .factories import make_poll

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")


def test_a_poll_is_found_and_labelled_as_a_poll(client, poll):
    html = client.get(SEARCH, {"q": "thu tuc hanh chinh"}).content.decode()
    found = html.split('class="search-others"', 1)[1]
    assert f'href="{poll.get_absolute_url()}"' in found
    assert '<span class="card__kind">Thăm dò ý kiến</span>' in found


def test_choices_count_and_hidden_or_other_sites_polls_do_not(poll, first_site, other_site):
    make_poll("Bản nháp về thủ tục?", is_published=False)
    make_poll("Thủ tục của xã khác?", site=other_site)
    found = search_polls(first_site, "thu tuc", 10)
    assert [result.title for result in found] == [poll.question]
    assert [r.title for r in search_polls(first_site, "chua hai long", 10)] == [poll.question]
    assert search_polls(first_site, "khong co", 10) == []
