"""Attachments: documents checked by their bytes, stored under generated names, downloaded per
site with their original names, counted."""

import pytest
from django.test import Client
from django.urls import reverse

from library.attachments import AttachmentError, check_upload, detect_kind, store_attachment
from library.html import sanitize_html
from library.models import Attachment
from tenancy.roles import Role
from tenancy.services import add_site
from tenancy.testing import give_role
from tests.factories import first_site
from tests.library.documents import (
    DOCUMENTS,
    ole2_bytes,
    ooxml_bytes,
    pdf_bytes,
    upload_of,
    zip_bytes,
)

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/library/attachment/upload/"
OTHER_HOST = "ninhhai.example.gov.vn"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
OOXML_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WRONG_TYPE = (
    "Tệp này không phải là tài liệu được chấp nhận (loại tệp được xác định theo nội dung, "
    "không theo tên tệp)."
)


@pytest.fixture
def editor(django_user_model):
    """An editor of the first site: the role's group grants attachments (the migration)."""
    user = django_user_model.objects.create_user("phongvien", password="x" * 12, is_staff=True)
    give_role(user, Role.EDITOR)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def post_document(client, data, name="van-ban.pdf", **fields):
    return client.post(UPLOAD_URL, {"upload": upload_of(data, name), **fields})


def stored(data, name="van-ban.pdf", site=None, title=""):
    document = check_upload(upload_of(data, name))
    return store_attachment(document, site=site or first_site(), title=title)[0]


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_each_accepted_kind_is_recognised_by_its_bytes(kind, editor_client):
    response = post_document(editor_client, DOCUMENTS[kind](), name="tai-lieu.bin", title="Tờ khai")
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get()
    assert attachment.original_name == f"tai-lieu.{kind}"
    assert attachment.file.name.endswith(f".{kind}")
    assert response.json() == {
        "id": attachment.pk,
        "url": f"/tep-dinh-kem/{attachment.pk}/",
        "title": "Tờ khai",
        "name": f"tai-lieu.{kind}",
        "size": attachment.byte_size,
    }


@pytest.mark.parametrize(
    "data, name",
    [
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200, "quyet-dinh.pdf"),
        (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "bao-cao.docx"),
        (zip_bytes({"word/document.xml": "<d/>"}), "khong-co-kieu.docx"),
        (ooxml_bytes("docx", "application/vnd.ms-word.document.macroEnabled.main+xml"), "m.docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "trong.doc"),
        (b"PK\x03\x04 but not a zip at all", "hong.xlsx"),
    ],
)
def test_a_file_that_is_not_a_document_is_refused_whatever_its_name(editor_client, data, name):
    response = post_document(editor_client, data, name=name)
    assert response.status_code == 400
    assert response.json()["error"].startswith(WRONG_TYPE)
    assert not Attachment.objects.exists()


def test_an_empty_file_is_refused_in_vietnamese(editor_client):
    response = post_document(editor_client, b"", name="rong.pdf")
    assert response.status_code == 400
    assert response.json()["error"] == "Tập tin được gửi là rỗng."


def test_a_file_over_the_limit_is_refused(editor_client, settings):
    settings.PORTAL_ATTACHMENT_MAX_MB = 1
    response = post_document(editor_client, pdf_bytes(padding=1024 * 1024))
    assert response.status_code == 400
    assert response.json()["error"].startswith("Tệp quá lớn (1,0")
    assert "giới hạn là 1,0\xa0MB" in response.json()["error"]
    assert not Attachment.objects.exists()
    assert post_document(editor_client, pdf_bytes(padding=1000)).status_code == 201


def test_the_same_document_twice_is_stored_once(editor_client):
    first = post_document(editor_client, pdf_bytes(), name="a.pdf")
    again = post_document(editor_client, pdf_bytes(), name="b.pdf")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Attachment.objects.count() == 1


def test_stored_names_are_generated_and_original_names_cleaned(editor_client):
    post_document(editor_client, pdf_bytes(), name='..\\..\\Quyết định "số 5".exe')
    attachment = Attachment.objects.get()
    assert attachment.original_name == "Quyết định số 5.pdf"
    assert attachment.file.name.startswith("attachments/")
    assert "Quy" not in attachment.file.name
    assert attachment.uploaded_by.username == "phongvien"
    assert attachment.content_type == "application/pdf"


def test_a_large_word_file_is_recognised_by_its_directory():
    data = ole2_bytes("WordDocument", directory_sector=4096)
    assert len(data) > 2 * 1024 * 1024
    assert detect_kind(upload_of(data, name="bao-cao.doc")) == "doc"
    assert detect_kind(upload_of(ole2_bytes("Workbook", directory_sector=4096))) == "xls"
    assert detect_kind(upload_of(ole2_bytes("Other", directory_sector=4096))) is None


