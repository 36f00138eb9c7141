"""The public pages: the list with its filters and search, a document's page, print view,
drafts, feed, sitemap, the portal-wide search, and the page cache."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from documents.models import Document
from sectors.models import Sector
from tests.documents.helpers import attach, make_body, make_document, make_type
from tests.factories import first_site, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def listed(client, query=""):
    html = client.get(f"/van-ban/{query}").content.decode()
    return html


def test_a_number_is_found_without_diacritics_or_punctuation(client):
    make_document("123/QĐ-UBND", "Ban hành quy chế làm việc")
    make_document("124/QĐ-UBND", "Kế hoạch khác")
    for query in ("123 qd ubnd", "123/qđ-ubnd", "123/QĐ-UBND", "QD 123"):
        html = listed(client, f"?q={query}")
        assert "Ban hành quy chế làm việc" in html, query
        assert "Kế hoạch khác" not in html, query


def test_words_of_the_abstract_match_without_diacritics(client):
    make_document("1/TB-UBND", "Lịch tiếp dân phường Phù Vân")
    make_document("2/TB-UBND", "Thông báo khác")
    html = listed(client, "?q=phu+van")
    assert "Lịch tiếp dân phường Phù Vân" in html and "Thông báo khác" not in html


def test_an_exact_number_comes_before_a_mention_of_it(client):
    older = make_document("15/QĐ-UBND", "Quy chế", issued_on=date(2020, 1, 1))
    make_document("16/QĐ-UBND", "Sửa đổi Quyết định 15/QĐ-UBND", issued_on=date(2025, 1, 1))
    html = listed(client, "?q=15+qd+ubnd")
    assert html.index(older.get_absolute_url()) < html.index("Sửa đổi Quyết định")


def test_filters(client):
    site = first_site()
    land = Sector.objects.create(site=site, name="Đất đai")
    plan = make_type("Kế hoạch")
    council = make_body("HĐND phường")
    make_document("1/KH-UBND", "Kế hoạch đất", document_type=plan, sector=land)
    make_document("2/NQ-HĐND", "Nghị quyết hội đồng", issuing_body=council)
    make_document("3/QĐ-UBND", "Quyết định cũ", issued_on=date(2019, 5, 1))
    make_document("4/QĐ-UBND", "Văn bản đã bãi bỏ", status=Document.Status.EXPIRED)
    cases = {
        f"?type={plan.slug}": "Kế hoạch đất",
        f"?field={land.slug}": "Kế hoạch đất",
        f"?body={council.pk}": "Nghị quyết hội đồng",
        "?year=2019": "Quyết định cũ",
        "?status=expired": "Văn bản đã bãi bỏ",
    }
    everything = ["Kế hoạch đất", "Nghị quyết hội đồng", "Quyết định cũ", "Văn bản đã bãi bỏ"]
    for query, expected in cases.items():
        html = listed(client, query)
        found = [abstract for abstract in everything if abstract in html]
        assert found == [expected], query


def test_junk_filters_list_everything_rather_than_fail(client):
    make_document()
    response = client.get("/van-ban/?type=khong-co&year=abc&status=x&body=zz&page=99")
    assert response.status_code in (200, 404)
    response = client.get("/van-ban/?type=khong-co&year=abc&status=x&body=zz")
    assert response.status_code == 200
    assert "Ban hành quy chế phường Phù Vân" in response.content.decode()


# years, types, bodies, fields of work (the filters); count and page of documents.
QUERIES_OF_THE_LIST = 6


def test_the_list_is_paginated_in_a_fixed_number_of_queries(client, django_assert_num_queries):
    for n in range(25):
        make_document(f"{n}/QĐ-UBND", f"Văn bản số {n}")
    client.get("/")  # the site's menus, blocks and figures are cached from then on
    with django_assert_num_queries(QUERIES_OF_THE_LIST):
        html = client.get("/van-ban/?q=qd+ubnd").content.decode()
    assert "Trang 1 / 2" in html
    assert client.get("/van-ban/?page=2").status_code == 200


def test_a_documents_page_shows_every_field_files_and_links(client, django_assert_max_num_queries):
    land = Sector.objects.create(site=first_site(), name="Đất đai")
    old = make_document("1/QĐ-UBND", "Quy chế cũ")
    amended = make_document("2/KH-UBND", "Kế hoạch được sửa")
    document = make_document(
        "3/QĐ-UBND",
        "Quy chế mới",
        signer="Nguyễn Văn Hùng",
        sector=land,
        effective_on=date(2025, 4, 1),
    )
    document.replaces.add(old)
    document.amends.add(amended)
    attach(document, "Quyết định 3.pdf")
    article = make_article(title="Phường ban hành quy chế mới")
    document.related_articles.add(article)
    client.get("/")
    with django_assert_max_num_queries(12):
        html = client.get(document.get_absolute_url()).content.decode()
    for text in (
        "3/QĐ-UBND",
        "Quy chế mới",
        "Nguyễn Văn Hùng",
        "Đất đai",
        "15/03/2025",
        "01/04/2025",
        "Quyết định 3.pdf",
        "PDF",
        "/tep-dinh-kem/",
        old.get_absolute_url(),
        amended.get_absolute_url(),
        article.get_absolute_url(),
    ):
        assert text in html, text
    old_html = client.get(old.get_absolute_url()).content.decode()
    assert document.get_absolute_url() in old_html
    assert document.get_absolute_url() in client.get(amended.get_absolute_url()).content.decode()
    printed = client.get(document.get_absolute_url() + "in/").content.decode()
    assert "Quy chế mới" in printed and "Quyết định 3.pdf" in printed


def test_an_unpublished_document_is_not_found(client):
    draft = make_document(is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.abstract not in listed(client)


def test_drafts_show_their_deadline_open_ones_first(client):
    now = timezone.now()
    closed = make_document("", "Dự thảo đã đóng", opinion_until=now - timedelta(days=2))
    still_open = make_document("", "Dự thảo đang mở", opinion_until=now + timedelta(days=5))
    make_document("9/QĐ-UBND", "Văn bản thường")
    html = client.get("/van-ban/du-thao/").content.decode()
    assert html.index("Dự thảo đang mở") < html.index("Dự thảo đã đóng")
    assert "Văn bản thường" not in html
    assert "Dự thảo đang mở" not in listed(client)
    open_html = client.get(still_open.get_absolute_url()).content.decode()
    assert "Hạn góp ý" in open_html
    closed_html = client.get(closed.get_absolute_url()).content.decode()
    assert "Đã hết hạn góp ý" in closed_html


def test_feed_sitemap_and_portal_search(client):
    document = make_document("77/QĐ-UBND", "Quy định về trật tự đô thị")
    feed = client.get("/van-ban/rss/").content.decode()
    assert "77/QĐ-UBND" in feed and document.get_absolute_url() in feed
    sitemap = client.get("/sitemap-documents.xml").content.decode()
    assert document.get_absolute_url() in sitemap
    search = client.get("/tim-kiem/?q=77+qd+ubnd").content.decode()
    assert document.get_absolute_url() in search


def test_a_change_shows_at_once_on_cached_pages(django_capture_on_commit_callbacks):
    reader = Client()
    document = make_document("5/QĐ-UBND", "Tên ban đầu")
    assert "Tên ban đầu" in reader.get("/van-ban/").content.decode()
    assert reader.get("/van-ban/").get("X-Page-Cache") != "miss"
    document.abstract = "Tên đã sửa"
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert "Tên đã sửa" in reader.get("/van-ban/").content.decode()
    assert "Tên đã sửa" in reader.get(document.get_absolute_url()).content.decode()


def test_a_long_list_counts_up_to_a_cap(client, monkeypatch):
    from documents.views import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "MAX_RESULTS", 3)
    for n in range(5):
        make_document(f"{n}/QĐ-UBND", f"Quy chế phường Phù Vân số {n}")
    html = listed(client, "?q=phu+van")
    assert "Hơn 3 văn bản" in html
