"""The staff side of articles: who previews drafts, who schedules, and the admin list's cost."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
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
