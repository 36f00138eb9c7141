"""Importing procedures from a spreadsheet in the admin: the preview (new, changed with old ->
new, unchanged, errors per row), "Áp dụng" in one go, CSV and XLSX, files refused with a
Vietnamese message (never a 500), and the preview bound to its site, user and token."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from procedures.admin_import import SESSION_KEY
from procedures.models import Procedure
from sectors.models import Sector
from tests.library.documents import pdf_bytes
from tests.tenancy.conftest import OTHER_HOST

from .helpers import HEADERS, csv_upload, make_procedure, make_sector, xlsx_bytes, xlsx_upload

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:procedures_procedure_import")
APPLY = reverse("admin:procedures_procedure_apply")
URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
ROWS = [
    ["1.001193", "Đăng ký khai sinh", "Hộ tịch", "Toàn trình", "Bộ phận Một cửa",
     "Bước 1: nộp hồ sơ.\nBước 2: nhận kết quả.", "Ngay trong ngày", "Miễn lệ phí",
     "Tờ khai.\nGiấy chứng sinh.", "Cha, mẹ", "Giấy khai sinh", "Luật Hộ tịch 2014",
     URL + "1.001193"],
    ["1.000894", "Đăng ký kết hôn", "Hộ tịch", "Một phần", "", "", "Ngay trong ngày",
     "Miễn lệ phí", "", "", "", "", URL + "1.000894"],
    ["", "Hỗ trợ chi phí mai táng", "Bảo trợ xã hội", "Chỉ cung cấp thông tin", "", "", "",
     "", "", "", "", "", ""],
]  # fmt: skip


@pytest.fixture
def staff(client, member):
    client.force_login(member("Biên tập viên"))
    return client


def preview(client, upload):
    return client.post(IMPORT, {"file": upload})


def apply(client, response):
    return client.post(APPLY, {"token": response.context["token"]})


def test_the_changelist_links_to_the_import(staff):
    html = staff.get(reverse("admin:procedures_procedure_changelist")).content.decode()
    assert IMPORT in html and "Nhập từ bảng tính" in html


def test_a_csv_is_previewed_then_applied(staff):
    make_sector("Hộ tịch")
    old = make_procedure("Đăng ký kết hôn", "1.000894", level="information", fees="10.000 đồng")
    response = preview(staff, csv_upload(ROWS))
    assert response.status_code == 200
    plan = response.context["plan"]
    assert [entry.name for entry in plan.new] == ["Đăng ký khai sinh", "Hỗ trợ chi phí mai táng"]
    assert [entry.procedure for entry in plan.changed] == [old]
    changes = {label: (before, after) for label, before, after in plan.changed[0].changes}
    assert changes["Phí, lệ phí"] == ("10.000 đồng", "Miễn lệ phí")
    assert changes["Mức độ"] == ("Chỉ cung cấp thông tin", "Dịch vụ công trực tuyến một phần")
    assert plan.new_sectors == ["Bảo trợ xã hội"]
    html = response.content.decode()
    assert "10.000 đồng" in html and "Miễn lệ phí" in html and "Bảo trợ xã hội" in html
    assert Procedure.objects.count() == 1  # nothing saved yet

    applied = apply(staff, response)
    assert applied.status_code == 302
    assert Procedure.objects.count() == 3
    birth = Procedure.objects.get(code="1.001193")
    assert birth.level == "full" and birth.sector.name == "Hộ tịch"
    assert birth.steps == "<p>Bước 1: nộp hồ sơ.</p><p>Bước 2: nhận kết quả.</p>"
    assert birth.status == "published" and birth.slug == "dang-ky-khai-sinh"
    old.refresh_from_db()
    assert old.fees == "Miễn lệ phí" and old.level == "partial"
    assert Sector.objects.filter(name="Bảo trợ xã hội").exists()
    assert SESSION_KEY not in staff.session
    assert apply(staff, response).status_code == 302  # the same preview again: refused
    assert Procedure.objects.count() == 3

    again = preview(staff, csv_upload(ROWS))
    plan = again.context["plan"]
    assert (plan.new, plan.changed, plan.unchanged, plan.errors) == ([], [], 3, [])
    assert "Không có gì thay đổi" in again.content.decode()


def test_an_xlsx_with_headers_without_diacritics_and_numeric_codes(staff):
    headers = ["MA THU TUC", "ten thu tuc", "Linh vuc", "Muc do", "Phi le phi", "Ghi chú"]
    rows = [
        [1.001193, "Dang ky khai sinh", "Hộ tịch", 4, "Miễn", "x"],
        [2.0001, "Chứng thực", "", "", "", ""],
    ]
    response = preview(staff, xlsx_upload(headers, rows))
    assert response.status_code == 200
    assert [entry.code for entry in response.context["plan"].new] == ["1.001193", "2.000100"]
    assert response.context["sheet"].ignored == ["Ghi chú"]
    apply(staff, response)
    assert Procedure.objects.get(code="1.001193").level == "full"
    assert Procedure.objects.get(code="2.000100").level == "information"
    second = preview(staff, xlsx_upload(headers, rows)).context["plan"]
    assert not second.has_changes and second.unchanged == 2


def test_rows_with_errors_are_listed_and_skipped(staff):
    rows = [
        ["1.001193", "Đăng ký khai sinh", "", "Mức độ 9"],
        ["1.001193", "", "", ""],
        ["abc def", "Thủ tục lạ", "", ""],
        ["", "", "Hộ tịch", "Toàn trình"],
        ["1.000656", "Đăng ký khai tử", "Hộ tịch", "4"],
        ["1.000656", "Đăng ký khai tử lần hai", "", ""],
    ]
    headers = HEADERS[:4]
    response = preview(staff, csv_upload(rows, headers=headers))
    plan = response.context["plan"]
    errors = dict(plan.errors)
    assert "Không rõ mức độ “Mức độ 9”" in errors[2]
    assert "Không có thủ tục nào mang mã “1.001193”" in errors[3]
    assert "“abc def” không phải là mã thủ tục" in errors[4]
    assert "không có tên cũng không có mã" in errors[5]
    assert "đã có ở dòng 6" in errors[7]
    assert [entry.number for entry in plan.new] == [6]
    html = response.content.decode()
    assert "Các dòng có lỗi" in html and "Mức độ 9" in html
    apply(staff, response)
    assert list(Procedure.objects.values_list("code", flat=True)) == ["1.000656"]


def test_a_bad_address_and_a_long_name_are_errors(staff):
    headers = ["Tên thủ tục", "Địa chỉ trên Cổng DVC quốc gia"]
    rows = [["Thủ tục A", "javascript:alert(1)"], ["x" * 501, ""], ["Thủ tục B", URL + "1"]]
    plan = preview(staff, csv_upload(rows, headers=headers)).context["plan"]
    errors = dict(plan.errors)
    assert "không phải là địa chỉ web" in errors[2]
    assert "dài quá 500 ký tự" in errors[3]
    assert [entry.name for entry in plan.new] == ["Thủ tục B"]


def test_rows_without_a_code_match_by_name_ignoring_diacritics(staff):
    known = make_procedure("Hòa giải tranh chấp đất đai", code="", fees="Không")
    rows = [["", "hoa giai tranh chap dat dai", "", "", "", "", "", "Miễn phí"]]
    plan = preview(staff, csv_upload(rows)).context["plan"]
    assert [entry.procedure for entry in plan.changed] == [known]
    assert ("Tên thủ tục", known.name, "hoa giai tranh chap dat dai") in plan.changed[0].changes


BAD_FILES = [
    ("empty", b"", "thu-tuc.csv", "Tệp trống"),
    (
        "not UTF-8",
        "Ten thu tuc\nPhí chứng thực\n".encode("cp1258", "ignore") + b"\xe9",
        "a.csv",
        "UTF-8",
    ),
    ("a PDF named .csv", pdf_bytes(), "thu-tuc.csv", "không phải là tệp CSV"),
    ("binary", b"\x00\x01\x02abc\x00", "thu-tuc.csv", "dữ liệu nhị phân"),
    ("a broken workbook", b"PK\x03\x04" + b"\x00" * 200, "thu-tuc.xlsx", "XLSX) hợp lệ"),
    ("no name column", "Mã,Ghi chú\n1.2,x\n".encode(), "a.csv", "trong đó có cột “Tên thủ tục”"),
    ("headers only", "Tên thủ tục\n".encode(), "a.csv", "không có thủ tục nào bên dưới"),
    ("a column twice", "Tên thủ tục,Ten thu tuc\na,b\n".encode(), "a.csv", "xuất hiện hai lần"),
]


@pytest.mark.parametrize(
    ("case", "data", "name", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_bad_files_are_refused_with_a_vietnamese_message(staff, case, data, name, message):
    response = preview(staff, SimpleUploadedFile(name, data))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert SESSION_KEY not in staff.session


def test_a_zip_that_is_not_a_workbook_and_a_docx_are_refused(staff):
    from tests.library.documents import zip_bytes

    workbook = (
        '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/></Types>'
    )
    laughs = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    for data in [
        zip_bytes({"a.txt": "x"}),
        zip_bytes({"[Content_Types].xml": "<Types/>"}),
        zip_bytes({"[Content_Types].xml": workbook}),  # says workbook, has no sheet
        zip_bytes({"[Content_Types].xml": workbook, "xl/workbook.xml": laughs}),
    ]:
        response = preview(staff, SimpleUploadedFile("thu-tuc.xlsx", data))
        assert response.status_code == 400
        assert "không phải là bảng tính Excel (XLSX) hợp lệ" in response.content.decode()


def test_limits_of_size_and_rows(staff, monkeypatch):
    from procedures import spreadsheet

    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 3)
    rows = [[f"Thủ tục {n}"] for n in range(4)]
    response = preview(staff, csv_upload(rows, headers=["Tên thủ tục"]))
    assert response.status_code == 400 and "hơn 3 dòng" in response.content.decode()
    monkeypatch.setattr(spreadsheet, "MAX_TEXT", 20)
    response = preview(staff, csv_upload([["x" * 15], ["y" * 15]], headers=["Tên thủ tục"]))
    assert response.status_code == 400 and "quá nhiều chữ" in response.content.decode()
    monkeypatch.setattr(spreadsheet, "MAX_BYTES", 100)
    response = preview(staff, csv_upload([["x" * 200]], headers=["Tên thủ tục"]))
    assert response.status_code == 400 and "Tệp quá lớn" in response.content.decode()


def test_the_preview_is_bound_to_the_token_the_site_and_the_user(
    staff, other_site, django_user_model
):
    response = preview(staff, csv_upload(ROWS))
    assert staff.post(APPLY, {"token": "khong-dung"}).status_code == 302
    assert Procedure.objects.count() == 0

    boss = django_user_model.objects.create_superuser("quantri", password="x")
    elsewhere = Client(HTTP_HOST=OTHER_HOST)
    elsewhere.force_login(boss)
    session = elsewhere.session
    session[SESSION_KEY] = staff.session[SESSION_KEY]
    session.save()
    assert elsewhere.post(APPLY, {"token": response.context["token"]}).status_code == 302
    assert Procedure.objects.count() == 0  # another site, another user: nothing applied

    assert apply(staff, response).status_code == 302
    assert Procedure.objects.for_site(other_site).count() == 0
    assert Procedure.objects.count() == 3


def test_apply_takes_post_only_and_the_permission(staff, client, member):
    assert staff.get(APPLY).status_code == 405
    client.force_login(member("Người kiểm duyệt", username="kiemduyet"))
    assert client.get(IMPORT).status_code == 403


def test_the_template_spreadsheets_import_as_one_new_procedure(staff):
    for kind, name in [("xlsx", "mau.xlsx"), ("csv", "mau.csv")]:
        download = staff.get(reverse("admin:procedures_procedure_template", args=[kind]))
        assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
        plan = preview(staff, SimpleUploadedFile(name, download.content)).context["plan"]
        assert [entry.code for entry in plan.new] == ["1.001193"] and not plan.errors
    assert staff.get(IMPORT.rstrip("/") + "/mau.exe").status_code == 404


def test_an_xlsx_helper_is_a_real_workbook():
    assert xlsx_bytes(["Tên thủ tục"], [["a"]]).startswith(b"PK\x03\x04")


def test_the_preview_takes_the_same_queries_for_any_number_of_rows(staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count):
        rows = [[f"9.{n:06d}", f"Thủ tục {n}", f"Lĩnh vực {n}"] for n in range(count)]
        with CaptureQueriesContext(connection) as captured:
            assert preview(staff, csv_upload(rows, headers=HEADERS[:3])).status_code == 200
        return len(captured)

    for n in range(30):
        make_procedure(f"Thủ tục {n}", f"9.{n:06d}", fees="cũ")
    queries(1)  # the session and the permissions, once
    assert queries(3) == queries(60) <= 12
