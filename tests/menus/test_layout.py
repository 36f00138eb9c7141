"""The home page and the sidebar show the blocks of the site's layout, in its order; without a
saved layout, the defaults."""

import pytest

from menus import blocks
from menus.models import Link, Placement
from tests.factories import first_site, make_article, make_category

pytestmark = pytest.mark.django_db

SIDEBAR_BLOCKS = ['id="block-most-viewed"', 'id="block-latest"', 'id="block-stats"']


def positions(html, texts):
    return [html.find(text) for text in texts]


def place(area, block, order, option="", site=None, enabled=True):
    return Placement.objects.create(
        site=site or first_site(), area=area, block=block, option=option, order=order,
        is_enabled=enabled,
    )  # fmt: skip


@pytest.fixture
def news():
    government, culture = make_category("Chính quyền"), make_category("Văn hóa")
    make_article(government, title="Kỳ họp thường lệ")
    make_article(culture, title="Lễ hội đình làng")
    make_article(culture, title="Tin nổi bật trong tuần", is_featured=True)
    return government, culture


def test_the_defaults_are_the_blocks_the_portal_always_showed(client, no_page_cache, news):
    html = client.get("/").content.decode()
    found = positions(html, ['id="featured-heading"', 'id="section-chinh-quyen"', *SIDEBAR_BLOCKS])
    assert -1 not in found and found == sorted(found)
    assert blocks.default_layout("sidebar")[0] == ("most_viewed", "")


def test_staff_choose_the_blocks_and_their_order(client, no_page_cache, news):
    government, _culture = news
    place("home", "sections", 10, option=government.slug)
    place("home", "featured", 20)
    place("sidebar", "statistics", 10)
    place("sidebar", "latest", 20)
    place("sidebar", "most_viewed", 30, enabled=False)
    html = client.get("/").content.decode()
    assert 'id="section-chinh-quyen"' in html and 'id="section-van-hoa"' not in html
    assert html.find('id="section-chinh-quyen"') < html.find('id="featured-heading"')
    assert html.find('id="block-stats"') < html.find('id="block-latest"')
    assert 'id="block-most-viewed"' not in html


def test_an_area_not_laid_out_keeps_its_defaults(client, no_page_cache, news):
    place("sidebar", "latest", 10)
    html = client.get("/").content.decode()
    assert 'id="featured-heading"' in html and 'id="section-van-hoa"' in html
    assert 'id="block-most-viewed"' not in html and 'id="block-latest"' in html


def test_links_show_where_they_are_placed(client, no_page_cache):
    site = first_site()
    Link.objects.create(site=site, title="Cổng bên lề", url="https://a.example.vn")
    Link.objects.create(
        site=site, title="Cổng trang chủ", url="https://b.example.vn", placement="home"
    )
    Link.objects.create(
        site=site, title="Cổng chân trang", url="https://c.example.vn", placement="footer"
    )
    html = client.get("/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    sidebar = html[html.index("<aside") : html.index("</aside>")]
    footer = html[html.index("<footer") : html.index("</footer>")]
    assert "Cổng trang chủ" in main and "Cổng bên lề" in sidebar and "Cổng chân trang" in footer
    search = client.get("/tim-kiem/").content.decode()
    assert "Cổng bên lề" in search and "Cổng trang chủ" not in search


def test_an_unknown_block_of_a_removed_app_is_skipped(client, no_page_cache):
    place("sidebar", "poll-that-was-removed", 10)
    place("sidebar", "latest", 20)
    response = client.get("/")
    assert response.status_code == 200
    assert 'id="block-latest"' in response.content.decode()
