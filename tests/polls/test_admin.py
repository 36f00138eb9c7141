"""The polls admin: choices inline, counts read-only, the status shown, voted choices kept."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from polls.models import Poll
from polls.services import cast_vote, recount
from tenancy.roles import Role
from tenancy.testing import give_role

from .factories import make_poll

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:polls_poll_changelist")


@pytest.fixture
def publisher(client, django_user_model):
    user = django_user_model.objects.create_user("duyet", password="x", is_staff=True)
    give_role(user, Role.PUBLISHER)
    client.force_login(user)
    return client


def inline(poll, choices, **changes):
    """The change form's data: the poll's fields and its choices (text, delete)."""
    data = {
        "question": poll.question,
        "slug": poll.slug,
        "is_published": "on",
        "position": "0",
        "opens_at_0": timezone.localtime(poll.opens_at).strftime("%d/%m/%Y"),
        "opens_at_1": timezone.localtime(poll.opens_at).strftime("%H:%M:%S"),
        "results": poll.results,
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": str(sum(1 for c in choices if c.get("id"))),
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        **changes,
    }
    for n, choice in enumerate(choices):
        for key, value in choice.items():
            data[f"choices-{n}-{key}"] = value
        data[f"choices-{n}-poll"] = str(poll.pk)
        data[f"choices-{n}-position"] = str(n)
    return data


def test_the_list_shows_status_and_counts(publisher):
    now = timezone.now()
    make_poll("Đang mở?")
    make_poll("Sắp mở?", opens_at=now + timedelta(days=2))
    make_poll("Đã đóng?", opens_at=now - timedelta(days=5), closes_at=now - timedelta(days=1))
    html = publisher.get(CHANGELIST).content.decode()
    for question, status in [("Đang mở?", "đang mở"), ("Sắp mở?", "sắp diễn ra"),
                             ("Đã đóng?", "đã kết thúc")]:  # fmt: skip
        row = html.split(question, 1)[1].split("</tr>", 1)[0]
        assert status in row


def test_the_change_form_has_choices_inline_with_read_only_counts(publisher, poll):
    cast_vote(poll.pk, [poll.choices.first().pk], ["v"], "a", 20)
    html = publisher.get(reverse("admin:polls_poll_change", args=[poll.pk])).content.decode()
    assert 'name="choices-0-text"' in html
    assert 'name="choices-0-vote_count"' not in html and 'name="vote_count"' not in html
    assert "Trạng thái" in html and "đang mở" in html


def test_a_poll_is_added_with_its_choices(publisher, first_site):
    poll = Poll(question="Câu hỏi mới?", opens_at=timezone.now())
    data = inline(poll, [{"text": "Có"}, {"text": "Không"}])
    data["slug"] = ""
    response = publisher.post(reverse("admin:polls_poll_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    added = Poll.objects.get(question="Câu hỏi mới?")
    assert added.site == first_site and added.slug == "cau-hoi-moi"
    assert [c.text for c in added.choices.all()] == ["Có", "Không"]


def test_one_choice_is_not_a_poll_and_a_voted_choice_stays(publisher, poll):
    voted, *others = poll.choices.all()
    cast_vote(poll.pk, [voted.pk], ["v"], "a", 20)
    url = reverse("admin:polls_poll_change", args=[poll.pk])
    rows = [{"id": str(c.pk), "text": c.text} for c in [voted, *others]]
    rows[0]["DELETE"] = "on"
    response = publisher.post(url, inline(poll, rows))
    assert "đã có người chọn nên không thể xoá" in response.content.decode()
    rows = [{"id": str(c.pk), "text": c.text, "DELETE": "on"} for c in others] + [
        {"id": str(voted.pk), "text": voted.text}
    ]
    response = publisher.post(url, inline(poll, rows))
    assert "Cuộc thăm dò cần ít nhất hai phương án." in response.content.decode()
    assert poll.choices.count() == 3


def test_dates_and_the_most_answers_are_checked(publisher, poll):
    url = reverse("admin:polls_poll_change", args=[poll.pk])
    rows = [{"id": str(c.pk), "text": c.text} for c in poll.choices.all()]
    before = timezone.localtime(poll.opens_at) - timedelta(days=1)
    data = inline(poll, rows, closes_at_0=before.strftime("%d/%m/%Y"), closes_at_1="08:00:00",
                  max_answers="2")  # fmt: skip
    html = publisher.post(url, data).content.decode()
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in html


def test_recount_puts_the_counts_back(poll):
    cast_vote(poll.pk, [poll.choices.first().pk], ["v"], "a", 20)
    poll.choices.update(vote_count=7)
    assert recount(poll) is True
    assert list(poll.choices.values_list("vote_count", flat=True)) == [1, 0, 0]
    assert recount(poll) is False


def test_the_recount_action(publisher, poll):
    cast_vote(poll.pk, [poll.choices.first().pk], ["v"], "a", 20)
    Poll.objects.filter(pk=poll.pk).update(vote_count=9)
    data = {"action": "recount_votes", "_selected_action": [poll.pk]}
    page = publisher.post(CHANGELIST, data, follow=True).content.decode()
    assert "1 cuộc thăm dò có số đếm khác với số phiếu." in page
    poll.refresh_from_db()
    assert poll.vote_count == 1
