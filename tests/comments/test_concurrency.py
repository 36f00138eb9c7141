"""Comments written at once, each request on its own connection: the rules and the public
count hold. Counting races need PostgreSQL; the interval rule is checked on SQLite too."""

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Article
from comments import services
from comments.models import Comment
from tests.concurrency import run_pool
from tests.factories import make_article

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent transactions"
)
pytestmark = pytest.mark.django_db(transaction=True)
APPROVED, SPAM = Comment.Status.APPROVED, Comment.Status.SPAM


@pytest.fixture
def article():
    return make_article(title="Lấy ý kiến về quy hoạch khu dân cư")


def new_code():
    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def send(article, data, address="203.0.113.9", user=None):
    client = Client(REMOTE_ADDR=address)
    if user is not None:
        client.force_login(user)
    return client.post(reverse("comments:post", args=["bai-viet", article.pk]), data).status_code


def public_count(article):
    article.refresh_from_db()
    return article.comment_count


@on_postgresql
def test_parallel_posts_from_one_address_pass_the_interval_rule_once(article):
    forms = [
        {"name": "An", "email": f"an{n}@example.vn", "text": f"Ý kiến số {n}", **new_code()}
        for n in range(16)
    ]
    statuses = run_pool(lambda n: send(article, forms[n]), 16, workers=16)
    assert sorted(statuses) == [302] + [429] * 15
    assert Comment.objects.count() == 1


def test_the_rules_are_checked_in_the_transaction_that_writes_the_comment(article):
    """On SQLite that transaction begins IMMEDIATE, taking the write lock first: posts from
    one address then check the interval rule one after another."""
    outside, inserted = [], []

    def watch(execute, sql, params, many, context):
        if "comments_comment" in sql and not inserted and not connection.in_atomic_block:
            outside.append(sql)
        if sql.startswith('INSERT INTO "comments_comment"'):
            inserted.append(sql)
        return execute(sql, params, many, context)

    form = {"name": "An", "email": "an@example.vn", "text": "Ý kiến", **new_code()}
    with connection.execute_wrapper(watch):
        assert send(article, form) == 302
    assert inserted and outside == []
    if connection.vendor == "sqlite":
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@on_postgresql
def test_parallel_posts_to_many_articles_pass_the_hourly_limit_only_up_to_it(settings):
    settings.PORTAL_COMMENT_HOURLY_LIMIT = 5
    articles = [make_article(title=f"Bài số {n}") for n in range(12)]
    forms = [
        {"name": "An", "email": f"an{n}@example.vn", "text": f"Ý kiến số {n}", **new_code()}
        for n in range(12)
    ]
    statuses = run_pool(lambda n: send(articles[n], forms[n]), 12, workers=12)
    assert sorted(statuses) == [302] * 5 + [429] * 7
    assert Comment.objects.count() == 5


@on_postgresql
def test_a_double_submitted_guest_comment_is_stored_once(article):
    form = {"name": "An", "email": "an@example.vn", "text": "Đèn ngõ 12 hỏng", **new_code()}
    statuses = run_pool(lambda n: send(article, form, address=f"198.51.100.{n}"), 8)
    assert statuses.count(302) == 1
    assert Comment.objects.count() == 1


@on_postgresql
def test_a_double_submitted_comment_of_a_signed_in_reader_is_stored_once(article):
    reader = get_user_model().objects.create_user("docgia", email="docgia@example.vn")
    form = {"text": "Đề nghị sửa đường ngõ 5"}
    statuses = run_pool(lambda n: send(article, form, user=reader), 8)
    assert sorted(statuses) == [302] + [429] * 7
    assert Comment.objects.count() == 1


@on_postgresql
def test_120_comments_at_once_are_all_counted(article, settings):
    settings.PORTAL_COMMENT_MODERATION = "none"

    def post(n):
        services.post_comment(
            article,
            name=f"Bạn đọc {n}",
            email=f"doc-gia-{n}@example.vn",
            text=f"Ý kiến số {n}",
            address=f"address-{n}",
        )

    run_pool(post, 120)
    assert Comment.objects.approved().count() == 120
    assert public_count(article) == 120


@on_postgresql
def test_40_moderators_flipping_comments_at_once_keep_the_count(article):
    comments = [
        Comment.objects.create(target=article, name="An", text=f"Ý kiến {n}", status=APPROVED)
        for n in range(40)
    ]
    services.refresh_comment_counts(Article, [article.pk])

    def flip(n):
        chosen = Comment.objects.filter(pk=comments[n].pk)
        for status in (SPAM, APPROVED):
            services.set_status(chosen, status)

    run_pool(flip, 40)
    assert public_count(article) == Comment.objects.approved().count() == 40
