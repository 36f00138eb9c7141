"""The documents admin: a document saved with its file, uploads checked by content (a
disguised file is refused in Vietnamese, keeping what was typed), search by folded number."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from documents.models import Document
from library.models import Attachment
from tests.documents.helpers import make_body, make_document, make_type, pdf_bytes

pytestmark = pytest.mark.django_db

ADD = reverse("admin:documents_document_add")
CHANGELIST = reverse("admin:documents_document_changelist")


def document_form(upload, **overrides):
    data = {
        "document_type": make_type().pk,
        "number": "15/QĐ-UBND",
        "issuing_body": make_body().pk,
        "signer": "Nguyễn Văn Hùng",
        "sector": "",
        "issued_on": "15/03/2025",
        "effective_on": "",
        "status": "in_force",
        "abstract": "Ban hành quy chế tiếp công dân",
        "body": "",
        "slug": "",
        "is_published": "on",
        "opinion_until_0": "",
        "opinion_until_1": "",
        "document_files-TOTAL_FORMS": "1",
        "document_files-INITIAL_FORMS": "0",
        "document_files-0-upload": upload,
        "document_files-0-title": "Toàn văn quyết định",
        "document_files-0-position": "1",
    }
    data.update(overrides)
    return data


def test_editors_may_write_documents_and_publishers_keep_the_lists():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    editors, publishers = codenames("Biên tập viên"), codenames("Người duyệt bài")
    assert {"add_document", "change_document", "add_documentfile"} <= editors
    assert "delete_document" not in editors and "add_documenttype" not in editors
    assert {"delete_document", "add_documenttype", "change_issuingbody"} <= publishers


def test_a_document_is_saved_with_its_checked_file(admin_client):
    upload = SimpleUploadedFile("quyet dinh 15.pdf", pdf_bytes(), "application/pdf")
    response = admin_client.post(ADD, document_form(upload))
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get(number="15/QĐ-UBND")
    attachment = document.files.get()
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "quyet dinh 15.pdf"
    assert attachment.title == "Toàn văn quyết định"
    assert attachment.site == document.site
    assert "toan van quyet dinh" in document.search_files


def test_a_disguised_file_is_refused_in_vietnamese_keeping_what_was_typed(admin_client):
    disguised = SimpleUploadedFile(
        "quyet-dinh.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"
    )
    with translation.override("vi"):
        response = admin_client.post(ADD, document_form(disguised), HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tệp này không phải là tài liệu được chấp nhận" in html
    assert "Ban hành quy chế tiếp công dân" in html and "15/QĐ-UBND" in html
    assert not Document.objects.exists() and not Attachment.objects.exists()


def test_a_new_file_row_without_a_file_is_refused(admin_client):
    data = document_form("", **{"document_files-0-title": "Chỉ có tên"})
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_the_list_finds_a_number_typed_without_diacritics(admin_client):
    make_document("123/QĐ-UBND", "Quy chế cần tìm")
    make_document("9/TB-UBND", "Thông báo khác")
    html = admin_client.get(CHANGELIST, {"q": "123 qd ubnd"}).content.decode()
    assert "Quy chế cần tìm" in html and "Thông báo khác" not in html


def test_saving_a_replacing_document_marks_the_old_one(admin_client):
    old = make_document("1/QĐ-UBND", "Quy chế cũ")
    data = document_form("", **{"document_files-TOTAL_FORMS": "0", "replaces": [old.pk]})
    response = admin_client.post(ADD, data)
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.status == Document.Status.EXPIRED


def test_a_document_cannot_replace_itself(admin_client):
    document = make_document("1/QĐ-UBND", "Quy chế")
    data = document_form(
        "",
        **{
            "document_files-TOTAL_FORMS": "0",
            "document_type": document.document_type_id,
            "issuing_body": document.issuing_body_id,
            "number": "1/QĐ-UBND",
            "slug": document.slug,
            "replaces": [document.pk],
        },
    )
    change = reverse("admin:documents_document_change", args=[document.pk])
    response = admin_client.post(change, data)
    assert response.status_code == 200
    assert "không thể tự thay thế" in response.content.decode()
    document.refresh_from_db()
    assert document.status == Document.Status.IN_FORCE


def test_the_list_takes_as_many_queries_for_many_documents(
    admin_client, django_assert_max_num_queries
):
    for n in range(30):
        make_document(f"{n}/QĐ-UBND", f"Văn bản {n}")
    admin_client.get(CHANGELIST)
    with django_assert_max_num_queries(20):
        response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
