"""The text of attachments: read from real PDF, DOCX, XLSX, ODT and ODS files when they are
stored, exactly and in NFC; hostile files (encrypted, truncated, zip bombs, entities) give no
text but never refuse an upload; caps and a time budget; the command for older attachments."""

import io
import re
import time
import unicodedata
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from library import extraction
from library.attachments import check_upload, store_attachment
from library.extraction import clean, extract_text
from library.models import Attachment
from tenancy.services import add_site
from tests.factories import first_site
from tests.library.documents import (
    DECISION,
    DOCUMENTS,
    bomb_docx,
    declaring_docx,
    pdf_bytes,
    real_docx,
    real_odf,
    real_pdf,
    real_xlsx,
    upload_of,
)
from tests.library.test_attachments import BROWSER, post_document

pytestmark = pytest.mark.django_db

OTHER_HOST = "ninhhai.example.gov.vn"


def text_of(data, kind):
    return extract_text(io.BytesIO(data), kind)


def stored(data, name="van-ban.pdf", site=None, title=""):
    document = check_upload(upload_of(data, name))
    return store_attachment(document, site=site or first_site(), title=title)[0]


@pytest.fixture
def editor_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_an_uploaded_pdf_keeps_its_vietnamese_text_exactly(editor_client):
    data = real_pdf(DECISION, "Điều 2. Giao Văn phòng HĐND và UBND phường tổ chức thực hiện.")
    response = post_document(editor_client, data, name="qd-15.pdf")
    assert response.status_code == 201
    text = Attachment.objects.get().text
    assert text == (f"{DECISION} Điều 2. Giao Văn phòng HĐND và UBND phường tổ chức thực hiện.")
    assert unicodedata.is_normalized("NFC", text)


def test_a_docx_gives_its_paragraphs_tables_and_header_in_order():
    table = [["STT", "Thủ tục"], ["1", "Đăng ký khai sinh"], ["2", "Chứng thực bản sao"]]
    data = real_docx(["Mở đầu", DECISION, "Phụ lục:"], table=table, header="UBND PHƯỜNG PHÙ VÂN")
    assert text_of(data, "docx") == (
        f"Mở đầu {DECISION} Phụ lục: STT Thủ tục 1 Đăng ký khai sinh 2 Chứng thực bản sao "
        "UBND PHƯỜNG PHÙ VÂN"
    )


def test_an_xlsx_gives_its_values_of_every_sheet():
    rows = [["Họ và tên", "Năm sinh", None, "Ghi chú"], ["Trần Thị Hoa", 1983, None, ""]]
    assert text_of(real_xlsx(rows, sheets=2), "xlsx") == (
        "Họ và tên Năm sinh Ghi chú Trần Thị Hoa 1983 Họ và tên Năm sinh Ghi chú Trần Thị Hoa 1983"
    )


def test_an_odt_gives_its_headings_and_paragraphs_with_their_spaces():
    body = (
        "<office:text><text:h>Thông báo</text:h>"
        f"<text:p>{unicodedata.normalize('NFD', DECISION)}</text:p>"
        "<text:p>Lịch<text:s/>tiếp<text:tab/>dân: <text:span>thứ Hai</text:span>.</text:p>"
        "</office:text>"
    )
    assert text_of(real_odf("odt", body), "odt") == (
        f"Thông báo {DECISION} Lịch tiếp dân: thứ Hai."
    )


def test_an_ods_gives_its_cells():
    body = (
        "<office:spreadsheet><table:table><table:table-row>"
        "<table:table-cell><text:p>Phường</text:p></table:table-cell>"
        "<table:table-cell><text:p>Phù Vân</text:p></table:table-cell>"
        "</table:table-row></table:table></office:spreadsheet>"
    )
    assert text_of(real_odf("ods", body), "ods") == "Phường Phù Vân"


