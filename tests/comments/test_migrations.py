"""The comments' move from an article key to a site and a generic target (migrations 0005 to
0007), forward and back, on a database at the migrations before it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Article
from comments.models import Comment
from pages.models import Page
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("comments", "0004_text_key_for_duplicates")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    if targets:
        return executor.loader.project_state(targets).apps
    return None


def old_comments(old_apps, article):
    OldComment = old_apps.get_model("comments", "Comment")
    thread = OldComment.objects.create(
        article_id=article.pk, name="An", text="Ý kiến", status="approved", text_key="a"
    )
    OldComment.objects.create(
        article_id=article.pk, parent=thread, name="UBND", text="Trả lời", text_key="b"
    )


def test_comments_keep_their_article_as_target_and_its_site():
    article = make_article(title="Bài cũ")
    old_comments(migrate(BEFORE), article)

    migrate()

    thread, reply = Comment.objects.order_by("pk")
    assert (thread.target, thread.site_id, thread.status) == (article, article.site_id, "approved")
    assert (reply.target, reply.parent, reply.site_id) == (article, thread, article.site_id)
    assert list(Comment.objects.filter(article=article).order_by("pk")) == [thread, reply]


def test_going_back_gives_comments_their_article_and_drops_other_targets():
    article = make_article(title="Bài cũ")
    page = Page.objects.create(site=article.site, title="Dự thảo", status="published")
    Comment.objects.create(target=article, name="An", text="Về bài viết")
    Comment.objects.create(target=page, name="Bình", text="Về dự thảo")

    old_apps = migrate(BEFORE)

    rows = list(old_apps.get_model("comments", "Comment").objects.values("article_id", "name"))
    assert rows == [{"article_id": article.pk, "name": "An"}]
    migrate()
    assert Comment.objects.get().target == Article.objects.get()
