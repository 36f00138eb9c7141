"""The public pages: a page with its breadcrumb and sub-pages, the index, the print view."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from pages.models import Page
from tests.pages.helpers import about_tree, make_page

pytestmark = pytest.mark.django_db


def structured_data(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


def test_a_page_shows_its_breadcrumb_body_and_sub_pages_in_order(client):
    root, first, second, _grandchild = about_tree()
    response = client.get(root.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="article__title">Giới thiệu</h1>' in html
    assert "Nội dung trang Giới thiệu." in html
    subpages = re.search(r'<nav class="subpages".*?</nav>', html, re.S)[0]
    assert subpages.index(first.title) < subpages.index(second.title)
    assert "Thời kỳ đổi mới" not in subpages  # a grandchild is listed on its own parent


def test_the_breadcrumb_leads_through_the_ancestors_with_structured_data(client):
    root, _first, second, grandchild = about_tree()
    html = client.get(grandchild.get_absolute_url()).content.decode()
    crumbs = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S)[0]
    assert re.findall(r'href="([^"]+)"', crumbs) == [
        "/",
        root.get_absolute_url(),
        second.get_absolute_url(),
    ]
    assert '<span aria-current="page">Thời kỳ đổi mới</span>' in crumbs
    data = structured_data(html)
    assert data["@type"] == "BreadcrumbList"
    assert [item["name"] for item in data["itemListElement"]][1:] == [
        "Giới thiệu",
        "Lịch sử hình thành",
        "Thời kỳ đổi mới",
    ]
    assert data["itemListElement"][-1]["item"] == "http://testserver/trang/thoi-ky-doi-moi/"


def test_canonical_link_title_and_meta_description(client):
    page = make_page(
        "Chức năng, nhiệm vụ",
        seo_title="Chức năng của UBND phường",
        seo_description="Nhiệm vụ và quyền hạn của Ủy ban nhân dân phường.",
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<link rel="canonical" href="http://testserver/trang/chuc-nang-nhiem-vu/">' in html
    assert "<title>Chức năng của UBND phường - " in html
    assert (
        '<meta name="description" content="Nhiệm vụ và quyền hạn của Ủy ban nhân dân phường.">'
        in html
    )


def test_without_a_description_the_beginning_of_the_text_describes_the_page(client):
    page = make_page("Lịch sử", body="<p>Vùng đất <strong>Phù Vân</strong> có lịch sử lâu đời.</p>")
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<meta name="description" content="Vùng đất Phù Vân có lịch sử lâu đời.">' in html


def test_drafts_scheduled_pages_and_pages_under_drafts_are_404(client):
    draft = make_page("Bản nháp", status=Page.Status.DRAFT)
    child = make_page("Con của bản nháp", parent=draft)
    scheduled = make_page("Sắp đăng", publish_at=timezone.now() + timedelta(days=1))
    for page in (draft, child, scheduled):
        assert client.get(page.get_absolute_url()).status_code == 404
        assert client.get(page.get_absolute_url() + "in/").status_code == 404


def test_staff_who_may_view_pages_preview_a_draft(client, member):
    draft = make_page("Bản nháp", status=Page.Status.DRAFT)
    client.force_login(member("Biên tập viên"))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="robots" content="noindex"' in html
    assert "message--warning" in html


def test_a_page_of_another_site_is_404(client, other_site):
    page = make_page("Trang của xã", site=other_site, slug="trang-cua-xa")
    assert client.get(page.get_absolute_url()).status_code == 404
    assert client.get(page.get_absolute_url(), HTTP_HOST=other_site.primary_host).status_code == 200


def test_the_index_lists_top_level_pages_with_their_sub_pages(client):
    root, first, second, grandchild = about_tree()
    make_page("Bản nháp", status=Page.Status.DRAFT)
    response = client.get("/trang/")
    html = response.content.decode()
    assert [page.title for page in response.context["pages"]] == ["Giới thiệu"]
    for page in (root, first, second):
        assert f'href="{page.get_absolute_url()}"' in html
    assert grandchild.title not in html and "Bản nháp" not in html


def test_the_print_view_shows_the_page_alone(client):
    page = make_page("Cơ cấu tổ chức", body='<p>Sơ đồ <a href="/to-chuc/">tổ chức</a>.</p>')
    response = client.get(page.get_absolute_url() + "in/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="print__button"' in html
    assert re.search(r'<a href="/to-chuc/"[^>]*>tổ chức</a>', html)
    assert "site-header" not in html
    assert f'<link rel="canonical" href="http://testserver{page.get_absolute_url()}">' in html


def test_page_query_count_does_not_grow_with_sub_pages_or_depth(
    client, no_page_cache, django_assert_num_queries
):
    """The page, its ancestors, its sub-pages, the next scheduled page (the sidebar and the
    navigation come from their cache, warmed by the first request)."""
    _root, _first, second, grandchild = about_tree()
    for n in range(8):
        make_page(f"Mục {n}", parent=second, order=n + 2)
    client.get(grandchild.get_absolute_url())
    for page in (grandchild, second):
        with django_assert_num_queries(4):
            client.get(page.get_absolute_url())
    with django_assert_num_queries(3):
        client.get("/trang/")
    with django_assert_num_queries(1):
        client.get(second.get_absolute_url() + "in/")
