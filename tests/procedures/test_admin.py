"""The procedures admin: a form to download uploaded in the inline is checked by its content
(a disguised file is refused), filters and search, who may do what."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from library.models import Attachment
from procedures.models import Procedure
from tests.library.documents import pdf_bytes

from .helpers import make_procedure, make_sector

pytestmark = pytest.mark.django_db

ADD = reverse("admin:procedures_procedure_add")
CHANGELIST = reverse("admin:procedures_procedure_changelist")


def procedure_form(upload=None, **overrides):
    data = {
        "name": "Đăng ký khai sinh",
        "code": "1.001193",
        "sector": "",
        "level": "full",
        "status": "published",
        "slug": "",
        "submission_place": "Bộ phận Một cửa",
        "steps": "<p>Nộp hồ sơ.</p>",
        "papers": "<p>Tờ khai.</p>",
        "time_limit": "Ngay trong ngày",
        "fees": "Miễn",
        "applicants": "",
        "result": "",
        "legal_basis": "",
        "national_url": "https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.001193",
        "forms-TOTAL_FORMS": "1",
        "forms-INITIAL_FORMS": "0",
        "forms-0-attachment": "",
        "forms-0-title": "Tờ khai đăng ký khai sinh",
        "forms-0-position": "0",
    }
    if upload is not None:
        data["forms-0-upload"] = upload
    data.update(overrides)
    return data


@pytest.fixture
def editor(client, member):
    client.force_login(member("Biên tập viên"))
    return client


def test_a_form_uploaded_in_the_admin_is_kept_in_the_library(editor):
    upload = SimpleUploadedFile("to khai.pdf", pdf_bytes("to khai"), "application/pdf")
    response = editor.post(ADD, procedure_form(upload))
    assert response.status_code == 302, response.context["errors"]
    procedure = Procedure.objects.get()
    form = procedure.forms.get()
    assert form.attachment.site == procedure.site and form.label == "Tờ khai đăng ký khai sinh"
    assert form.attachment.original_name == "to khai.pdf"
    download = editor.get(form.attachment.get_absolute_url())
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_disguised_form_file_is_refused_and_nothing_is_lost(editor):
    disguised = SimpleUploadedFile(
        "to-khai.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"
    )
    response = editor.post(ADD, procedure_form(disguised))
    assert response.status_code == 200
    html = response.content.decode()
    assert "không phải là tài liệu được chấp nhận" in html or "not an accepted" in html
    assert 'value="Đăng ký khai sinh"' in html
    assert not Procedure.objects.exists() and not Attachment.objects.exists()


def test_a_form_needs_a_file_or_a_library_document(editor):
    response = editor.post(ADD, procedure_form())
    assert response.status_code == 200 and not Procedure.objects.exists()
    assert "Tải lên một tệp tài liệu hoặc chọn một tài liệu trong thư viện" in (
        response.content.decode()
    )


def test_the_national_portal_address_must_be_http(editor):
    response = editor.post(
        ADD,
        procedure_form(**{"national_url": "ftp://dichvucong.gov.vn/", "forms-TOTAL_FORMS": "0"}),
    )
    assert response.status_code == 200 and not Procedure.objects.exists()


def test_a_code_is_unique_on_the_site(editor):
    make_procedure(code="1.001193")
    response = editor.post(ADD, procedure_form(**{"name": "Khác", "forms-TOTAL_FORMS": "0"}))
    assert response.status_code == 200
    assert "Trang đã có một thủ tục mang mã này" in response.content.decode()
    make_procedure("Không mã 1", code="")
    make_procedure("Không mã 2", code="")  # many procedures without a code are fine


def test_filters_and_search_without_diacritics(editor):
    civil = make_sector("Hộ tịch")
    make_procedure("Đăng ký khai sinh", "1.001193", sector=civil)
    make_procedure("Chứng thực chữ ký", "2.000884", sector=make_sector("Chứng thực"))
    html = editor.get(CHANGELIST, {"q": "khai sinh"}).content.decode()
    assert "Đăng ký khai sinh" in html and "Chứng thực chữ ký" not in html
    html = editor.get(CHANGELIST, {"sector__id__exact": civil.pk}).content.decode()
    assert "Đăng ký khai sinh" in html and "Chứng thực chữ ký" not in html
    html = editor.get(CHANGELIST, {"level__exact": "full", "q": "2.000884"}).content.decode()
    assert "Chứng thực chữ ký" in html


def test_roles_permissions():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"add_procedure", "change_procedure", "add_procedureform"} <= codenames("Biên tập viên")
    assert "delete_procedure" not in codenames("Biên tập viên")
    assert "delete_procedure" in codenames("Người duyệt bài")
    assert "delete_procedure" in codenames("Quản trị trang")
