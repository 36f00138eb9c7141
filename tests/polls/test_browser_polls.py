"""A reader answers a poll with the mouse, with the keyboard, and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from polls.models import Poll
from tests.conftest import READER_AGENT

from .factories import make_poll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Bạn đánh giá thế nào về thủ tục hành chính tại phường?"


def choice_counts(poll):
    return list(poll.choices.values_list("vote_count", flat=True))


def test_a_reader_answers_in_the_sidebar_block_with_the_mouse(page):
    poll = make_poll(QUESTION)
    page.goto("/")
    block = page.locator(".block--poll")
    expect(block.get_by_role("group", name=QUESTION)).to_be_visible()
    page.evaluate("window.notReloaded = true")

    block.get_by_label("Hài lòng", exact=True).check()
    block.get_by_role("button", name="Bình chọn").click()

    message = block.locator(".poll__message")
    expect(message).to_have_text("Cảm ơn bạn đã tham gia thăm dò ý kiến.")
    expect(message).to_be_focused()
    expect(block.locator(".poll-results__row--chosen")).to_contain_text("Hài lòng")
    expect(block.locator(".poll-results__row--chosen")).to_contain_text("100% · 1 phiếu")
    expect(block.locator(".poll__form")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is True
    assert choice_counts(poll) == [0, 1, 0]

    page.reload()  # a page from the cache: the script asks whether this reader answered
    expect(block.locator(".poll__note")).to_have_text("Bạn đã tham gia thăm dò ý kiến này.")
    expect(block.locator(".poll-results__row--chosen")).to_contain_text("Hài lòng")


def test_a_keyboard_user_answers_several_choices_on_the_poll_page(page):
    poll = make_poll(
        "Phường nên ưu tiên việc gì?",
        texts=["Sửa đường", "Lắp đèn", "Trồng cây"],
        several_answers=True,
        max_answers=2,
        results=Poll.Results.ALWAYS,
    )
    page.goto(poll.get_absolute_url())
    first = page.get_by_label("Sửa đường")
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Trồng cây")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Bình chọn")).to_be_focused()
    page.keyboard.press("Enter")

    message = page.locator("main .poll__message")
    expect(message).to_have_text("Cảm ơn bạn đã tham gia thăm dò ý kiến.")
    expect(message).to_be_focused()
    expect(page.locator("main .poll-results__row--chosen")).to_have_count(2)
    expect(page.locator("main .poll-results__total")).to_contain_text("1 người đã tham gia.")
    assert choice_counts(poll) == [1, 0, 1]


def test_a_refusal_is_said_where_the_reader_is(page):
    poll = make_poll("Chọn tối đa hai?", texts=["A", "B", "C"], several_answers=True, max_answers=2)
    page.goto(poll.get_absolute_url())
    for text in ("A", "B", "C"):
        page.get_by_label(text, exact=True).check()
    page.get_by_role("button", name="Bình chọn").click()
    message = page.locator("main .poll__message")
    expect(message).to_have_text("Bạn chỉ được chọn tối đa 2 phương án.")
    expect(message).to_be_focused()
    expect(page.locator("main .poll__form")).to_be_visible()
    assert choice_counts(poll) == [0, 0, 0]


@pytest.fixture
def no_script_page(browser, live_server):
    context = browser.new_context(
        locale="vi-VN",
        base_url=live_server.url,
        user_agent=READER_AGENT,
        java_script_enabled=False,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_a_reader_without_javascript_answers_and_sees_the_results(no_script_page):
    page = no_script_page
    page.set_viewport_size({"width": 360, "height": 740})
    poll = make_poll(QUESTION)
    page.goto("/")
    block = page.locator(".block--poll")
    block.get_by_label("Rất hài lòng").check()
    block.get_by_role("button", name="Bình chọn").click()

    expect(page).to_have_url(re.compile(re.escape(poll.get_absolute_url()) + "#tham-do-thong-bao$"))
    notice = page.locator("#tham-do-thong-bao")
    expect(notice).to_have_text("Cảm ơn bạn đã tham gia thăm dò ý kiến.")
    expect(notice).to_be_in_viewport()
    expect(notice).to_be_focused()
    expect(page.locator(".poll-results__row--chosen")).to_contain_text("100% · 1 phiếu")
    assert choice_counts(poll) == [1, 0, 0]


def test_a_keyboard_user_picks_a_radio_with_the_arrow_keys_in_the_block(page):
    poll = make_poll(QUESTION)
    page.goto("/")
    block = page.locator(".block--poll")
    block.get_by_label("Rất hài lòng").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(block.get_by_label("Chưa hài lòng")).to_be_checked()
    page.keyboard.press("Tab")
    expect(block.get_by_role("button", name="Bình chọn")).to_be_focused()
    page.keyboard.press("Enter")
    expect(block.locator(".poll__message")).to_be_focused()
    expect(block.locator(".poll-results__row--chosen")).to_contain_text("Chưa hài lòng")
    assert choice_counts(poll) == [0, 0, 1]