def test_an_external_entity_of_an_odt_is_never_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ-MẬT-CỦA-MÁY-CHỦ")
    doctype = f'<!DOCTYPE d [<!ENTITY file SYSTEM "file://{secret}">]>'
    body = "<office:text><text:p>Trước &file; sau</text:p></office:text>"
    assert text_of(real_odf("odt", body, doctype=doctype), "odt") == "Trước sau"


def test_an_odt_of_a_billion_laughs_gives_no_text_quickly(caplog):
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "haha"}">' for n in range(9))
    body = "<office:text><text:p>Trước &l8; sau</text:p></office:text>"
    started = time.monotonic()
    assert text_of(real_odf("odt", body, doctype=f"<!DOCTYPE d [{laughs}]>"), "odt") == ""
    assert time.monotonic() - started < 1
    assert "No text read from this ODT file" in caplog.text


@pytest.mark.parametrize("kind", ["doc", "xls"])
def test_legacy_office_files_give_no_text_but_are_kept(editor_client, kind):
    response = post_document(editor_client, DOCUMENTS[kind](), name=f"cu.{kind}")
    assert response.status_code == 201
    assert Attachment.objects.get().text == ""


def test_an_encrypted_pdf_is_kept_without_text(editor_client, caplog):
    data = real_pdf("Nội dung mật", user_password="mat-khau")
    response = post_document(editor_client, data, name="mat.pdf")
    assert response.status_code == 201
    assert Attachment.objects.get().text == ""
    assert "encrypted PDF" in caplog.text


def test_a_pdf_encrypted_only_against_changes_gives_its_text():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica")
    pdf.set_encryption(owner_password="chu-so-huu")
    pdf.cell(text="Ke hoach nam 2025")
    assert text_of(bytes(pdf.output()), "pdf") == "Ke hoach nam 2025"


@pytest.mark.parametrize("data", [real_pdf()[:4000], pdf_bytes(), b"%PDF-1.7\n" + b"\xff" * 900])
def test_a_broken_pdf_is_kept_without_text_and_logged(editor_client, caplog, data):
    response = post_document(editor_client, data, name="hong.pdf")
    assert response.status_code == 201
    assert Attachment.objects.get().text == ""
    assert "No text read from this PDF file" in caplog.text


@pytest.mark.parametrize("make", [bomb_docx, declaring_docx])
def test_a_zip_bomb_is_refused_before_any_member_is_read(editor_client, monkeypatch, make, caplog):
    data = make()
    assert len(data) < 200_000
    opened = []
    monkeypatch.setattr("docx.Document", lambda *args: opened.append(args))
    started = time.monotonic()
    response = post_document(editor_client, data, name="bom.docx")
    assert time.monotonic() - started < 2
    assert response.status_code == 201
    assert Attachment.objects.get().text == ""
    assert opened == []
    assert "The text of this DOCX file was not read" in caplog.text


def test_an_extraction_that_fails_in_any_way_keeps_the_upload(editor_client, monkeypatch):
    def explode(file):
        yield "Một phần"
        raise MemoryError

    monkeypatch.setitem(extraction.EXTRACTORS, "pdf", explode)
    assert post_document(editor_client, real_pdf()).status_code == 201
    assert Attachment.objects.get().text == ""


# Caps


def test_the_text_is_capped(settings):
    settings.PORTAL_ATTACHMENT_TEXT_MAX_CHARS = 40
    text = text_of(real_pdf(DECISION, "Trang hai"), "pdf")
    assert text == DECISION[:40].rstrip()


def test_pages_rows_and_time_are_capped(monkeypatch, settings):
    pages = real_pdf("Trang một", "Trang hai", "Trang ba")
    monkeypatch.setattr(extraction, "MAX_PAGES", 2)
    assert text_of(pages, "pdf") == "Trang một Trang hai"
    monkeypatch.setattr(extraction, "MAX_ROWS", 2)
    assert text_of(real_xlsx([["a"], ["b"], ["c"]]), "xlsx") == "a b"
    monkeypatch.setattr(extraction, "MAX_CELLS", 3)
    assert text_of(real_xlsx([["a", "b"], ["c", "d"], ["e", "f"]]), "xlsx") == "a b c d"
    settings.PORTAL_ATTACHMENT_TEXT_SECONDS = 0
    assert text_of(pages, "pdf") == "Trang một"


