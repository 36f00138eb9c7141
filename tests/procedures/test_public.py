"""The procedures list (search without diacritics, by code, filters, pages) and a procedure's
page with every part, its forms and the national portal's button."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.attachments import check_upload, store_attachment
from procedures.models import Procedure, ProcedureForm
from tests.library.documents import pdf_bytes
from tests.library.documents import upload_of as document_upload

from .helpers import make_procedure, make_sector

pytestmark = pytest.mark.django_db
LIST = "/thu-tuc-hanh-chinh/"


@pytest.fixture
def procedures():
    civil = make_sector("Hộ tịch")
    certify = make_sector("Chứng thực")
    return [
        make_procedure("Đăng ký khai sinh", "1.001193", sector=civil),
        make_procedure("Đăng ký kết hôn", "1.000894", sector=civil, level="partial"),
        make_procedure("Chứng thực chữ ký", "2.000884", sector=certify, level="information"),
        make_procedure("Đăng ký khai tử (nháp)", "1.000656", sector=civil, status="draft"),
    ]


def names(response):
    return [procedure.name for procedure in response.context["procedures"]]


def test_the_list_shows_published_procedures_by_name(client, procedures):
    response = client.get(LIST)
    assert response.status_code == 200
    assert names(response) == ["Chứng thực chữ ký", "Đăng ký kết hôn", "Đăng ký khai sinh"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dang ky khai sinh", ["Đăng ký khai sinh"]),
        ("ĐĂNG KÝ KẾT", ["Đăng ký kết hôn"]),
        ("chung thuc", ["Chứng thực chữ ký"]),
        ("1.001193", ["Đăng ký khai sinh"]),
        ("2.000", ["Chứng thực chữ ký"]),
        ("khai tu", []),
        ("ket hon khai sinh", []),
    ],
)
def test_search_ignores_diacritics_and_finds_codes(client, procedures, query, expected):
    assert names(client.get(LIST, {"q": query})) == expected


def test_filters_by_field_and_level(client, procedures):
    civil = procedures[0].sector
    assert names(client.get(LIST, {"linh-vuc": civil.slug})) == [
        "Đăng ký kết hôn",
        "Đăng ký khai sinh",
    ]
    assert names(client.get(LIST, {"linh-vuc": civil.slug, "muc-do": "full"})) == [
        "Đăng ký khai sinh"
    ]
    assert names(client.get(LIST, {"muc-do": "information"})) == ["Chứng thực chữ ký"]
    everything = client.get(LIST, {"linh-vuc": "khong-co", "muc-do": "<script>"})
    assert everything.status_code == 200 and len(names(everything)) == 3


def test_pages_keep_the_filters(client):
    sector = make_sector("Chứng thực")
    for n in range(25):
        make_procedure(f"Chứng thực bản sao số {n:02d}", f"2.{n:06d}", sector=sector)
    response = client.get(LIST, {"q": "ban sao", "page": 2})
    assert len(names(response)) == 5
    html = client.get(LIST, {"q": "ban sao"}).content.decode()
    assert "?q=ban+sao&amp;page=2" in html
    assert client.get(LIST, {"page": 9}).status_code == 404


def rendering_queries(client, url, **params):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_the_list_takes_the_same_few_queries_for_any_number_of_rows(client, procedures):
    few = rendering_queries(client, LIST, q="dang ky")
    for n in range(20):
        make_procedure(f"Đăng ký số {n}", f"9.{n:06d}", sector=make_sector(f"Lĩnh vực {n}"))
    # The layout's (menus, sidebar, statistics: 11) and the list's: fields, count, page, and
    # the next scheduled article.
    assert rendering_queries(client, LIST, q="dang ky") == few <= 17


def test_a_procedure_page_shows_every_part(client, procedures, django_assert_max_num_queries):
    procedure = procedures[0]
    procedure.submission_place = "Bộ phận Một cửa"
    procedure.steps = "<p>Bước 1: nộp hồ sơ.</p><script>alert(1)</script>"
    procedure.papers = "<ul><li><p>Tờ khai đăng ký khai sinh</p></li></ul>"
    procedure.time_limit = "Ngay trong ngày"
    procedure.fees = "Miễn lệ phí"
    procedure.applicants = "Cha, mẹ của trẻ"
    procedure.result = "Giấy khai sinh"
    procedure.legal_basis = "Luật Hộ tịch năm 2014"
    procedure.national_url = "https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.001193"
    procedure.save()
    attachment, _created = store_attachment(
        check_upload(document_upload(pdf_bytes("to khai"), "to-khai.pdf")),
        site=procedure.site,
        title="Tờ khai",
    )
    ProcedureForm.objects.create(procedure=procedure, attachment=attachment, title="Mẫu tờ khai")
    ProcedureForm.objects.create(procedure=procedure, attachment=attachment, position=2)
    cache.clear()
    # The layout's 13 (the poll block's 2 included), the procedure, its forms with their
    # documents, the documents it rests on, the next article due.
    with django_assert_max_num_queries(17):
        response = client.get(procedure.get_absolute_url())
    html = response.content.decode()
    for text in [
        "Bộ phận Một cửa",
        "Bước 1: nộp hồ sơ.",
        "Tờ khai đăng ký khai sinh",
        "Ngay trong ngày",
        "Miễn lệ phí",
        "Cha, mẹ của trẻ",
        "Giấy khai sinh",
        "Luật Hộ tịch năm 2014",
        "1.001193",
        "Mẫu tờ khai",
        attachment.get_absolute_url(),
        'href="https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.001193"',
    ]:
        assert text in html, text
    assert "<script>alert" not in html


def test_drafts_are_hidden_from_readers(client, procedures):
    draft = procedures[3]
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/thu-tuc-hanh-chinh/khong-co/").status_code == 404


def test_a_change_shows_at_once_on_the_cached_pages(client, procedures, committed):
    procedure = procedures[0]
    url = procedure.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(LIST)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    with committed():
        procedure.fees = "50.000 đồng"
        procedure.save()
    assert "50.000 đồng" in client.get(url).content.decode()
    with committed():
        Procedure.objects.get(pk=procedure.pk).delete()
    assert "Đăng ký khai sinh" not in client.get(LIST).content.decode()
    assert client.get(url).status_code == 404


def test_the_national_portal_address_must_be_http(procedures):
    from django.core.exceptions import ValidationError

    procedure = procedures[0]
    procedure.national_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        procedure.full_clean()


def test_portal_search_and_sitemap_list_procedures(client, procedures):
    html = client.get("/tim-kiem/", {"q": "dang ky khai sinh"}).content.decode()
    assert "Thủ tục hành chính" in html and procedures[0].get_absolute_url() in html
    sitemap = client.get("/sitemap-procedures.xml").content.decode()
    assert procedures[0].get_absolute_url() in sitemap and LIST in sitemap
    assert procedures[3].get_absolute_url() not in sitemap
