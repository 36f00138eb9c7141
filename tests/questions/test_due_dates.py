"""Each question's due date in working days (Monday to Friday), the limit per site, and the
overdue questions on the staff's first page."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from questions.models import Question, QuestionSettings
from questions.workdays import add_working_days
from tenancy.roles import Role

from .helpers import make_question, question_data, reader

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def clock(monkeypatch):
    """Move the clock: `clock(datetime)` (local time)."""

    def move(moment):
        aware = moment.replace(tzinfo=HANOI)
        monkeypatch.setattr(timezone, "now", lambda: aware)

    return move


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2026, 6, 1), 10, date(2026, 6, 15)),  # Monday: two weeks later
        (date(2026, 6, 5), 1, date(2026, 6, 8)),  # Friday + 1: Monday
        (date(2026, 6, 6), 1, date(2026, 6, 8)),  # Saturday + 1: Monday
        (date(2026, 6, 7), 5, date(2026, 6, 12)),  # Sunday + 5: Friday
        (date(2026, 6, 3), 0, date(2026, 6, 3)),
    ],
)
def test_working_days_skip_weekends(start, days, due):
    assert add_working_days(start, days) == due


def test_a_question_asked_on_friday_evening_is_due_ten_working_days_on(clock):
    clock(datetime(2026, 6, 5, 23, 30))  # Friday, local time (16:30 UTC)
    reader().post(reverse("questions:send"), question_data())
    assert Question.objects.get().due_on == date(2026, 6, 19)


def test_the_site_s_own_limit_counts(clock, first_site):
    QuestionSettings.objects.create(site=first_site, answer_days=3)
    clock(datetime(2026, 6, 4, 9, 0))  # Thursday
    reader().post(reverse("questions:send"), question_data())
    assert Question.objects.get().due_on == date(2026, 6, 9)


def test_the_site_administrator_sets_the_limit_once(client, member, first_site):
    client.force_login(member(Role.SITE_ADMINISTRATOR))
    add = reverse("admin:questions_questionsettings_add")
    assert client.post(add, {"answer_days": "0"}).status_code == 200
    assert client.post(add, {"answer_days": "15"}).status_code == 302
    assert QuestionSettings.objects.get(site=first_site).answer_days == 15
    second = client.post(add, {"answer_days": "12"})
    assert "Trang này đã có cài đặt" in second.content.decode()
    assert QuestionSettings.objects.get(site=first_site).answer_days == 15


def index_queries(client):
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("admin:index"))
    return len(queries)


def test_overdue_questions_are_on_the_admin_index_of_their_site_only(
    client, member, clock, other_site
):
    clock(datetime(2026, 6, 20, 9, 0))
    client.force_login(member(Role.MODERATOR))
    index_queries(client)  # caches filled (content types, the site's host)
    without = index_queries(client)
    late = make_question(title="Câu hỏi trễ hạn", due_on=date(2026, 6, 19))
    make_question(title="Câu hỏi còn hạn", due_on=date(2026, 6, 22))
    make_question(title="Đã trả lời", due_on=date(2026, 6, 1), status="answered")
    make_question(site=other_site, title="Câu hỏi xã khác", due_on=date(2026, 6, 1))
    for n in range(5):
        make_question(title=f"Trễ {n}", due_on=date(2026, 6, 2))
    assert index_queries(client) == without, "one query, whatever the number of questions"
    html = client.get(reverse("admin:index")).content.decode()
    assert "Câu hỏi quá hạn trả lời" in html and "Câu hỏi trễ hạn" in html
    assert reverse("admin:questions_question_change", args=[late.pk]) in html
    assert "Câu hỏi còn hạn" not in html and "Đã trả lời" not in html
    assert "Câu hỏi xã khác" not in html
    listing = client.get(reverse("admin:questions_question_changelist"), {"qua-han": "1"})
    assert "Câu hỏi trễ hạn" in listing.content.decode()
    assert "Câu hỏi còn hạn" not in listing.content.decode()


def test_no_panel_without_overdue_questions_or_the_permission(client, member):
    make_question(due_on=timezone.localdate() - timedelta(days=1))
    client.force_login(member(Role.EDITOR, username="bientap"))
    assert "Câu hỏi quá hạn" not in client.get(reverse("admin:index")).content.decode()
    Question.objects.update(due_on=timezone.localdate())
    client.force_login(member(Role.MODERATOR, username="kiemduyet"))
    assert "Câu hỏi quá hạn" not in client.get(reverse("admin:index")).content.decode()
