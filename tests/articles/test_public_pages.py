import json
import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_category, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    government = make_category("Chính quyền", order=1)
    council = make_category("Hội đồng nhân dân", parent=government)
    culture = make_category("Văn hóa - Thể thao", order=2)
    now = timezone.now()
    for n in range(6):
        make_article(
            category=council, title=f"Kỳ họp số {n}", publish_at=now - timedelta(days=n + 1)
        )
        make_article(
            category=culture, title=f"Giải bóng đá số {n}", publish_at=now - timedelta(days=n + 1)
        )
    make_article(category=culture, title="Lễ hội nổi bật", is_featured=True)
    return government, council, culture


def titles(html, css_class):
    return re.findall(rf'class="{css_class}"><a href="[^"]+">([^<]+)</a>', html)


def test_home_shows_featured_then_newest_per_top_category(client, news):
    response = client.get("/")
    html = response.content.decode()
    assert [a.title for a in response.context["featured"]] == ["Lễ hội nổi bật"]
    sections = response.context["sections"]
    assert [category.name for category, _ in sections] == ["Chính quyền", "Văn hóa - Thể thao"]
    assert [a.title for a in sections[0][1]] == [f"Kỳ họp số {n}" for n in range(4)]
    assert "Lễ hội nổi bật" not in [a.title for a in sections[1][1]]
    assert "Tin nổi bật" in html


def test_home_query_count_does_not_grow_with_categories(
    client, news, django_assert_max_num_queries, no_page_cache
):
    client.get("/")
    for n in range(5):
        make_article(category=make_category(f"Chuyên mục thêm {n}"), title=f"Tin thêm {n}")
    client.get("/")
    with django_assert_max_num_queries(4):
        client.get("/")


def test_article_page_parts_and_query_bound(
    client, news, django_assert_max_num_queries, no_page_cache
):
    _government, _council, _culture = news
    article = Article.objects.get(title="Kỳ họp số 2")
    article.tags.add(make_tag(name="Hội đồng nhân dân"), make_tag(name="Kỳ họp"))
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(6):
        response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert [a.title for a in response.context["newer"]] == ["Kỳ họp số 1", "Kỳ họp số 0"]
    assert [a.title for a in response.context["older"]] == [
        "Kỳ họp số 3",
        "Kỳ họp số 4",
        "Kỳ họp số 5",
    ]
    assert "Những tin mới hơn" in html and "Những tin cũ hơn" in html
    assert 'href="/the/hoi-dong-nhan-dan/"' in html
    assert f'href="/bai-viet/{article.slug}/in/"' in html
    assert "facebook.com/sharer" in html
    assert f'<link rel="canonical" href="http://testserver/bai-viet/{article.slug}/">' in html
    assert 'href="/rss/hoi-dong-nhan-dan/"' in html
    assert "Tin xem nhiều" in html


def test_article_json_ld_is_news_article_and_escaped(client):
    article = make_article(title="Tiêu đề </script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["url"] == f"http://testserver{article.get_absolute_url()}"
    assert "<script>alert" not in html


def test_article_query_count_does_not_grow_with_tags(
    client, django_assert_max_num_queries, no_page_cache
):
    article = make_article()
    for n in range(20):
        article.tags.add(make_tag(name=f"Thẻ {n}"))
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(6):
        client.get(article.get_absolute_url())


def test_tag_page_lists_published_articles_with_the_tag(client):
    tag = make_tag(name="Chuyển đổi số")
    shown = make_article(title="Bài có thẻ")
    hidden = make_article(title="Bài nháp có thẻ", status=Article.Status.DRAFT)
    shown.tags.add(tag)
    hidden.tags.add(tag)
    make_article(title="Bài không có thẻ")
    response = client.get(tag.get_absolute_url())
    assert tag.slug == "chuyen-doi-so"
    assert [a.title for a in response.context["articles"]] == ["Bài có thẻ"]
    assert client.get("/the/khong-co/").status_code == 404


def test_category_page_includes_extra_categories(client):
    home, other = make_category("Thông báo"), make_category("Tin tức")
    article = make_article(category=other, title="Bài đăng hai nơi")
    article.extra_categories.add(home)
    response = client.get(home.get_absolute_url())
    assert [a.title for a in response.context["articles"]] == ["Bài đăng hai nơi"]


def test_a_listing_page_finds_its_ids_first_then_reads_those_rows(
    client, no_page_cache, django_assert_max_num_queries
):
    category = make_category("Thông báo")
    now = timezone.now()
    for n in range(12):
        make_article(category, title=f"Thông báo số {n}", publish_at=now - timedelta(hours=n))
    client.get(category.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        page = client.get(category.get_absolute_url(), {"page": 2})
    assert [a.title for a in page.context["articles"]] == ["Thông báo số 10", "Thông báo số 11"]
    sql = [query["sql"] for query in queries.captured_queries]
    ids_query = next(q for q in sql if "OFFSET 10" in q)
    assert ids_query.startswith('SELECT "articles_article"."id" AS "pk" FROM')
    assert not any('"articles_article"."body"' in q for q in sql if "OFFSET" in q)


def test_print_view_has_the_article_without_navigation(client):
    article = make_article(title="Bài để in", author_byline="Minh Đức")
    response = client.get(f"/bai-viet/{article.slug}/in/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bài để in" in html and "Tác giả bài viết" in html
    assert 'class="main-nav"' not in html
    assert '<meta name="robots" content="noindex">' in html


def test_scheduled_article_appears_by_itself(client, settings):
    article = make_article(title="Tin hẹn giờ", publish_at=timezone.now() + timedelta(seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_sidebar_blocks_are_cached_and_refreshed_when_an_article_changes(
    client, django_assert_max_num_queries, no_page_cache, committed
):
    article = make_article(title="Tin cũ")
    client.get("/")
    with django_assert_max_num_queries(4):
        assert "Tin cũ" in client.get("/").content.decode()
    article.title = "Tin đã sửa"
    with committed():
        article.save()
    latest = client.get("/").content.decode()
    assert "Tin đã sửa" in latest and "Tin cũ" not in latest


def test_most_viewed_block_orders_by_views(client):
    make_article(title="Ít người xem", view_count=3)
    make_article(title="Nhiều người xem", view_count=900)
    html = client.get("/").content.decode()
    block = html.split("Tin xem nhiều", 1)[1].split("</section>", 1)[0]
    assert block.index("Nhiều người xem") < block.index("Ít người xem")


def test_feeds_are_valid_rss_with_the_latest_30(client):
    category = make_category("Thông báo")
    for n in range(35):
        make_article(category=category, title=f"Thông báo số {n}")
    make_article(title="Bản nháp", status=Article.Status.DRAFT)
    for url in ["/rss/", f"/rss/{category.slug}/"]:
        response = client.get(url)
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ElementTree.fromstring(response.content).find("channel")
        items = channel.findall("item")
        assert len(items) == 30
        assert "Bản nháp" not in [item.findtext("title") for item in items]
    assert client.get("/rss/khong-co/").status_code == 404


def test_sitemap_and_robots(client):
    article = make_article(title="Bài trong sơ đồ")
    make_article(title="Bài nháp", status=Article.Status.DRAFT)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", namespace)]
    assert "http://testserver/sitemap-articles.xml" in sections
    urls = ElementTree.fromstring(client.get("/sitemap-articles.xml").content)
    locations = [loc.text for loc in urls.findall("s:url/s:loc", namespace)]
    assert locations == [f"http://testserver{article.get_absolute_url()}"]
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots
