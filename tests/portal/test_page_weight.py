"""Slow networks: the article page's HTML, CSS and JavaScript under 100 KB compressed, and
pictures that never shift the layout and load only when they come near the screen."""

import gzip

import pytest
from django.urls import reverse

from tests.portal.pages import links, realistic_article, static_file

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024
READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}


def compressed(content):
    return len(gzip.compress(content, compresslevel=9))


def test_the_article_page_is_under_100_kb_compressed_without_pictures(client):
    article = realistic_article()
    response = client.get(article.get_absolute_url(), **READER)
    assert response.status_code == 200
    html = response.content
    page = links(html.decode())
    assert page.stylesheets and page.scripts
    assert "comments/js/comments.js" in " ".join(page.scripts)
    assert html.count(b'class="comment"') + html.count(b'class="comment ') >= 10
    parts = [("HTML", html)] + [(url, static_file(url)) for url in page.stylesheets + page.scripts]
    sizes = [(name, len(content), compressed(content)) for name, content in parts]
    total = sum(size for _name, _raw, size in sizes)
    print("\narticle page weight (bytes, raw -> gzip):")
    for name, raw, size in sizes:
        print(f"  {name:45} {raw:8,} -> {size:7,}")
    print(f"  {'total':45} {'':8}    {total:7,} (budget {BUDGET:,})")
    assert len(html) > 40_000, "the page is not a realistic one"
    assert total < BUDGET


def public_pages(article):
    tag = article.tags.first()
    return [
        reverse("articles:home"),
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        reverse("articles:print", args=[article.slug]),
        tag.get_absolute_url(),
        reverse("articles:search") + "?q=phuong",
    ]


def is_eager(image):
    """Not lazy, leaving out the header's small emblem, which is always on the screen."""
    return image.get("loading") != "lazy" and "brand__emblem" not in image.get("class", "")


def test_pictures_have_a_size_and_load_lazily_except_the_first_one(client):
    article = realistic_article()
    for path in public_pages(article):
        response = client.get(path, **READER)
        assert response.status_code == 200, path
        images = links(response.content.decode()).images
        assert len(images) > 1, f"{path} has no pictures to check"
        for image in images:
            assert image.get("width", "").isdigit(), (path, image)
            assert image.get("height", "").isdigit(), (path, image)
        eager = [image for image in images if is_eager(image)]
        assert len(eager) <= 1, (path, eager)
        assert all(image.get("fetchpriority") == "high" for image in eager), (path, eager)