def test_a_sheet_declaring_every_row_and_column_stops_at_the_cell_cap():
    source, patched = zipfile.ZipFile(io.BytesIO(real_xlsx([["a"], ["b"]]))), io.BytesIO()
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', body)
                body = body.replace(b'<row r="2"', b'<row r="1048576"')
            target.writestr(info, body)
    started = time.monotonic()
    assert text_of(patched.getvalue(), "xlsx") == "a"
    assert time.monotonic() - started < 2


def test_a_page_of_megabytes_is_cut_before_it_is_cleaned():
    started = time.monotonic()
    text = extraction.collect(iter(["Trang một. " + "chữ " * 5_000_000]), 100, 10)
    assert time.monotonic() - started < 0.5
    assert text == ("Trang một. " + "chữ " * 30)[:100].rstrip()


def test_cleaning_keeps_nfc_and_single_spaces_without_control_characters():
    text = "  Quye\u0302\u0301t\x00định\n\n\tsố\u00a015 \x0c\x85\ud800."
    assert clean(text) == "Quyết định số 15 ."


# Search and the admin


def test_the_admin_shows_whether_a_file_has_text_and_an_excerpt(client, staff_user):
    client.force_login(staff_user)
    with_text = stored(real_pdf(DECISION * 30), title="Quyết định 15")
    stored(DOCUMENTS["doc"](), name="cu.doc", title="Tờ trình cũ")
    changelist = client.get(reverse("admin:library_attachment_changelist")).content.decode()
    assert "Có nội dung văn bản" in changelist
    assert changelist.count('alt="True"') == 1 and changelist.count('alt="False"') == 1
    change = client.get(reverse("admin:library_attachment_change", args=[with_text.pk]))
    page = change.content.decode()
    assert DECISION[:80] in page
    assert f"Tổng cộng {len(with_text.text):,} ký tự".replace(",", ".") in page
    assert "Nội dung văn bản" in page
    empty = Attachment.objects.get(title="Tờ trình cũ")
    page = client.get(reverse("admin:library_attachment_change", args=[empty.pk])).content
    assert "Không tìm thấy nội dung văn bản" in page.decode()


def test_the_admin_search_finds_words_inside_files_with_or_without_diacritics(
    client, staff_user, django_assert_max_num_queries
):
    client.force_login(staff_user)
    stored(real_pdf(DECISION), title="Văn bản A")
    stored(real_docx(["Kế hoạch tiêm chủng mở rộng"]), name="b.docx", title="Văn bản B")
    other, _created = add_site(OTHER_HOST, "Cổng thông tin điện tử xã Ninh Hải")
    stored(real_pdf(DECISION), site=other, title="Của xã Ninh Hải")
    url = reverse("admin:library_attachment_changelist")
    client.get(url)  # The admin's first page fills the cache of content types.

    def found(query):
        with django_assert_max_num_queries(8):  # Not one per row.
            page = client.get(url, {"q": query}).content.decode()
        return sorted(t for t in ["Văn bản A", "Văn bản B", "Của xã Ninh Hải"] if t in page)

    assert found("phê duyệt") == ["Văn bản A"]
    assert found("phe duyet Phu Van") == ["Văn bản A"]
    assert found("tiem chung") == ["Văn bản B"]
    assert found("15/QĐ-UBND") == ["Văn bản A"]
    assert found("Văn bản") == ["Văn bản A", "Văn bản B"]
    assert found("không có đâu") == []


