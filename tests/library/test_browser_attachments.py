"""An editor attaches a document from the editor's toolbar: the link is in the text, a wrong file
gets a Vietnamese message, and readers download the document under its own name."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from library.models import Attachment
from tests.factories import make_category
from tests.library.documents import DOCUMENTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def attach(page, path):
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Đính kèm tài liệu").click()
    chooser.value.set_files(path)
    return page.locator("dialog.prose-editor-dialog")


def test_staff_attach_a_document_and_readers_download_it(staff_page, tmp_path):
    category = make_category("Văn bản")
    document = tmp_path / "ke-hoach-2025.docx"
    document.write_bytes(DOCUMENTS["docx"]())
    impostor = tmp_path / "bao-cao.pdf"
    impostor.write_bytes(b"<!DOCTYPE html><html><body>Not a PDF</body></html>")
    page = staff_page
    page.goto("/admin/articles/article/add/")
    page.locator("#id_title").fill("Kế hoạch chuyển đổi số năm 2025")
    page.locator("#id_category").select_option(str(category.pk))
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type("Toàn văn: ")

    dialog = attach(page, impostor)
    dialog.get_by_role("button", name="Tải lên và chèn").click()
    expect(page.locator(".attachment-upload__status")).to_contain_text(
        "không phải là tài liệu được chấp nhận"
    )
    expect(editor.locator("a")).to_have_count(0)

    dialog = attach(page, document)
    title = dialog.get_by_label("Chữ hiển thị của liên kết (ví dụ: tên văn bản)")
    expect(title).to_have_value("ke-hoach-2025")
    title.fill("Kế hoạch năm 2025")
    dialog.get_by_role("button", name="Tải lên và chèn").click()
    link = editor.locator("a", has_text="Kế hoạch năm 2025")
    expect(link).to_have_attribute("href", re.compile(r"^/tep-dinh-kem/\d+/$"))
    expect(page.locator(".attachment-upload__status")).to_be_hidden()

    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    attachment = Attachment.objects.get()
    article = Article.objects.get()
    assert f'<a href="/tep-dinh-kem/{attachment.pk}/"' in article.body
    assert attachment.title == "Kế hoạch năm 2025"
    assert attachment.original_name == "ke-hoach-2025.docx"

    page.goto(article.get_absolute_url())
    with page.expect_download() as download:
        page.get_by_role("link", name="Kế hoạch năm 2025").click()
    assert download.value.suggested_filename == "ke-hoach-2025.docx"
    attachment.refresh_from_db()
    assert attachment.download_count == 1
