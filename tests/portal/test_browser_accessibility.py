"""axe-core (the npm package) finds no serious or critical WCAG 2.1 A/AA violation on any public
page type, in Vietnamese and English, at 1280 and 360 px (Playwright + Chromium).

axe-core is installed by `npm ci` (package.json); without it the test skips locally and fails in
CI, like every browser test.
"""

import io
import re
from pathlib import Path

import pytest
from captcha.models import CaptchaStore
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import first_site
from tests.portal.pages import commented_article, public_page_types

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_FILE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (1280, 360)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
REPORTED_IMPACTS = {"serious", "critical"}
# Violations, and what axe could not decide (a reference it could not follow...) as well;
# undecided colour contrast is settled by FLATTEN_GRADIENTS instead.
RUN_AXE = """options => window.axe.run(document, options).then(results =>
  results.violations.concat(results.incomplete.filter(v => v.id !== "color-contrast")).map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))
  })))"""
# axe cannot measure text on a gradient (the header): paint each gradient as a plain colour,
# its first stop then its last, and measure again.
FLATTEN_GRADIENTS = """stop => {
  for (const element of document.querySelectorAll("*")) {
    const image = getComputedStyle(element).backgroundImage;
    const colours = image.includes("gradient") ? image.match(/rgba?\\([^)]*\\)/g) : null;
    if (!colours) continue;
    element.dataset.axeFlattened = "";
    element.style.backgroundImage = "none";
    element.style.backgroundColor = stop === "first" ? colours[0] : colours[colours.length - 1];
  }
}"""
RESTORE_GRADIENTS = """() => document.querySelectorAll("[data-axe-flattened]").forEach(element => {
  element.style.backgroundImage = "";
  element.style.backgroundColor = "";
  delete element.dataset.axeFlattened;
})"""


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_FILE.exists():
        pytest.skip(f"axe-core not installed at {AXE_FILE} (npm ci)")
    return AXE_FILE.read_text(encoding="utf-8")


@pytest.fixture
def site(settings):
    """The demo site; no rate limit, so the many pages and codes of one test are not refused."""
    settings.PORTAL_RATE_LIMITS = {}
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    settings.PORTAL_COMMENT_INTERVAL_SECONDS = 0
    settings.PORTAL_COMMENT_HOURLY_LIMIT = 1000
    call_command("seed_demo", stdout=io.StringIO())


def serious_violations(page, axe_source):
    """The page's serious and critical violations; axe is evaluated as a script, since the
    site's Content-Security-Policy rightly blocks an inline <script> tag."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    violations = page.evaluate(RUN_AXE, options)
    for stop in ("first", "last"):
        page.evaluate(FLATTEN_GRADIENTS, stop)
        violations += page.evaluate(RUN_AXE, {"runOnly": ["color-contrast"]})
        page.evaluate(RESTORE_GRADIENTS)
    return [violation for violation in violations if violation["impact"] in REPORTED_IMPACTS]


def describe(found):
    lines = []
    for state, violations in found.items():
        for violation in violations:
            lines.append(f"{state}: [{violation['impact']}] {violation['id']}: {violation['help']}")
            lines += [f"    {node['target']}: {node['summary']}" for node in violation["nodes"]]
    return "\n".join(lines)


class Audit:
    """Runs axe on each state of each page and keeps what it finds, to report all at once."""

    def __init__(self, page, axe_source, language):
        self.page = page
        self.axe_source = axe_source
        self.language = language
        self.found = {}

    def check(self, state):
        width = self.page.viewport_size["width"]
        expect(self.page.locator("html")).to_have_attribute("lang", self.language)
        violations = serious_violations(self.page, self.axe_source)
        if violations:
            self.found[f"{state} @{width}px"] = violations

    def visit(self, state, path, status=200):
        response = self.page.goto(path)
        assert response.status == status, f"{path} answered {response.status}"
        self.check(state)

    def assert_clean(self):
        if self.found:
            pytest.fail("axe found serious or critical violations:\n" + describe(self.found))


def switch_to_english(page):
    page.goto("/")
    page.locator("#language-select").select_option("en")
    page.locator(".language-switch button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def open_comment_form(page):
    """Focusing the form asks for a security code (the lazy captcha); wait until it shows."""
    page.locator("#comment-form textarea").focus()
    expect(page.locator(".captcha__image")).to_be_visible()


def captcha_answer(page):
    key = page.locator("input[name=captcha_0]").input_value()
    return CaptchaStore.objects.get(hashkey=key).response


@pytest.fixture(params=["vi", "en"])
def language(request, page):
    """The language the reader chose with the footer's switch."""
    if request.param == "en":
        switch_to_english(page)
    return request.param


def test_every_public_page_type_has_no_serious_violation(
    axe_source, page, language, site, settings
):
    article = commented_article()
    audit = Audit(page, axe_source, language)
    pages = public_page_types(article)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for state, *address in pages:
            audit.visit(state, *address)
        audit.visit("article", article.get_absolute_url())
        expect(page.locator(".comments__replies .comment")).not_to_have_count(0)
        open_comment_form(page)
        audit.check("article, comment form open with its security code")
        page.context.clear_cookies(name="csrftoken")
        with page.expect_response(lambda response: response.status == 403):
            page.locator(".language-switch button").click()
        audit.check("403 page of a form without its CSRF cookie")

    settings.PORTAL_RATE_LIMITS = {"articles:search": (0, 60)}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/tim-kiem/?q=lan+thu+{width}")  # not in the page cache
        expect(page.locator(".error-page")).to_be_visible()
        audit.check("429 page")
    audit.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_rating_and_commenting_states_have_no_serious_violation(
    axe_source, page, language, site, width
):
    page.set_viewport_size({"width": width, "height": 900})
    published = Article.objects.for_site(first_site()).published()
    article = published.filter(allow_rating=True, allow_comments=True).first()
    audit = Audit(page, axe_source, language)
    page.goto(article.get_absolute_url())

    page.locator(".rating__star").nth(3).click()
    expect(page.locator(".rating__message")).to_be_visible()
    audit.check("after rating")

    open_comment_form(page)
    page.locator(".comment-form__submit").click()
    expect(page.locator(".comment-form__error").first).to_be_visible()
    audit.check("comment form with errors")

    form = page.locator("#comment-form")
    form.locator("input[name=name]").fill("Trần Thị Bình")
    form.locator("input[name=email]").fill("binh@example.vn")
    form.locator("textarea").fill("Đề nghị phường sửa đèn đường ở ngõ 7.")
    form.locator("input[name=captcha_1]").fill(captcha_answer(page))
    page.locator(".comment-form__submit").click()
    expect(page.locator(".messages .message")).to_be_visible()
    assert re.search(r"\S", page.locator(".messages").inner_text())
    audit.check("after posting a comment")
    audit.assert_clean()
