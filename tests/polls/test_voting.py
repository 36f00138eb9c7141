"""Voting: one answer per reader, several answers within the limit, dates, refusals."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from polls.models import Poll, Vote

from .conftest import JSON, counts, ids, reader, visit, vote_url
from .factories import make_poll

pytestmark = pytest.mark.django_db


def test_a_vote_with_javascript_answers_json_with_the_results(poll):
    client = visit(reader(), poll)
    response = client.post(vote_url(poll), {"choice": ids(poll, 1)}, **JSON)
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Cảm ơn bạn đã tham gia thăm dò ý kiến."
    assert body["voted"] is True and body["chosen"] == [int(ids(poll, 1)[0])]
    assert 'Hài lòng <span class="poll-results__mine">(lựa chọn của bạn)</span>' in body["results"]
    assert "100% · 1 phiếu" in body["results"]
    assert counts(poll) == (1, [0, 1, 0])
    vote = Vote.objects.get()
    assert "203.0.113.7" not in vote.voter + vote.address
    assert len(vote.voter) == len(vote.address) == 40


def test_a_vote_without_javascript_redirects_to_the_poll_with_message_and_results(poll):
    client = visit(reader(), poll)
    response = client.post(vote_url(poll), {"choice": ids(poll, 0)})
    assert response.status_code == 302
    assert response.url == f"{poll.get_absolute_url()}#tham-do-thong-bao"
    page = client.get(response.url).content.decode()
    notice = page.split('id="tham-do-thong-bao"', 1)[1].split("</p>", 1)[0]
    assert 'tabindex="-1" autofocus>Cảm ơn bạn đã tham gia thăm dò ý kiến.' in notice
    assert "Bạn đã tham gia thăm dò ý kiến này." in page
    assert 'class="poll__form"' not in page
    assert 'Rất hài lòng <span class="poll-results__mine">' in page
    assert "1 người đã tham gia." in page
    assert counts(poll) == (1, [1, 0, 0])


def test_a_second_vote_is_refused_with_409_and_changes_nothing(poll):
    client = visit(reader(), poll)
    client.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON)
    again = client.post(vote_url(poll), {"choice": ids(poll, 2)}, **JSON)
    assert again.status_code == 409
    assert again.json()["message"] == "Bạn đã tham gia thăm dò ý kiến này rồi."
    form = client.post(vote_url(poll), {"choice": ids(poll, 2)})
    assert "Bạn đã tham gia thăm dò ý kiến này rồi." in client.get(form.url).content.decode()
    assert counts(poll) == (1, [1, 0, 0])


def test_the_visitor_cookie_is_the_reader_wherever_it_goes(poll):
    client = visit(reader(), poll)
    client.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON)
    moved = Client(REMOTE_ADDR="198.51.100.9", HTTP_USER_AGENT="Another browser")
    moved.cookies = client.cookies
    assert moved.post(vote_url(poll), {"choice": ids(poll, 1)}, **JSON).status_code == 409
    neighbour = visit(reader(HTTP_USER_AGENT="Firefox"), poll)  # same address, own cookie
    assert neighbour.post(vote_url(poll), {"choice": ids(poll, 1)}, **JSON).status_code == 200
    assert counts(poll) == (2, [1, 1, 0])


BAD = ["abc", "", "-1", "٣", "1.5", "9" * 40, " 1"]


@pytest.mark.parametrize("value", BAD)
def test_bad_choices_are_refused_with_400(poll, value):
    client = visit(reader(), poll)
    response = client.post(vote_url(poll), {"choice": value}, **JSON)
    assert response.status_code == 400
    assert response.json()["message"] == "Phương án này không thuộc cuộc thăm dò."
    assert counts(poll) == (0, [0, 0, 0]) and not Vote.objects.exists()


def test_no_choice_is_refused(poll):
    response = visit(reader(), poll).post(vote_url(poll), {}, **JSON)
    assert (response.status_code, response.json()["message"]) == (
        400,
        "Vui lòng chọn một phương án.",
    )


def test_a_choice_of_another_poll_or_another_site_is_refused(poll, other_host_poll):
    other = make_poll("Câu hỏi khác?", texts=["A", "B"])
    client = visit(reader(), poll)
    for choice in [ids(other, 0), ids(other_host_poll, 0), [*ids(poll, 0), *ids(other, 1)]]:
        response = client.post(vote_url(poll), {"choice": choice}, **JSON)
        assert response.status_code == 400
    assert not Vote.objects.exists()


def test_one_answer_only_unless_several_are_allowed(poll):
    client = visit(reader(), poll)
    response = client.post(vote_url(poll), {"choice": ids(poll, 0, 1)}, **JSON)
    assert response.status_code == 400
    assert response.json()["message"] == "Bạn chỉ được chọn tối đa 1 phương án."
    assert not Vote.objects.exists()


def test_several_answers_within_the_limit(db):
    poll = make_poll("Phường cần ưu tiên gì?", texts=["Đường", "Điện", "Nước", "Trường"],
                     several_answers=True, max_answers=2)  # fmt: skip
    first = visit(reader(), poll)
    too_many = first.post(vote_url(poll), {"choice": ids(poll, 0, 1, 2)}, **JSON)
    assert too_many.status_code == 400
    assert too_many.json()["message"] == "Bạn chỉ được chọn tối đa 2 phương án."
    doubled = ids(poll, 0, 0, 2)  # the same choice twice counts once
    assert first.post(vote_url(poll), {"choice": doubled}, **JSON).status_code == 200
    second = visit(reader(address="198.51.100.2"), poll)
    body = second.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON).json()
    assert counts(poll) == (2, [2, 0, 1, 0])
    # Shares of the people who answered: 2 of 2 and 1 of 2.
    assert "100% · 2 phiếu" in body["results"] and "50% · 1 phiếu" in body["results"]
    assert "tỷ lệ tính trên số người tham gia" in body["results"]


def test_several_answers_without_a_limit(db):
    poll = make_poll("Bạn dùng dịch vụ nào?", texts=["A", "B", "C"], several_answers=True)
    client = visit(reader(), poll)
    assert client.post(vote_url(poll), {"choice": ids(poll, 0, 1, 2)}, **JSON).status_code == 200
    assert counts(poll) == (1, [1, 1, 1])


def test_a_poll_refuses_votes_before_it_opens_and_after_it_closes(db):
    now = timezone.now()
    upcoming = make_poll("Sắp mở?", opens_at=now + timedelta(days=1))
    closed = make_poll(
        "Đã đóng?", opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1)
    )
    client = reader()
    early = client.post(vote_url(upcoming), {"choice": ids(upcoming, 0)}, **JSON)
    assert (early.status_code, early.json()["message"]) == (403, "Cuộc thăm dò này chưa bắt đầu.")
    late = client.post(vote_url(closed), {"choice": ids(closed, 0)}, **JSON)
    assert (late.status_code, late.json()["message"]) == (403, "Cuộc thăm dò này đã kết thúc.")
    page = client.get(upcoming.get_absolute_url()).content.decode()
    assert "Cuộc thăm dò bắt đầu lúc" in page and 'class="poll__form"' not in page
    assert not Vote.objects.exists()


def test_unpublished_and_missing_polls_are_404(db):
    hidden = make_poll("Bản nháp?", is_published=False)
    client = reader()
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.post(vote_url(hidden), {"choice": ids(hidden, 0)}, **JSON).status_code == 404
    assert client.post(vote_url(hidden), {"choice": ids(hidden, 0)}).status_code == 404
    assert client.post("/tham-do-y-kien/khong-co/binh-chon/", {"choice": "1"}).status_code == 404
    assert not Vote.objects.exists()


def test_votes_need_post_and_the_csrf_token(poll):
    client = Client(enforce_csrf_checks=True)
    assert client.get(vote_url(poll)).status_code == 405
    assert client.post(vote_url(poll), {"choice": ids(poll, 0)}).status_code == 403
    visit(client, poll)
    token = client.cookies["csrftoken"].value
    data = {"choice": ids(poll, 0), "csrfmiddlewaretoken": token}
    assert client.post(vote_url(poll), data).status_code == 302
    assert counts(poll)[0] == 1


def test_a_private_window_hits_the_per_address_cap(poll, settings):
    settings.PORTAL_POLL_VOTES_PER_ADDRESS = 2
    for n in range(2):
        browser = visit(reader(HTTP_USER_AGENT=f"Browser {n}"), poll)
        assert browser.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON).status_code == 200
    private = visit(reader(HTTP_USER_AGENT="Private window"), poll)
    response = private.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 86400
    assert "quá nhiều lượt trả lời" in response.json()["message"]
    other_poll = make_poll("Câu hỏi khác?")  # the cap is per poll
    assert (
        private.post(vote_url(other_poll), {"choice": ids(other_poll, 0)}, **JSON).status_code
        == 200
    )
    elsewhere = visit(reader(address="198.51.100.20"), poll)
    assert elsewhere.post(vote_url(poll), {"choice": ids(poll, 1)}, **JSON).status_code == 200
    assert counts(poll) == (3, [2, 1, 0])


def test_a_forged_x_forwarded_for_does_not_bypass_the_cap(poll, settings):
    settings.PORTAL_POLL_VOTES_PER_ADDRESS = 1
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    real = "203.0.113.7"
    first = visit(reader(HTTP_X_FORWARDED_FOR=real), poll)
    assert first.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON).status_code == 200
    forged = reader(HTTP_X_FORWARDED_FOR=f"10.9.8.7, {real}", HTTP_USER_AGENT="Other")
    response = forged.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON)
    assert response.status_code == 429


def test_a_poll_of_another_site_is_not_found_here(poll, other_host_poll):
    from .conftest import OTHER_HOST

    assert reader().get(other_host_poll.get_absolute_url()).status_code == 404
    here = reader().post(vote_url(other_host_poll), {"choice": ids(other_host_poll, 0)}, **JSON)
    assert here.status_code == 404
    there = Client(HTTP_HOST=OTHER_HOST, HTTP_USER_AGENT="Mozilla/5.0")
    assert there.get(poll.get_absolute_url()).status_code == 404
    listing = there.get("/tham-do-y-kien/").content.decode()
    assert "Câu hỏi của xã Ninh Hải?" in listing and poll.question not in listing
    assert poll.question not in there.get("/").content.decode()
    assert not Vote.objects.exists()


def test_the_state_of_a_poll_deleted_meanwhile(poll):
    client = visit(reader(), poll)
    Poll.objects.filter(pk=poll.pk).update(is_published=False)
    assert client.post(vote_url(poll), {"choice": ids(poll, 0)}, **JSON).status_code == 404
