"""The questions' report beside the visitor reports: received, answered and overdue per month,
the average time to answer; a chart, a table and a CSV."""

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from questions.reports import monthly
from stats.admin_views import REPORTS
from tests.factories import first_site

from .helpers import make_question

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def local(*args):
    return datetime(*args, tzinfo=HANOI)


@pytest.fixture
def year_2025(other_site):
    """March: three asked, two answered (1 and 2.5 days), one late; April: one answered late
    (due in March: counted overdue in March); other site's and other years' rows ignored."""
    make_question(created_at=local(2025, 3, 3, 8), due_on=date(2025, 3, 17),
                  answered_at=local(2025, 3, 4, 8))  # fmt: skip
    make_question(created_at=local(2025, 3, 10, 8), due_on=date(2025, 3, 24),
                  answered_at=local(2025, 3, 12, 20))  # fmt: skip
    make_question(created_at=local(2025, 3, 31, 23), due_on=date(2025, 3, 28),
                  answered_at=local(2025, 4, 2, 23))  # fmt: skip
    make_question(created_at=local(2025, 4, 1, 0, 30), due_on=date(2025, 4, 15))  # never
    make_question(created_at=local(2024, 12, 31, 23), due_on=date(2025, 1, 14),
                  status="refused", refused_at=local(2025, 1, 2, 9))  # fmt: skip
    make_question(site=other_site, created_at=local(2025, 3, 5, 8), due_on=date(2025, 3, 6))


def test_the_figures_per_month_are_exact(year_2025):
    months = monthly(first_site(), 2025, today=date(2025, 6, 1))
    figures = {m.label: (m.received, m.answered, m.overdue, m.average()) for m in months}
    assert figures["01/2025"] == (0, 0, 0, "—")
    assert figures["03/2025"] == (3, 2, 1, "1.8")
    assert figures["04/2025"] == (1, 1, 1, "2.0")
    assert figures["12/2025"] == (0, 0, 0, "—")
    assert monthly(first_site(), 2024, today=date(2025, 6, 1))[11].received == 1


def test_a_question_not_yet_due_is_not_overdue(year_2025):
    months = monthly(first_site(), 2025, today=date(2025, 4, 10))
    assert months[3].overdue == 0 and months[2].overdue == 1


@pytest.fixture
def publisher(client, member):
    client.force_login(member("Người duyệt bài"))
    return client


def test_the_report_page_has_a_chart_a_table_and_totals(publisher, year_2025,
                                                       django_assert_max_num_queries):  # fmt: skip
    assert "questions" in REPORTS
    url = reverse("admin:stats_report", args=["questions"])
    publisher.get(url, {"year": "2024"})  # caches filled: content types, the site's host
    with django_assert_max_num_queries(10):
        response = publisher.get(url, {"year": "2025"})
    html = response.content.decode()
    assert response.status_code == 200 and 'class="stats-chart"' in html
    assert "Hỏi đáp theo tháng 2025" in html and "Số ngày trả lời trung bình" in html
    assert response.context["totals"][:3] == [4, 3, 2]
    assert response.context["totals"][3] == "1.8"  # (1 + 2.5 + 2) / 3
    assert publisher.get(url, {"year": "1"}).status_code == 400


def test_the_csv_has_the_same_figures(publisher, year_2025):
    response = publisher.get(reverse("admin:stats_report_csv", args=["questions"]), {"year": 2025})
    assert response["Content-Disposition"] == 'attachment; filename="thong-ke-questions-2025.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[0] == ["Tháng", "Đã nhận", "Đã trả lời", "Quá hạn", "Số ngày trả lời trung bình"]
    assert rows[3] == ["03/2025", "3", "2", "1", "1.8"] and len(rows) == 13


def test_an_editor_without_the_reports_permission_is_refused(client, member):
    client.force_login(member("Biên tập viên"))
    url = reverse("admin:stats_report", args=["questions"])
    assert client.get(url).status_code == 403
