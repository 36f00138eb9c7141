"""The page journeys of `manage.py screenshots`: Playwright drives Chromium through a running
demo site and saves one full-page PNG per page type and width."""

import itertools
from dataclasses import dataclass
from urllib.parse import urljoin

# Headless Chromium calls itself HeadlessChrome, which the statistics count as a bot.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Searches per minute the demo site allows, so that the 429 page is quick to reach.
SEARCH_LIMIT = 5
HEIGHT = 900
SEARCHES = itertools.count()


@dataclass(frozen=True)
class Site:
    url: str
    username: str
    password: str

    def at(self, path):
        return urljoin(self.url, path)


def take(site, chromium, widths, output):
    """Yield the path of each PNG as it is saved."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            reader = browser.new_context(locale="vi-VN", user_agent=USER_AGENT)
            staff = browser.new_context(locale="vi-VN", user_agent=USER_AGENT)
            addresses = find_addresses(reader.new_page(), site)
            sign_in(staff.new_page(), site)
            for width in widths:
                pages = {"reader": reader.new_page(), "staff": staff.new_page()}
                for name, (who, show) in SHOTS.items():
                    page = pages[who]
                    page.set_viewport_size({"width": width, "height": HEIGHT})
                    show(page, site, addresses)
                    load_lazy_pictures(page)
                    path = output / f"{name}-{width}.png"
                    page.screenshot(path=path, full_page=True, animations="disabled")
                    yield path
                for page in pages.values():
                    page.close()
        finally:
            browser.close()


def load_lazy_pictures(page):
    """A full-page picture shows what is below the screen, where lazy pictures never load."""
    pictures = page.locator("img[loading=lazy]:not([hidden])")
    pictures.evaluate_all("images => images.forEach(image => { image.loading = 'eager'; })")
    pictures.evaluate_all("images => Promise.all(images.map(i => i.decode().catch(() => null)))")


def find_addresses(page, site):
    """The demo site's addresses of an article, a category, a tag and the article's admin page."""
    page.goto(site.at("/"))
    article = page.locator(".lead-article__title a").first.get_attribute("href")
    category = page.locator(".main-nav a[href*='/chuyen-muc/']").first.get_attribute("href")
    page.goto(site.at(article))
    tag = page.locator(".article__tags a").first.get_attribute("href")
    page.close()
    return {"article": article, "category": category, "tag": tag}


def sign_in(page, site):
    page.goto(site.at("/admin/login/"))
    page.fill("#id_username", site.username)
    page.fill("#id_password", site.password)
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    page.close()


def show(path):
    def go(page, site, addresses):
        page.goto(site.at(path.format(**addresses)))

    return go


def comment_form_open(page, site, addresses):
    """The article with the comment form in use: a name typed and the security code shown."""
    page.goto(site.at(addresses["article"]) + "#comment-form")
    form = page.locator("#comment-form")
    form.locator("input[name=name]").fill("Nguyễn Văn An")
    form.locator("textarea").fill("Đề nghị phường thông báo lịch cụ thể cho từng tổ dân phố.")
    image = form.locator(".captcha__image")
    image.wait_for(state="visible")
    image.evaluate("image => image.decode()")


def too_many_searches(page, site, addresses):
    """Distinct searches (the page cache would answer repeated ones) until the limit refuses."""
    for _attempt in range(SEARCH_LIMIT * 4):
        response = page.goto(site.at(f"/tim-kiem/?q=phuong+{next(SEARCHES)}"))
        if response.status == 429:
            return
    raise RuntimeError("the search limit never refused a search")


def first_in_admin(changelist, form_id):
    def edit(page, site, addresses):
        page.goto(site.at(changelist))
        page.locator("#result_list tbody tr th a").first.click()
        page.locator(form_id).wait_for()
        page.locator(".prose-menubar").first.wait_for()  # the editor, not its bare fields

    return edit


article_admin = first_in_admin("/admin/articles/article/", "#article_form")


def menu_open(page, site, addresses):
    """The home page with the header menu opened from its button (on a phone), or hovered."""
    page.goto(site.at("/"))
    toggle = page.locator(".main-nav__toggle")
    if toggle.is_visible():
        toggle.click()
    else:
        page.locator(".main-nav__item--parent").first.hover()


def menu_admin(page, site, addresses):
    page.goto(site.at("/admin/menus/menu/"))
    page.locator("#result_list tbody tr th a").first.click()
    page.locator("#menu_form").wait_for()


SHOTS = {
    "home": ("reader", show("/")),
    "home-menu-open": ("reader", menu_open),
    "category": ("reader", show("{category}")),
    "article": ("reader", show("{article}")),
    "article-comment-form": ("reader", comment_form_open),
    "search": ("reader", show("/tim-kiem/?q=ph%C6%B0%E1%BB%9Dng")),
    "tag": ("reader", show("{tag}")),
    "print": ("reader", show("{article}in/")),
    "organisation": ("reader", show("/to-chuc/")),
    "organisation-unit": ("reader", show("/to-chuc/van-phong/")),
    "contacts-directory": ("reader", show("/danh-ba/")),
    "404": ("reader", show("/trang-khong-co/")),
    "429": ("reader", too_many_searches),
    "admin-login": ("reader", show("/admin/login/")),
    "admin-article-edit": ("staff", article_admin),
    "page": ("reader", show("/trang/gioi-thieu/")),
    "sub-page": ("reader", show("/trang/gioi-thieu-chung/")),
    "pages-index": ("reader", show("/trang/")),
    "page-print": ("reader", show("/trang/lich-su-hinh-thanh/in/")),
    "admin-pages": ("staff", show("/admin/pages/page/")),
    "admin-page-edit": ("staff", first_in_admin("/admin/pages/page/", "#page_form")),
    "admin-menu-edit": ("staff", menu_admin),
}
