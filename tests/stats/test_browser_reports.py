"""Staff open the visitor statistics from the admin index and read a report (Playwright)."""

from calendar import monthrange
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from stats.models import DailyVisits
from tests.factories import first_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_report_shows_the_chart_and_its_numbers(staff_page):
    DailyVisits.objects.create(
        site=first_site(), day=timezone.localdate(), visits=2557, page_views=9001
    )
    DailyVisits.objects.create(
        site=first_site(), day=date(2024, 2, 29), visits=1234, page_views=5678
    )
    page = staff_page

    page.goto("/admin/")
    page.get_by_role("link", name="Thống kê truy cập").click()
    page.get_by_role("heading").get_by_role("link", name="Báo cáo").click()

    chart = page.locator("svg.stats-chart")
    expect(chart).to_be_visible()
    today = timezone.localdate()
    expect(chart.locator("rect.bar")).to_have_count(2 * monthrange(today.year, today.month)[1])
    table = page.locator("table.stats-table")
    row = table.get_by_role("row", name=f"{today:%d/%m/%Y}")
    expect(row).to_contain_text("2,557")
    expect(row).to_contain_text("9,001")
    expect(page.get_by_role("link", name="Tải CSV")).to_be_visible()

    page.get_by_label("Tháng").select_option("2")
    page.get_by_label("Năm").fill("2024")
    page.get_by_role("button", name="Xem").click()

    expect(page.get_by_role("heading", name="Truy cập theo ngày 02/2024")).to_be_visible()
    expect(chart.locator("rect.bar")).to_have_count(2 * 29)
    expect(table.get_by_role("row", name="29/02/2024")).to_contain_text("1,234")
