"""The portal-wide search finds pages too, labelled "Trang", without minding diacritics."""

import pytest
from django.test import Client
from django.urls import reverse

from pages.models import Page
from tests.factories import make_article, make_category
from tests.pages.helpers import make_page

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")


def results(html):
    return html.split('class="search-others"', 1)[1].split("</div>\n</div>", 1)[0]


def test_a_page_is_found_and_labelled_as_a_page(client):
    page = make_page("Lịch sử hình thành", body="<p>Làng Phù Vân có nghề chạm khắc đá.</p>")
    html = client.get(SEARCH, {"q": "chạm khắc"}).content.decode()
    found = results(html)
    assert f'href="{page.get_absolute_url()}"' in found
    assert '<span class="card__kind">Trang</span>' in found
    assert "<mark>chạm</mark> <mark>khắc</mark>" in found


def test_diacritics_and_case_do_not_matter(client):
    page = make_page("Chức năng, nhiệm vụ của Ủy ban")
    for query in ("chuc nang", "CHỨC NĂNG", "uy ban"):
        html = client.get(SEARCH, {"q": query}).content.decode()
        assert page.get_absolute_url() in html, query


def test_pages_come_beside_articles_and_title_matches_first(client):
    make_article(title="Phù Vân ra quân vệ sinh môi trường")
    in_text = make_page("Giới thiệu chung", body="<p>Phường Phù Vân nằm bên sông.</p>")
    in_title = make_page("Lịch sử Phù Vân", order=5)
    response = client.get(SEARCH, {"q": "phu van"})
    [(_label, found)] = response.context["others"]
    assert [item["result"].url for item in found] == [
        in_title.get_absolute_url(),
        in_text.get_absolute_url(),
    ]
    assert len(response.context["articles"]) == 1


def test_a_page_found_while_no_article_is_still_shown_without_similar_titles(client):
    page = make_page("Cơ cấu tổ chức")
    response = client.get(SEARCH, {"q": "co cau"})
    assert response.context["articles"] == []
    assert page.get_absolute_url() in response.content.decode()


def test_drafts_and_other_sites_pages_are_not_found(client, other_site):
    make_page("Lịch sử bản nháp", status=Page.Status.DRAFT)
    make_page("Lịch sử của xã", site=other_site)
    response = client.get(SEARCH, {"q": "lich su"})
    assert not response.context["others"]


def test_filters_only_articles_have_leave_pages_out(client):
    category = make_category("Tin tức")
    make_page("Lịch sử hình thành")
    response = client.get(SEARCH, {"q": "lich su", "category": category.slug})
    assert not response.context["others"]


def test_the_cached_search_page_finds_a_new_page_at_once(committed):
    reader = Client(REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Mozilla/5.0 Chrome/126.0")
    with committed():
        make_page("Giới thiệu chung", slug="gioi-thieu-chung")
    assert reader.get(SEARCH, {"q": "truyen thong"})["X-Page-Cache"] == "miss"
    assert reader.get(SEARCH, {"q": "truyen thong"})["X-Page-Cache"] == "hit"
    with committed():
        make_page("Truyền thống cách mạng", slug="truyen-thong")
    response = reader.get(SEARCH, {"q": "truyen thong"})
    assert "/trang/truyen-thong/" in response.content.decode()


def test_search_query_count_with_pages(client, django_assert_num_queries):
    for n in range(8):
        make_page(f"Phù Vân trang {n}", slug=f"trang-{n}")
        make_article(title=f"Phù Vân {n}")
    client.get(SEARCH, {"q": "phu"})  # warm the navigation and sidebar caches
    # Articles: the capped count, the tiers' counts, the page's rows; then the pages and the
    # questions (questions/search.py), one query each.
    with django_assert_num_queries(5):
        response = client.get(SEARCH, {"q": "phu van"})
    assert len(response.context["others"][0][1]) == 5
