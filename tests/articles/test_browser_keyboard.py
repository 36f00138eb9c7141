"""Keyboard-only journeys (Playwright + Chromium): the skip link, rating an article and sending
a comment with Tab, the arrow keys, Space and Enter, never the mouse; every element the keyboard
reaches shows where the focus is."""

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from articles.models import Article
from comments.models import Comment
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 150
EXPLANATION = (
    "Nhập các chữ cái và chữ số trong ảnh, viết hoa hay viết thường đều được. "
    "Không đọc được? Bấm “Đổi mã khác”. Không xem được ảnh? Hãy gửi ý kiến qua thư điện tử "
    "tới ubnd.phuvan@example.gov.vn hoặc gọi điện tới số 0229 3 851 234."
)
# The focused element, or for a radio button drawn as a star (the input itself is invisible)
# its label, and whether its computed style draws an outline or a shadow around it.
FOCUS_STYLE = """() => {
  const element = document.activeElement;
  const drawnByLabel = element.labels && element.labels.length
    && getComputedStyle(element).opacity === "0";
  const shown = drawnByLabel ? element.labels[0] : element;
  const style = getComputedStyle(shown);
  return {
    name: element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
      + (element.className ? "." + String(element.className).split(" ")[0] : ""),
    visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none",
  };
}"""


class Keyboard:
    """Drives the page with keys only and notes every focused element without a focus style."""

    def __init__(self, page):
        self.page = page
        self.unmarked = []

    def press(self, key):
        self.page.keyboard.press(key)
        focus = self.page.evaluate(FOCUS_STYLE)
        if not focus["visible"]:
            self.unmarked.append(focus["name"])
        return focus

    def tab_to(self, selector):
        """Tab until `selector` has the focus."""
        target = self.page.locator(selector)
        for _ in range(MAX_TABS):
            self.press("Tab")
            if target.evaluate("element => element === document.activeElement"):
                return
        pytest.fail(f"{selector} cannot be reached with Tab")

    def type(self, text):
        self.page.keyboard.type(text)

    def assert_focus_always_visible(self):
        assert not self.unmarked, f"focused without a visible focus style: {self.unmarked}"


def is_focused(page, selector):
    return page.locator(selector).evaluate("element => element === document.activeElement")


@pytest.fixture
def keyboard(page):
    return Keyboard(page)


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(page, keyboard):
    article = make_article(title="Lịch tiếp công dân tháng 12")
    page.goto(article.get_absolute_url())
    focus = keyboard.press("Tab")
    assert focus["name"] == "a.skip-link"
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_in_viewport()
    expect(skip_link).to_have_text("Bỏ qua, đến nội dung chính")
    page.keyboard.press("Enter")
    assert is_focused(page, "main#main")
    keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    keyboard.assert_focus_always_visible()


def test_a_reader_rates_an_article_with_the_keyboard_only(page, keyboard):
    article = make_article(title="Khai giảng năm học mới")
    page.goto(article.get_absolute_url())
    keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    keyboard.tab_to("#rating-star-1")
    for _ in range(3):
        keyboard.press("ArrowRight")
    expect(page.locator("#rating-star-4")).to_be_checked()
    expect(page.locator(".rating__total")).to_contain_text("0 trong 0")

    keyboard.tab_to(".rating__submit")
    keyboard.press("Space")
    expect(page.locator(".rating__message")).to_have_text("Cảm ơn bạn đã đánh giá bài viết.")
    expect(page.locator(".rating__total")).to_have_text(
        "Tổng số điểm của bài viết là: 4 trong 1 đánh giá"
    )
    assert Article.objects.get().rating_sum == 4
    keyboard.assert_focus_always_visible()


def test_a_reader_writes_and_sends_a_comment_with_the_keyboard_only(page, keyboard):
    article = make_article(title="Góp ý chỉnh trang đô thị")
    page.goto(article.get_absolute_url())
    keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    keyboard.tab_to("#id_name")
    keyboard.type("Trần Thị Bình")
    keyboard.tab_to("#id_email")
    keyboard.type("binh@example.vn")
    keyboard.tab_to("#id_text")
    keyboard.type("Đề nghị phường sửa lại đèn đường ở ngõ 7.")

    # Reaching the form asked for a code; the keyboard can ask for another one.
    keyboard.tab_to(".captcha__refresh")
    first_key = page.locator("input[name=captcha_0]").input_value()
    assert first_key
    page.keyboard.press("Enter")
    expect(page.locator("input[name=captcha_0]")).not_to_have_value(first_key)
    expect(page.locator("#id_captcha_1")).to_be_focused()
    key = page.locator("input[name=captcha_0]").input_value()
    keyboard.type(CaptchaStore.objects.get(hashkey=key).response.lower())

    keyboard.tab_to(".comment-form__submit")
    page.keyboard.press("Enter")
    thanks = page.get_by_text("Bình luận của bạn sẽ hiển thị sau khi được kiểm duyệt")
    expect(thanks).to_be_visible()
    comment = Comment.objects.get()
    assert (comment.name, comment.target) == ("Trần Thị Bình", article)
    keyboard.assert_focus_always_visible()


def test_the_security_code_is_explained_next_to_it(page):
    article = make_article(title="Góp ý chỉnh trang đô thị")
    page.goto(article.get_absolute_url())
    code = page.locator("#id_captcha_1")
    expect(code).to_have_accessible_description(EXPLANATION)
    page.locator("#id_name").focus()
    expect(page.get_by_role("button", name="Đổi mã khác")).to_be_visible()
    expect(page.get_by_role("img", name="Ảnh mã bảo mật")).to_be_visible()

    page.get_by_role("button", name="Gửi bình luận").click()
    expect(page.get_by_text("Vui lòng nhập mã bảo mật")).to_be_visible()
    expect(code).to_have_accessible_description(EXPLANATION)
