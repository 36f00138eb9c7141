"""The province administrator's overview: each site's articles published this month, visits
today, comments, contact messages and questions waiting, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from contact.models import ContactMessage
from questions.models import Question
from stats.models import DailyVisits
from tenancy.overview import FIGURES
from tenancy.services import add_site
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("admin:tenancy_site_overview")
LABELS = ["articles published this month", "comments waiting", "visits today"]


def month_start():
    return timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def fill(site, published, visits, waiting):
    """`published` articles this month, `visits` today and `waiting` pending comments on
    `site`, and what must not count: last month's article, a draft, yesterday's visits, an
    approved comment."""
    category = make_category(site=site, slug=f"tin-{site.pk}")
    now = timezone.now()
    this_month = month_start() + (now - month_start()) / 2
    articles = [
        make_article(category=category, slug=f"bai-{site.pk}-{n}", publish_at=this_month)
        for n in range(published)
    ]
    make_article(category=category, slug=f"cu-{site.pk}", publish_at=month_start() - timedelta(1))
    make_article(category=category, slug=f"nhap-{site.pk}", status="draft")
    today = timezone.localdate()
    DailyVisits.objects.create(site=site, day=today, visits=visits)
    DailyVisits.objects.create(site=site, day=today - timedelta(1), visits=999)
    article = articles[0] if articles else make_article(category=category, slug=f"x-{site.pk}")
    for status in [Comment.Status.PENDING] * waiting + [Comment.Status.APPROVED]:
        Comment.objects.create(target=article, name="An", text="Ý kiến.", status=status)
    for status in [ContactMessage.Status.NEW] * waiting + [ContactMessage.Status.CLOSED]:
        ContactMessage.objects.create(site=site, name="An", subject="S", message="M", status=status)
    for status in [Question.Status.NEW] * waiting + [Question.Status.PUBLISHED]:
        Question.objects.create(site=site, name="An", title="T", question="Q", status=status)


def figures(response):
    labels = [str(label) for label in response.context["figures"]]
    return {
        row["site"].pk: dict(zip(labels, row["figures"], strict=True))
        for row in response.context["rows"]
    }


def test_the_content_apps_register_their_figures():
    assert sorted(str(figure.label) for figure in FIGURES) == sorted(
        [
            "Bài đăng trong tháng",
            "Bình luận chờ duyệt",
            "Lượt truy cập hôm nay",
            "Thư liên hệ chờ xử lý",
            "Câu hỏi chờ trả lời",
        ]
    )


def test_each_site_has_its_own_figures(admin_client, first_site, other_site):
    fill(first_site, published=2, visits=40, waiting=1)
    fill(other_site, published=1, visits=7, waiting=3)
    response = admin_client.get(OVERVIEW)
    assert figures(response) == {
        first_site.pk: {
            "Bài đăng trong tháng": 2,
            "Lượt truy cập hôm nay": 40,
            "Bình luận chờ duyệt": 1,
            "Thư liên hệ chờ xử lý": 1,
            "Câu hỏi chờ trả lời": 1,
        },
        other_site.pk: {
            "Bài đăng trong tháng": 1,
            "Lượt truy cập hôm nay": 7,
            "Bình luận chờ duyệt": 3,
            "Thư liên hệ chờ xử lý": 3,
            "Câu hỏi chờ trả lời": 3,
        },
    }
    assert "Lượt truy cập hôm nay" in response.content.decode()


def test_a_site_without_content_counts_zero(admin_client, other_site):
    assert figures(admin_client.get(OVERVIEW))[other_site.pk] == {
        "Bài đăng trong tháng": 0,
        "Lượt truy cập hôm nay": 0,
        "Bình luận chờ duyệt": 0,
        "Thư liên hệ chờ xử lý": 0,
        "Câu hỏi chờ trả lời": 0,
    }


@pytest.mark.parametrize("sites", [2, 20])
def test_the_overview_takes_the_same_queries_for_2_or_20_sites(
    admin_client, first_site, sites, django_assert_num_queries
):
    for n in range(1, sites):
        site, _created = add_site(f"xa{n}.example.gov.vn", f"Cổng thông tin xã {n}")
        fill(site, published=1, visits=n, waiting=1)
    admin_client.get(OVERVIEW)
    with django_assert_num_queries(10):
        response = admin_client.get(OVERVIEW)
    assert len(response.context["rows"]) == sites
