"""What readers see: the list and archive, a poll's page, the block, results per setting, and
how all of it stays right behind the page cache."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from polls.models import Poll
from polls.tally import shares

from .conftest import JSON, ids, reader, state_url, visit, vote_url
from .factories import make_poll

pytestmark = pytest.mark.django_db

ALWAYS, WHEN_CLOSED = Poll.Results.ALWAYS, Poll.Results.WHEN_CLOSED


def sidebar(html):
    return html.split('<aside class="layout__sidebar"', 1)[1].split("</aside>", 1)[0]


def close(poll):
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(seconds=1))


@pytest.mark.parametrize(
    ("counts", "expected"),
    [([1, 1, 1], [34, 33, 33]), ([2, 1], [67, 33]), ([0, 0], [0, 0]), ([1, 0, 0], [100, 0, 0])],
)
def test_whole_percentages_of_one_answer_add_up_to_100(counts, expected):
    assert shares(counts, sum(counts)) == expected


def test_percentages_add_up_to_100_for_any_counts():
    for counts in ([7, 11, 13, 17], [1] * 7, [999, 1, 1], [3, 3, 3, 3, 3, 3]):
        assert sum(shares(counts, sum(counts))) == 100


def test_the_list_shows_open_polls_and_the_archive_of_closed_ones(client):
    now = timezone.now()
    make_poll("Đang mở?")
    make_poll("Đã đóng?", opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1))
    make_poll("Sắp mở?", opens_at=now + timedelta(days=1))
    make_poll("Bản nháp?", is_published=False)
    html = client.get("/tham-do-y-kien/").content.decode()
    opened, archive = html.split("Các cuộc thăm dò đã kết thúc", 1)
    assert "Các cuộc thăm dò đang mở" in opened and "Đang mở?" in opened
    assert "Đã đóng?" in archive and "0 người tham gia" in archive
    assert "Sắp mở?" not in html and "Bản nháp?" not in html


def test_results_after_voting_are_for_those_who_voted_then_everyone_once_closed(
    poll, no_page_cache
):
    client = visit(reader(), poll)
    assert client.get(state_url(poll)).json() == {
        "voted": False, "chosen": [], "status": "open", "results": None,
    }  # fmt: skip
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "Kết quả được hiển thị sau khi bạn bình chọn." in page
    assert "poll-results" not in page
    client.post(vote_url(poll), {"choice": ids(poll, 2)}, **JSON)
    assert "100% · 1 phiếu" in client.get(state_url(poll)).json()["results"]
    stranger = reader(address="198.51.100.4")
    assert "poll-results" not in stranger.get(poll.get_absolute_url()).content.decode()
    close(poll)
    assert "100% · 1 phiếu" in stranger.get(poll.get_absolute_url()).content.decode()


def test_results_always_shown_even_before_voting(db):
    poll = make_poll("Luôn hiện kết quả?", results=ALWAYS)
    html = reader().get(poll.get_absolute_url()).content.decode()
    assert html.count("0% · 0 phiếu") == 3 and "0 người đã tham gia." in html
    assert reader().get(state_url(poll)).json()["results"]


def test_results_only_when_closed_are_hidden_even_from_voters(no_page_cache):
    poll = make_poll("Chỉ khi kết thúc?", results=WHEN_CLOSED)
    client = visit(reader(), poll)
    body = client.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON).json()
    assert body["voted"] is True and body["results"] is None
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "Kết quả sẽ được công bố khi cuộc thăm dò kết thúc." in page
    assert "poll-results__row" not in page
    close(poll)
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "100% · 1 phiếu" in page and "Cuộc thăm dò này đã kết thúc." in page


def test_a_cached_poll_page_shows_no_readers_state_and_fresh_counts(db, committed):
    poll = make_poll("Công khai kết quả?", results=ALWAYS)
    voter = visit(reader(), poll)
    with committed():
        voter.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON)
    first = reader(address="198.51.100.5").get(poll.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    again = voter.get(poll.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
    html = again.content.decode()
    assert "lựa chọn của bạn" not in html and 'class="poll__form"' in html
    assert "100% · 1 phiếu" in html
    other = visit(reader(address="198.51.100.6"), poll)
    with committed():
        other.post(vote_url(poll), {"choice": ids(poll, 1)}, **JSON)
    fresh = reader(address="198.51.100.7").get(poll.get_absolute_url())
    assert fresh["X-Page-Cache"] == "miss"
    assert "50% · 1 phiếu" in fresh.content.decode()
    assert voter.get(state_url(poll)).json()["chosen"] == [int(ids(poll, 0)[0])]
    assert "no-cache" in voter.get(state_url(poll))["Cache-Control"]


def test_the_block_shows_the_current_poll_in_the_sidebar(client, poll):
    make_poll("Câu hỏi sau?", position=5)
    html = sidebar(client.get("/").content.decode())
    block = html.split('class="block block--poll"', 1)[1].split("</section>", 1)[0]
    assert "Thăm dò ý kiến" in block and poll.question in block
    assert "Câu hỏi sau?" not in block
    assert '<legend class="poll__question">' in block and 'type="radio"' in block
    assert 'href="/tham-do-y-kien/"' in block and "Xem kết quả" in block
    assert 'name="csrfmiddlewaretoken"' in block


def test_a_polls_own_page_does_not_show_it_again_in_the_sidebar(client, poll):
    html = client.get(poll.get_absolute_url()).content.decode()
    assert "block--poll" not in sidebar(html)


def test_no_block_without_an_open_poll(client):
    make_poll("Đã đóng?", closes_at=timezone.now() - timedelta(hours=1))
    assert "block--poll" not in client.get("/").content.decode()


def test_a_cached_page_changes_when_a_poll_is_edited_but_not_when_someone_votes(poll, committed):
    assert poll.question in reader().get("/").content.decode()
    with committed():
        visit(reader(address="198.51.100.8"), poll).post(vote_url(poll), {"choice": ids(poll, 0)})
    assert reader().get("/")["X-Page-Cache"] == "hit"
    with committed():
        poll.question = "Câu hỏi đã sửa?"
        poll.save()
    edited = reader().get("/")
    assert edited["X-Page-Cache"] == "miss" and "Câu hỏi đã sửa?" in edited.content.decode()


def test_a_cached_page_is_not_kept_past_a_poll_closing(monkeypatch, committed):
    from tests.articles.test_caches import Clock

    clock = Clock(monkeypatch)
    with committed():
        poll = make_poll("Sắp kết thúc?", closes_at=clock.now + timedelta(seconds=10))
    assert poll.question in reader().get("/").content.decode()
    clock.move(5)
    assert reader().get("/")["X-Page-Cache"] == "hit"
    clock.move(6)
    later = reader().get("/")
    assert later["X-Page-Cache"] == "miss" and poll.question not in later.content.decode()


def test_the_block_costs_no_query_on_a_warm_page(client, poll, no_page_cache,
                                                 django_assert_max_num_queries):  # fmt: skip
    client.get("/")
    with django_assert_max_num_queries(4):  # as without polls (tests/articles)
        assert poll.question in client.get("/").content.decode()


def test_query_counts_of_the_poll_pages(poll, no_page_cache, django_assert_num_queries):
    client = visit(reader(), poll)
    for n in range(5):
        make_poll(f"Câu hỏi {n}?", closes_at=timezone.now() - timedelta(minutes=n + 1))
    client.get("/tham-do-y-kien/")
    with django_assert_num_queries(3):  # closed count, closed page, open polls
        client.get("/tham-do-y-kien/")
    with django_assert_num_queries(2):  # the poll, its choices
        client.get(poll.get_absolute_url())
    with django_assert_num_queries(2):  # the poll, this reader's vote
        client.get(state_url(poll))
    client.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON)
    with django_assert_num_queries(3):  # the poll, this reader's choices, the results
        assert client.get(state_url(poll)).json()["results"]


def test_the_sitemap_lists_the_polls(client, poll):
    hidden = make_poll("Bản nháp?", is_published=False)
    xml = client.get("/sitemap-polls.xml").content.decode()
    assert "http://testserver/tham-do-y-kien/</loc>" in xml
    assert f"http://testserver{poll.get_absolute_url()}</loc>" in xml
    assert hidden.get_absolute_url() not in xml


def test_the_menus_offer_the_polls_list():
    from menus import registry

    assert registry.lists()["polls"].address() == "/tham-do-y-kien/"


def test_the_demo_has_an_open_poll_with_votes_and_a_closed_one(first_site):
    call_command("seed_demo", verbosity=0)
    polls = Poll.objects.for_site(first_site)
    assert polls.open().get().vote_count > 100
    assert polls.closed().count() == 1
    before = list(polls.values_list("pk", "vote_count"))
    call_command("seed_demo", verbosity=0)
    assert list(polls.values_list("pk", "vote_count")) == before


def test_the_results_heading_fits_where_they_are_shown(poll):
    client = visit(reader(), poll)
    body = client.post(vote_url(poll), {"choice": ids(poll, 0), "in": "block"}, **JSON).json()
    assert body["results"].startswith('<h3 class="poll-results__title">Kết quả</h3>')
    page = client.get(state_url(poll)).json()["results"]
    assert page.startswith('<h2 class="poll-results__title">Kết quả</h2>')
