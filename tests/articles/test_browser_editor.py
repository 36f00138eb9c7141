"""The publishing journey: an article written in the admin's editor, scheduled, then read."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from library.models import Picture
from portal.templatetags.portal_tags import dateline
from tests.factories import make_category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


SCHEDULE_DELAY = timedelta(seconds=8)


def test_staff_writes_schedules_and_the_public_reads_and_finds_the_article(
    staff_page, browser, live_server, tmp_path
):
    category = make_category("Tin hoạt động")
    photo = tmp_path / "ra-quan.jpg"
    Image.new("RGB", (1000, 600), (30, 120, 200)).save(photo, format="JPEG")
    page = staff_page
    page.goto("/admin/articles/article/add/")
    page.locator("#id_title").fill("Phường ra quân dọn vệ sinh môi trường")
    page.locator("#id_category").select_option(str(category.pk))

    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.locator(".prose-menubar__selected").first.click()
    page.locator(".prose-menubar__option", has_text="Heading 2").click()
    page.keyboard.type("Kết quả ra quân")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="unordered list").click()
    page.keyboard.type("Thu gom 3 tấn rác")
    page.keyboard.press("Enter")
    page.keyboard.type("Nạo vét 500 m mương")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Chèn ảnh").click()
    chooser.value.set_files(photo)
    dialog = page.locator("dialog.prose-editor-dialog")
    dialog.get_by_label("Mô tả ảnh (văn bản thay thế)").fill("Đoàn viên thu gom rác")
    dialog.get_by_label("Chú thích ảnh").fill("Ảnh: Đoàn phường")
    dialog.get_by_role("button", name="Tải lên và chèn").click()
    expect(editor.locator("figure img")).to_have_attribute("src", re.compile(r"^/media/pictures/"))
    expect(editor.locator("figcaption")).to_have_text("Ảnh: Đoàn phường")

    publish_at = (timezone.localtime() + SCHEDULE_DELAY).replace(microsecond=0)
    page.locator("#id_status").select_option("published")
    page.locator("#id_publish_at_0").fill(f"{publish_at:%d/%m/%Y}")
    page.locator("#id_publish_at_1").fill(f"{publish_at:%H:%M:%S}")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    article = Article.objects.get()
    picture = Picture.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at == publish_at
    assert "<h2>Kết quả ra quân</h2>" in article.body
    assert re.search(r"<ul><li><p>Thu gom 3 tấn rác</p></li><li><p>Nạo vét", article.body)
    figure = re.search(
        r"<figure><img ([^>]*)><figcaption>Ảnh: Đoàn phường</figcaption></figure>", article.body
    )
    assert figure, article.body
    assert f'src="{picture.file.url}"' in figure[1]
    assert 'alt="Đoàn viên thu gom rác"' in figure[1]
    assert 'width="1000" height="600"' in figure[1]
    assert picture.alt == "Đoàn viên thu gom rác"

    reader = browser.new_context(locale="vi-VN", base_url=live_server.url).new_page()
    assert reader.goto(article.get_absolute_url()).status == 404
    wait = (publish_at - timezone.localtime()).total_seconds() + 1
    reader.wait_for_timeout(max(wait, 0) * 1000)
    assert reader.goto(article.get_absolute_url()).status == 200
    expect(reader.locator(".article__dateline")).to_have_text(dateline(publish_at))
    expect(reader.locator(".article__body h2")).to_have_text("Kết quả ra quân")
    expect(reader.locator(".article__body figure img")).to_have_attribute("srcset", re.compile("w"))

    reader.goto("/")
    reader.get_by_role("searchbox").fill("phuong ra quan don ve sinh moi truong")
    reader.get_by_role("searchbox").press("Enter")
    results = reader.get_by_role("main")
    expect(results.locator("mark").first).to_have_text("Phường")
    results.get_by_role("link", name="Phường ra quân dọn vệ sinh môi trường").click()
    expect(reader).to_have_url(re.compile(re.escape(article.get_absolute_url()) + "$"))
    reader.context.close()