def test_matching_is_the_search_other_apps_use(django_assert_num_queries):
    decision = stored(real_pdf(DECISION), title="Văn bản A")
    stored(real_xlsx([["Danh sách hộ nghèo"]]), name="b.xlsx")
    attachments = Attachment.objects.for_site(first_site())
    with django_assert_num_queries(1):
        assert list(attachments.matching("Quyết định PHÊ DUYỆT")) == [decision]
    assert [a.original_name for a in attachments.matching("ho ngheo")] == ["b.xlsx"]
    assert list(attachments.matching("duyệt nghèo")) == []
    assert list(attachments.matching(" ,;- ")) == []


def test_the_folded_text_follows_a_new_title():
    attachment = stored(real_pdf(), title="Cũ")
    attachment.title = "Tờ trình mới"
    attachment.save(update_fields=["title"])
    attachment.refresh_from_db()
    assert attachment.search_text.startswith("to trinh moi ")
    assert "quyet dinh so 15/qd-ubnd" in attachment.search_text


# The command for attachments stored before


def run(*args):
    out = io.StringIO()
    call_command("extract_attachment_text", *args, stdout=out)
    return out.getvalue()


def test_the_command_fills_the_text_of_older_attachments(django_assert_max_num_queries):
    other, _created = add_site(OTHER_HOST, "Cổng thông tin điện tử xã Ninh Hải")
    ours = stored(real_pdf(), name="a.pdf")
    legacy = stored(DOCUMENTS["xls"](), name="b.xls")
    theirs = stored(real_docx(["Của xã Ninh Hải"]), name="c.docx", site=other)
    missing = stored(real_pdf("Mất tệp"), name="d.pdf")
    missing.file.delete(save=False)
    Attachment.objects.update(text="", search_text="")

    assert run("--site", first_site().primary_host) == (
        "3 attachment(s) read: 1 with text, 2 without "
        "(a legacy DOC/XLS, a scan, an encrypted or unreadable file).\n"
    )
    assert Attachment.objects.get(pk=ours.pk).text == DECISION
    assert "quyet dinh so 15" in Attachment.objects.get(pk=ours.pk).search_text
    assert Attachment.objects.get(pk=legacy.pk).text == ""
    assert Attachment.objects.get(pk=theirs.pk).text == ""

    # One more for the file whose text was found: the documents using it are looked up
    # (documents/signals.py), to search its words.
    with django_assert_max_num_queries(7):
        assert run().startswith("3 attachment(s) read: 1 with text, 2 without")
    assert Attachment.objects.get(pk=theirs.pk).text == "Của xã Ninh Hải"
    Attachment.objects.filter(pk=ours.pk).update(text="cũ")
    assert run().startswith("2 attachment(s) read: 0 with text")
    assert Attachment.objects.get(pk=ours.pk).text == "cũ"
    assert run("--all").startswith("4 attachment(s) read: 2 with text, 2 without")
    assert Attachment.objects.get(pk=ours.pk).text == DECISION


def test_the_command_refuses_an_unknown_site():
    with pytest.raises(CommandError, match=r"No site answers on khong-co\.example\.vn"):
        run("--site", "khong-co.example.vn")


def test_lists_and_downloads_never_load_the_texts(client, staff_user, django_assert_num_queries):
    attachment = stored(real_pdf(DECISION * 20))
    with django_assert_num_queries(2) as download:  # the attachment, the count
        response = client.get(attachment.get_absolute_url(), headers={"User-Agent": BROWSER})
        assert response.status_code == 200
    client.force_login(staff_user)
    url = reverse("admin:library_attachment_changelist")
    client.get(url)
    with django_assert_num_queries(8) as changelist:
        assert "van-ban.pdf" in client.get(url).content.decode()
    selects = [q["sql"] for q in [*download.captured_queries, *changelist.captured_queries]]
    assert any('FROM "library_attachment"' in sql for sql in selects)
    column = re.compile(r'"library_attachment"\."(search_)?text"\s*(,|FROM)')
    assert not any(column.search(sql) for sql in selects)