def test_a_docx_whose_types_use_single_quotes_is_accepted():
    part, content_type = "word/document.xml", OOXML_WORD
    types = f"<Types><Override PartName='/{part}' ContentType='{content_type}'/></Types>"
    data = zip_bytes({"[Content_Types].xml": types, part: "<d/>"})
    assert detect_kind(upload_of(data, name="van-ban.docx")) == "docx"


def test_detection_never_reads_the_name():
    assert detect_kind(upload_of(pdf_bytes(), name="anh.jpg")) == "pdf"
    assert detect_kind(upload_of(b"plain text", name="van-ban.pdf")) is None


def test_who_may_upload(client, django_user_model):
    assert post_document(client, pdf_bytes()).status_code == 403
    moderator = django_user_model.objects.create_user("kiemduyet", password="x", is_staff=True)
    give_role(moderator, Role.MODERATOR)
    client.force_login(moderator)
    response = post_document(client, pdf_bytes())
    assert response.status_code == 403
    assert response.json() == {"error": "Bạn không có quyền tải tài liệu lên."}
    assert not Attachment.objects.exists()


def test_the_upload_takes_only_post_and_needs_the_csrf_token(editor_client, editor):
    response = editor_client.get(UPLOAD_URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert post_document(strict, pdf_bytes()).status_code == 403
    assert not Attachment.objects.exists()


def test_a_storage_failure_answers_json(editor_client, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("django.core.files.storage.FileSystemStorage._save", fail)
    response = post_document(editor_client, pdf_bytes())
    assert response.status_code == 500
    assert response.json() == {"error": "Không lưu được tài liệu. Hãy thử lại sau."}


# Downloads


def download(client, attachment, **headers):
    return client.get(attachment.get_absolute_url(), headers={"User-Agent": BROWSER, **headers})


def test_a_download_has_the_original_name_and_safe_headers(client):
    attachment = stored(pdf_bytes(), name="Kế hoạch 2025.pdf")
    response = download(client, attachment)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "filename*=utf-8''K%E1%BA%BF%20ho%E1%BA%A1ch%202025.pdf"
        in (response["Content-Disposition"])
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_downloads_are_counted_but_not_heads_nor_robots(client, django_assert_num_queries):
    attachment = stored(DOCUMENTS["docx"](), name="to-khai.docx")
    with django_assert_num_queries(2):  # the attachment, the count
        download(client, attachment)
    download(client, attachment)
    client.head(attachment.get_absolute_url(), headers={"User-Agent": BROWSER})
    download(client, attachment, **{"User-Agent": "Googlebot/2.1"})
    attachment.refresh_from_db()
    assert attachment.download_count == 2


def test_another_sites_attachment_is_not_found(client):
    other, _created = add_site(OTHER_HOST, "Cổng thông tin điện tử xã Ninh Hải")
    theirs = stored(pdf_bytes("của xã Ninh Hải"), site=other)
    assert download(client, theirs).status_code == 404
    assert client.get("/tep-dinh-kem/999999/").status_code == 404
    assert download(client, theirs, Host=OTHER_HOST).status_code == 200


def test_a_missing_file_is_not_found_not_an_error(client):
    attachment = stored(pdf_bytes())
    attachment.file.delete(save=False)
    assert download(client, attachment).status_code == 404


def test_the_sanitizer_keeps_links_to_attachments():
    attachment = stored(pdf_bytes())
    html = f'<p>Xem <a href="{attachment.get_absolute_url()}">Quyết định</a></p>'
    assert f'href="/tep-dinh-kem/{attachment.pk}/"' in sanitize_html(html)


def test_check_upload_raises_a_validation_error():
    with pytest.raises(AttachmentError) as error:
        check_upload(upload_of(b"MZ", name="a.pdf"))
    assert error.value.code == "wrong_type"


# The admin's attachment library


def test_the_admin_uploads_lists_and_shows_attachments(client, staff_user):
    client.force_login(staff_user)
    add = reverse("admin:library_attachment_add")
    refused = client.post(add, {"upload": upload_of(b"<html></html>", "a.pdf"), "title": "Sai"})
    assert refused.status_code == 200
    assert WRONG_TYPE in refused.content.decode()
    assert 'value="Sai"' in refused.content.decode()
    response = client.post(add, {"upload": upload_of(pdf_bytes(), "kh.pdf"), "title": "Kế hoạch"})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.site == first_site()
    changelist = client.get(reverse("admin:library_attachment_changelist")).content.decode()
    assert "Kế hoạch" in changelist and "kh.pdf" in changelist
    change = client.get(reverse("admin:library_attachment_change", args=[attachment.pk]))
    assert f"/tep-dinh-kem/{attachment.pk}/" in change.content.decode()
