"""Staff put a unit of the office and its head on the site in the admin, with the English
version in the collapsed "Tiếng Anh" group; the reader sees both languages."""

import pytest
from playwright.sync_api import expect

from organisation.models import Unit
from tests.organisation.factories import make_unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_add_a_unit_with_its_head_and_the_reader_switches_to_english(staff_page, tmp_path):
    page = staff_page
    committee = make_unit("Ủy ban nhân dân phường", slug="ubnd")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/organisation/unit/add/")
    page.get_by_label("Tên [vi]").fill("Phòng Kinh tế")
    page.locator("#id_parent").select_option(str(committee.pk))
    page.locator(".field-functions_vi .ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Tham mưu về kinh tế, tài chính.")
    page.get_by_label("Thư điện tử công vụ").fill("kinhte@example.gov.vn")
    english = page.locator("summary", has_text="Tiếng Anh")
    expect(page.locator("#id_name_en")).to_be_hidden()
    english.click()
    page.locator("#id_name_en").fill("Economic Division")
    page.locator("#id_people-0-name").fill("Ngô Đức Long")
    page.locator("#id_people-0-position_vi").fill("Trưởng phòng")
    page.locator("#id_people-0-position_en").fill("Head of Division")
    page.screenshot(path=tmp_path / "admin-unit-1280.png", full_page=True)
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("Phòng Kinh tế")
    expect(page.locator("#result_list")).to_contain_text("— Phòng Kinh tế")
    unit = Unit.objects.get(name_vi="Phòng Kinh tế")
    assert unit.slug == "phong-kinh-te", unit.slug
    assert unit.people.get().position_en == "Head of Division"

    page.goto("/to-chuc/phong-kinh-te/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Phòng Kinh tế")
    expect(page.locator("main")).to_contain_text("Tham mưu về kinh tế, tài chính.")
    page.get_by_label("Ngôn ngữ").select_option("en")
    page.get_by_role("button", name="Đổi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Economic Division")
    expect(page.locator("main")).to_contain_text("Head of Division")
    expect(page.locator("main")).to_contain_text("Tham mưu về kinh tế", timeout=1000)
    page.screenshot(path=tmp_path / "unit-en-1280.png", full_page=True)
