import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from PIL import Image

from articles.models import Article, Category
from comments.models import Comment
from library.pictures import library_name
from tenancy.models import Site
from tenancy.services import add_site
from tests.factories import first_site

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_realistic():
    call_command("seed_demo")
    counts = (Category.objects.count(), Article.objects.count(), Comment.objects.count())
    call_command("seed_demo")
    assert (Category.objects.count(), Article.objects.count(), Comment.objects.count()) == counts

    assert Comment.objects.pending().exists()
    assert Comment.objects.filter(is_official=True, status=Comment.Status.APPROVED).exists()
    for article in Article.objects.filter(comments__isnull=False).distinct():
        shown = article.comments.approved().count()
        assert article.comment_count == shown
    assert Article.objects.filter(rating_count__gt=0).count() >= 10

    assert Category.objects.filter(parent__isnull=False).exists()
    articles = list(Article.objects.published())
    assert len(articles) >= 12
    assert len({a.publish_at.strftime("%Y-%m") for a in articles}) >= 3
    assert sum(article.tags.exists() for article in articles) >= len(articles) // 2
    for article in articles:
        with Image.open(article.cover_image.path) as picture:
            assert picture.format == "JPEG"
            assert picture.size == (article.cover_width, article.cover_height)
        assert article.cover_alt
        assert library_name(article.cover_image.name), "covers go through the picture library"
        assert article.author_byline
        assert article.body.count("<p>") >= 3
        assert '<figure><img src="/media/pictures/' in article.body


def test_demo_pages_render(client):
    call_command("seed_demo")
    article = Article.objects.for_site(first_site()).published().first()
    for url in ["/", article.get_absolute_url(), article.category.get_absolute_url()]:
        assert client.get(url).status_code == 200


def test_the_second_demo_ward_has_its_own_news(client):
    call_command("seed_demo")
    ward = Site.objects.for_host("localhost")
    own = Article.objects.for_site(ward).published()
    assert own.count() >= 6
    assert Category.objects.for_site(ward).count() >= 3
    assert Comment.objects.filter(site=ward).exists()
    assert not own.filter(title__contains="Phù Vân").exists()
    counts = (own.count(), Comment.objects.count())
    call_command("seed_demo")
    assert (own.count(), Comment.objects.count()) == counts

    home = client.get("/", HTTP_HOST="localhost").content.decode()
    assert own.first().title in home
    first_titles = Article.objects.for_site(first_site()).values_list("title", flat=True)
    assert not any(title in home for title in first_titles)


def test_demo_staff_generates_a_password_once(capsys, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    call_command("demo_staff")
    password = re.search(r"password '([^']+)'", capsys.readouterr().out).group(1)
    call_command("demo_staff")
    assert "unchanged" in capsys.readouterr().out
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_staff and admin.check_password(password)


def test_demo_staff_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "mot-mat-khau-rat-dai")
    call_command("demo_staff")
    call_command("demo_staff")
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert get_user_model().objects.get(username="admin").check_password("mot-mat-khau-rat-dai")


def test_seed_demo_site_seeds_that_site_only():
    other, _created = add_site("phuvan.example.gov.vn", "Cổng thông tin điện tử phường Phù Vân")
    call_command("seed_demo", site="phuvan.example.gov.vn")
    assert Article.objects.for_site(other).published().count() >= 6
    assert Comment.objects.filter(site=other).exists()
    assert not Article.objects.for_site(first_site()).exists()
    assert Site.objects.for_host("localhost") is None


def test_seed_demo_site_refuses_an_unknown_host():
    with pytest.raises(CommandError, match="add_site"):
        call_command("seed_demo", site="nowhere.example.gov.vn")
    assert not Article.objects.exists()
