"""The "Thống kê" block grows while a reader looks at it (Playwright + Chromium)."""

import pytest
from playwright.sync_api import expect

from tests.conftest import READER_AGENT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def figure(page, name):
    return int(page.locator(f'[data-stat="{name}"]').inner_text().replace(",", ""))


def test_the_block_shows_another_visitor_arriving(page, browser, live_server, settings):
    settings.PORTAL_STATS_SUMMARY_SECONDS = 1
    settings.PORTAL_STATS_REFRESH_SECONDS = 1
    page.goto("/")
    block = page.locator(".block--stats")
    expect(block.get_by_role("heading", name="Thống kê")).to_be_visible()
    expect(block.locator('[data-stat="today"]')).to_have_text("1")
    expect(block.locator('[data-stat="guests"]')).to_have_text("1")

    # Another person: another browser (same address, as every test client is on 127.0.0.1).
    agent = READER_AGENT.replace("Android 14", "Android 13")
    other = browser.new_context(base_url=live_server.url, user_agent=agent).new_page()
    other.goto("/")
    expect(block.locator('[data-stat="today"]')).to_have_text("2")
    expect(block.locator('[data-stat="online"]')).to_have_text("2")
    assert figure(page, "month") >= 2 and figure(page, "total") >= 2
    other.context.close()
