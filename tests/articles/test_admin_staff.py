"""The staff side of articles: who previews drafts, who schedules, and the admin list's cost."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Vote
from comments.models import Comment
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

EDITORS = "Biên tập viên"
PUBLISHERS = "Người duyệt bài"


@pytest.fixture
def member(django_user_model):
    def make(group=None, username="nguoidung"):
        user = django_user_model.objects.create_user(username, password="x", is_staff=True)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


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
        article=article, name="Bạn đọc", text="Cảm ơn phường.", status=Comment.Status.APPROVED
    )
    Comment.objects.create(article=article, parent=comment, name="Phường", text="Không có gì.")
    Vote.objects.create(article=article, score=5, voter="v" * 64, address="a" * 64)
    client.force_login(member(PUBLISHERS))
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.exists()
    assert not Comment.objects.exists()
    assert not Vote.objects.exists()


def test_a_publisher_still_does_not_moderate_comments(client, member):
    comment = Comment.objects.create(article=make_article(), name="Bạn đọc", text="Ý kiến.")
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
    assert client.get(view_on_site(draft)).status_code in {403, 404}
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
