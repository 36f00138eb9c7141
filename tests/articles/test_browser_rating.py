"""A reader rates an article with the mouse and with the keyboard (Playwright + Chromium)."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_clicks_the_fourth_star_and_cannot_vote_twice(page):
    article = make_article(title="Khai giảng năm học mới")
    page.goto(article.get_absolute_url())
    total = page.locator(".rating__total")
    expect(total).to_have_text("Tổng số điểm của bài viết là: 0 trong 0 đánh giá")
    expect(page.locator(".rating__prompt")).to_have_text("Click để đánh giá bài viết")
    page.evaluate("window.notReloaded = true")

    page.get_by_title("Bài viết tốt").click()
    expect(total).to_have_text("Tổng số điểm của bài viết là: 4 trong 1 đánh giá")
    expect(page.locator(".rating__average")).to_have_text("Điểm trung bình: 4.0/5")
    expect(page.locator(".rating__message")).to_have_text("Cảm ơn bạn đã đánh giá bài viết.")
    assert page.evaluate("window.notReloaded") is True

    page.reload()
    expect(total).to_have_text("Tổng số điểm của bài viết là: 4 trong 1 đánh giá")
    expect(page.locator("#rating-star-4")).to_be_checked()
    expect(page.locator(".rating__prompt")).to_have_text("Đánh giá của bạn")

    page.get_by_title("Bài viết rất tốt").click()
    expect(page.locator(".rating__message")).to_have_text("Bạn đã đánh giá bài viết này rồi")
    expect(total).to_have_text("Tổng số điểm của bài viết là: 4 trong 1 đánh giá")
    expect(page.locator("#rating-star-4")).to_be_checked()


def test_a_keyboard_user_rates_with_arrow_keys_and_the_button(page):
    article = make_article(title="Hội nghị tiếp xúc cử tri")
    page.goto(article.get_absolute_url())
    page.locator("#rating-star-1").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#rating-star-3")).to_be_checked()
    expect(page.locator(".rating__total")).to_contain_text("0 trong 0")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Gửi đánh giá")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".rating__total")).to_have_text(
        "Tổng số điểm của bài viết là: 3 trong 1 đánh giá"
    )
