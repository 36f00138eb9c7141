"""Staff import a spreadsheet of procedures in the admin, look at the preview and apply it; a
reader on a 360 px phone finds a procedure by typing its name without diacritics and opens
it (Playwright + Chromium)."""

import pytest
from playwright.sync_api import expect

from procedures.models import Procedure
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.portal.test_browser_accessibility import AXE_FILE, serious_violations

from .helpers import HEADERS, make_procedure, xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
ROWS = [
    ["1.001193", "Đăng ký khai sinh", "Hộ tịch", "Toàn trình", "Bộ phận Một cửa",
     "Nộp tờ khai.\nNhận Giấy khai sinh.", "Ngay trong ngày", "Miễn lệ phí",
     "Tờ khai đăng ký khai sinh.\nGiấy chứng sinh.", "Cha, mẹ của trẻ", "Giấy khai sinh",
     "Luật Hộ tịch năm 2014",
     "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193"],
    ["2.000884", "Chứng thực chữ ký", "Chứng thực", "Chỉ cung cấp thông tin", "", "", "",
     "10.000 đồng/trường hợp", "", "", "", "", ""],
    ["1.000894", "Đăng ký kết hôn", "Hộ tịch", "Mức độ 9", "", "", "", "", "", "", "", "", ""],
]  # fmt: skip


def fits_the_phone(page):
    return page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


@pytest.fixture
def staff_page(page, client, django_user_model, live_server):
    user = django_user_model.objects.create_user("bientap", password="x", is_staff=True)
    give_role(user, Role.EDITOR)
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


def test_staff_import_a_spreadsheet_and_a_reader_finds_a_procedure_on_a_phone(
    staff_page, browser, live_server, tmp_path
):
    make_procedure("Chứng thực chữ ký", "2.000884", fees="5.000 đồng", level="information")
    workbook = tmp_path / "thu-tuc-hanh-chinh.xlsx"
    workbook.write_bytes(xlsx_bytes(HEADERS, ROWS))

    admin = staff_page
    admin.goto("/admin/procedures/procedure/")
    admin.get_by_role("link", name="Nhập từ bảng tính").click()
    admin.get_by_label("Bảng tính (CSV hoặc XLSX)").set_input_files(workbook)
    admin.get_by_role("button", name="Xem trước các thay đổi").click()
    expect(admin.locator(".procedures-new")).to_contain_text("Đăng ký khai sinh")
    changed = admin.locator(".procedures-changed")
    expect(changed).to_contain_text("5.000 đồng")
    expect(changed).to_contain_text("10.000 đồng/trường hợp")
    expect(admin.locator(".procedures-errors")).to_contain_text("Không rõ mức độ “Mức độ 9”")
    assert Procedure.objects.count() == 1
    admin.get_by_role("button", name="Áp dụng").click()
    expect(admin.locator(".messagelist")).to_contain_text("thêm 1, cập nhật 1")
    assert Procedure.objects.get(code="2.000884").fees == "10.000 đồng/trường hợp"

    context = browser.new_context(locale="vi-VN", base_url=live_server.url, viewport=PHONE)
    reader = context.new_page()
    reader.goto("/thu-tuc-hanh-chinh/")
    search = reader.get_by_role("searchbox", name="Tên hoặc mã thủ tục")
    search.fill("dang ky khai sinh")
    search.press("Enter")
    expect(reader.locator("#procedures-count")).to_have_text("Tìm thấy 1 thủ tục")
    assert fits_the_phone(reader)
    reader.get_by_role("link", name="Đăng ký khai sinh").click()
    expect(reader.locator("h1")).to_have_text("Đăng ký khai sinh")
    expect(reader.get_by_role("heading", name="Thành phần hồ sơ")).to_be_visible()
    expect(reader.locator(".procedure")).to_contain_text("Giấy chứng sinh.")
    national = reader.get_by_role(
        "link", name="Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia"
    )
    expect(national).to_have_attribute("href", ROWS[0][-1])
    assert fits_the_phone(reader)
    if AXE_FILE.exists():
        found = serious_violations(reader, AXE_FILE.read_text(encoding="utf-8"))
        assert not found, found
    context.close()
