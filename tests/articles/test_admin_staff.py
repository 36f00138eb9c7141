"""The staff side of articles: who previews drafts, who schedules, and the admin list's cost."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Vote
from comments.models import Comment
from tests.articles.test_admin_publishing import article_form
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

EDITORS = "Biên tập viên"
PUBLISHERS = "Người duyệt bài"


def changelist_queries(client, count):
    parent = make_category("Tin tức")
    child = make_category("Tin phường", parent=parent, slug=f"tin-phuong-{count}")
    Article.objects.all().delete()
    for number in range(count):
        make_article(child, title=f"Bài {count}-{number}")
    client.get(reverse("admin:articles_article_changelist"))  # the session's first reads
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert "Tin tức › Tin phường" in response.content.decode()
    return len(queries)


def test_the_article_list_costs_the_same_whatever_its_rows_in_sub_categories(client, member):
    client.force_login(member(PUBLISHERS))
    assert changelist_queries(client, 10) == changelist_queries(client, 100)


def test_a_publisher_deletes_an_article_with_its_comments_and_votes(client, member):
    article = make_article()
    comment = Comment.objects.create(
        target=article, name="Bạn đọc", text="Cảm ơn phường.", status=Comment.Status.APPROVED
    )
    Comment.objects.create(target=article, parent=comment, name="Phường", text="Không có gì.")
    Vote.objects.create(article=article, score=5, voter="v" * 64, address="a" * 64)
    client.force_login(member(PUBLISHERS))
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.exists()
    assert not Comment.objects.exists()
    assert not Vote.objects.exists()


def test_a_publisher_still_does_not_moderate_comments(client, member):
    comment = Comment.objects.create(target=make_article(), name="Bạn đọc", text="Ý kiến.")
    client.force_login(member(PUBLISHERS))
    assert client.get(reverse("admin:comments_comment_changelist")).status_code == 403
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    assert client.post(change, {"status": Comment.Status.APPROVED}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def view_on_site(article):
    content_type = ContentType.objects.get_for_model(Article)
    return reverse("admin:view_on_site", args=[content_type.pk, article.pk])


@pytest.mark.parametrize("permissions", [[], ["view_reports", "view_category"]])
def test_staff_without_article_permissions_cannot_find_or_read_a_draft(client, member, permissions):
    draft = make_article(title="Dự thảo kế hoạch", status=Article.Status.DRAFT)
    user = member()
    user.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    client.force_login(user)
    # Without a role on the site, the admin sends them to sign in.
    response = client.get(view_on_site(draft))
    assert response.status_code in {302, 403, 404}
    assert draft.get_absolute_url() not in response.get("Location", "")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("articles:print", args=[draft.slug])).status_code == 404


@pytest.mark.parametrize("group", [EDITORS, PUBLISHERS])
def test_staff_who_may_view_articles_preview_drafts(client, member, group):
    draft = make_article(title="Dự thảo kế hoạch", status=Article.Status.DRAFT)
    client.force_login(member(group))
    response = client.get(view_on_site(draft))
    assert response.status_code == 302
    assert response["Location"].endswith(draft.get_absolute_url())
    assert "Dự thảo kế hoạch" in client.get(draft.get_absolute_url()).content.decode()


def test_view_on_site_of_an_unknown_object_is_not_found(client, member):
    client.force_login(member(PUBLISHERS))
    content_type = ContentType.objects.get_for_model(Article)
    assert client.get(reverse("admin:view_on_site", args=[content_type.pk, 999])).status_code == 404
    assert client.get(reverse("admin:view_on_site", args=[content_type.pk, "x"])).status_code == 404
    assert client.get(reverse("admin:view_on_site", args=[99999, 1])).status_code == 404


def test_an_editor_cannot_date_a_draft(client, member):
    client.force_login(member(EDITORS))
    form = article_form(make_category(), publish_at_0="01/01/2030", publish_at_1="08:00:00")
    before = timezone.now()
    assert client.post(reverse("admin:articles_article_add"), form).status_code == 302
    article = Article.objects.get()
    assert before <= article.publish_at <= timezone.now()
    scheduled = timezone.make_aware(datetime(2030, 1, 1, 8))
    Article.objects.filter(pk=article.pk).update(publish_at=scheduled)
    form = {**article_form(article.category, publish_at_0="01/01/2020"), "slug": article.slug}
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert client.post(change, form).status_code == 302
    article.refresh_from_db()
    assert article.publish_at == scheduled
    assert 'name="publish_at_0"' not in client.get(change).content.decode()


def publish(client, drafts, **choice):
    selected = {"action": "publish", "_selected_action": [draft.pk for draft in drafts]}
    return client.post(reverse("admin:articles_article_changelist"), {**selected, **choice})


def test_the_publisher_sees_the_dates_before_publishing(client, member):
    dates = [
        timezone.make_aware(datetime(2030, 1, 1, 8)),
        timezone.make_aware(datetime(2020, 1, 1)),
    ]
    drafts = [
        make_article(title=f"Bản nháp {n}", status=Article.Status.DRAFT, publish_at=date)
        for n, date in enumerate(dates)
    ]
    client.force_login(member(PUBLISHERS))
    page = publish(client, drafts)
    assert page.status_code == 200
    html = page.content.decode()
    assert "01/01/2030 08:00" in html and "01/01/2020 00:00" in html
    assert "Hẹn giờ" in html and "Công khai" in html
    assert not Article.objects.filter(status=Article.Status.PUBLISHED).exists()

    assert publish(client, drafts, keep_dates="1").status_code == 302
    assert [a.publish_at for a in Article.objects.order_by("-publish_at")] == dates
    assert not Article.objects.filter(status=Article.Status.DRAFT).exists()


def test_the_publisher_may_publish_drafts_dated_now(client, member):
    draft = make_article(status=Article.Status.DRAFT, publish_at=timezone.now() + timedelta(days=9))
    client.force_login(member(PUBLISHERS))
    before = timezone.now()
    assert publish(client, [draft], publish_now="1").status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert before <= draft.publish_at <= timezone.now()
    assert draft.is_public()
