"""What a page tells search engines and social networks: canonical address, Open Graph,
Twitter card, feeds, structured data, sitemap."""

import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.views import PAGE_SIZE
from tests.factories import make_article, make_category, make_tag

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


class Head(HTMLParser):
    """The <meta> properties and names, and the <link>s, of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and "content" in attributes:
            key = attributes.get("property") or attributes.get("name")
            self.meta.setdefault(key, []).append(attributes["content"])
        elif tag == "link":
            self.links.append(attributes)

    def link(self, rel, **attributes):
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and all(link.get(k) == v for k, v in attributes.items())
        ]


def head(response):
    parser = Head()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def category(no_page_cache):
    category = make_category("Thông báo", description="Thông báo của Ủy ban nhân dân phường.")
    for number in range(PAGE_SIZE + 1):
        make_article(category, title=f"Thông báo số {number}", slug=f"thong-bao-{number}")
    return category


def test_a_listings_later_pages_name_themselves_as_canonical(client, category):
    url = category.get_absolute_url()
    first, second = head(client.get(url)), head(client.get(url, {"page": 2}))
    assert first.link("canonical") == [f"http://testserver{url}"]
    assert second.link("canonical") == [f"http://testserver{url}?page=2"]
    assert second.meta["og:url"] == [f"http://testserver{url}?page=2"]


def test_a_search_page_names_its_query_and_page_as_canonical(client, category):
    page = head(client.get("/tim-kiem/", {"q": "thong bao", "page": 2}))
    assert page.link("canonical") == ["http://testserver/tim-kiem/?q=thong+bao&page=2"]


@pytest.mark.parametrize("address", ["/khong-co-trang-nay/", "/chuyen-muc/khong-co/"])
def test_error_pages_name_no_canonical_nor_open_graph_address(address):
    page = head(Client().get(address))
    assert page.link("canonical") == []
    assert "og:url" not in page.meta
    assert page.meta["robots"] == ["noindex"]


def test_home_category_tag_and_search_have_open_graph_and_a_twitter_card(client, category):
    tag = make_tag(name="Chuyển đổi số")
    tag.articles.add(*category.articles.all())
    pages = {
        "/": ("Cổng thông tin", None),
        category.get_absolute_url(): ("Thông báo", "Thông báo của Ủy ban nhân dân phường."),
        tag.get_absolute_url(): ("Chuyển đổi số", None),
        "/tim-kiem/?q=thong+bao": ("thong bao", None),
    }
    for address, (title, description) in pages.items():
        meta = head(client.get(address)).meta
        assert meta["og:type"] == ["website"], address
        assert title in meta["og:title"][0], address
        assert meta["og:url"] == [f"http://testserver{address}"], address
        assert meta["og:description"][0], address
        if description:
            assert meta["og:description"] == [description]
        assert meta["og:locale"] == ["vi_VN"], address
        assert meta["twitter:card"] == ["summary"], address


def test_og_locale_follows_the_language(client, category):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert head(client.get("/")).meta["og:locale"] == ["en_US"]
    article = category.articles.first()
    assert head(client.get(article.get_absolute_url())).meta["og:locale"] == ["en_US"]


def test_an_article_with_a_picture_has_a_large_twitter_card(client, no_page_cache):
    cover = SimpleUploadedFile("anh.gif", PIXEL, content_type="image/gif")
    with_picture = make_article(title="Có ảnh", slug="co-anh", cover_image=cover)
    without = make_article(title="Không ảnh", slug="khong-anh")
    large = head(client.get(with_picture.get_absolute_url())).meta
    assert large["twitter:card"] == ["summary_large_image"]
    assert large["og:type"] == ["article"]
    assert len(large["og:title"]) == 1
    assert head(client.get(without.get_absolute_url())).meta["twitter:card"] == ["summary"]


def test_a_category_page_links_its_own_feed(client, category):
    page = head(client.get(category.get_absolute_url()))
    feeds = page.link("alternate", type="application/rss+xml")
    assert f"/rss/{category.slug}/" in feeds
    assert client.get(f"/rss/{category.slug}/").status_code == 200


def test_news_article_publisher_has_the_sites_logo(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    logo = json.loads(block)["publisher"]["logo"]
    assert logo["@type"] == "ImageObject"
    assert re.fullmatch(r"http://testserver/static/portal/img/emblem[.\w]*\.svg", logo["url"])


def test_the_sitemap_lists_tags_with_a_published_article(client):
    article = make_article()
    used, _unused, draft_only = (make_tag(name=n) for n in ("Dùng", "Không", "Nháp"))
    article.tags.add(used)
    make_article(title="Nháp", slug="nhap", status="draft").tags.add(draft_only)
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP)]
    assert "http://testserver/sitemap-tags.xml" in sections
    tags = ElementTree.fromstring(client.get("/sitemap-tags.xml").content)
    locations = [loc.text for loc in tags.findall("s:url/s:loc", SITEMAP)]
    assert locations == [f"http://testserver{used.get_absolute_url()}"]
