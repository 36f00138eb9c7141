"""Staff write a "Quyết định" with its PDF in the admin; a reader on a 360 px phone finds it on
/van-ban/ by typing its number without diacritics, opens it and downloads the file."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from documents.models import Document
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.conftest import READER_AGENT
from tests.documents.helpers import make_body, make_type, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 780}


@pytest.fixture
def administrator_page(page, client, django_user_model, live_server):
    user = django_user_model.objects.create_user("quantri", password="x", is_staff=True)
    give_role(user, Role.SITE_ADMINISTRATOR)
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


def test_staff_publish_a_decision_and_a_phone_reader_finds_and_downloads_it(
    administrator_page, browser, live_server, tmp_path
):
    make_type("Quyết định")
    make_type("Kế hoạch")
    make_body("UBND phường Phù Vân")
    pdf = tmp_path / "Quyết định 15.pdf"
    pdf.write_bytes(pdf_bytes())

    admin = administrator_page
    admin.goto("/admin/documents/document/add/")
    admin.locator("#id_document_type").select_option(label="Quyết định")
    admin.locator("#id_number").fill("15/QĐ-UBND")
    admin.locator("#id_issuing_body").select_option(label="UBND phường Phù Vân")
    admin.locator("#id_issued_on").fill("15/03/2025")
    admin.locator("#id_abstract").fill("Ban hành quy chế tiếp công dân của phường Phù Vân")
    admin.locator("#id_document_files-0-upload").set_input_files(str(pdf))
    admin.locator("input[name=_save]").click()
    expect(admin.locator(".messagelist .success")).to_be_visible()
    document = Document.objects.get(number="15/QĐ-UBND")
    assert document.files.count() == 1

    context = browser.new_context(
        locale="vi-VN",
        base_url=live_server.url,
        viewport=PHONE,
        accept_downloads=True,
        user_agent=READER_AGENT,  # headless Chromium's own is a robot's, whose downloads
    )  # are not counted
    reader = context.new_page()
    assert reader.goto("/van-ban/").status == 200
    reader.get_by_label("Số, ký hiệu hoặc từ khóa").fill("15 qd ubnd")
    reader.get_by_role("search", name="Văn bản").get_by_role("button", name="Tìm kiếm").click()
    expect(reader.locator(".document-row")).to_have_count(1)
    reader.get_by_role("link", name="Quyết định 15/QĐ-UBND").click()
    expect(reader.locator("h1")).to_have_text("Quyết định 15/QĐ-UBND")
    width = reader.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "nothing overflows the phone's width"
    with reader.expect_download() as download:
        reader.locator(".document-files a").first.click()
    assert download.value.suggested_filename == "Quyết định 15.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
    attachment = document.files.get()
    attachment.refresh_from_db()
    assert attachment.download_count == 1
    context.close()
