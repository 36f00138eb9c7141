"""Each host shows its own site's identity, wherever a page, feed or file names the site."""

import json
import re

import pytest
from django.test import Client

from tests.factories import make_article

from .conftest import OTHER_HOST

pytestmark = pytest.mark.django_db


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def json_ld(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


@pytest.mark.parametrize("host", ["testserver", OTHER_HOST])
def test_pages_name_the_site_of_their_host(client, first_site, other_site, host):
    site, stranger = (first_site, other_site) if host == "testserver" else (other_site, first_site)
    article = make_article(title="Lễ hội làng năm nay", site=site)
    home = client.get("/", HTTP_HOST=host).content.decode()
    assert title_of(home) == site.name
    footer = home[home.index('<footer class="site-footer">') :]
    assert site.office["name"] in footer and site.office["address"] in footer
    assert stranger.name not in home and stranger.office["name"] not in home

    page = client.get(article.get_absolute_url(), HTTP_HOST=host).content.decode()
    assert json_ld(page)["publisher"]["name"] == site.office["name"]
    assert f'<meta property="og:site_name" content="{site.name}">' in page

    feed = client.get("/rss/", HTTP_HOST=host).content.decode()
    assert f"<title>{site.name}</title>" in feed
    assert stranger.name not in feed

    robots = client.get("/robots.txt", HTTP_HOST=host).content.decode()
    assert f"Sitemap: http://{host}/sitemap.xml" in robots


def test_the_page_cache_never_serves_one_hosts_page_to_another(client, first_site, other_site):
    caching = [client.get("/", HTTP_HOST="testserver")["X-Page-Cache"] for _ in range(3)]
    assert caching[-1] == "hit"
    response = client.get("/", HTTP_HOST=OTHER_HOST)
    assert response["X-Page-Cache"] == "miss"
    assert title_of(response.content.decode()) == other_site.name
    assert client.get("/", HTTP_HOST="testserver")["X-Page-Cache"] == "hit"


def test_a_sites_footer_text_theme_colour_and_logo_show(client, other_site, settings):
    other_site.footer_text = "Giấy phép số 12/GP-STTTT"
    other_site.theme_colour = "#1b5e20"
    other_site.logo = "sites/ninhhai.png"
    other_site.save()
    html = client.get("/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "Giấy phép số 12/GP-STTTT" in html
    assert '<meta name="theme-color" content="#1b5e20">' in html
    assert f'src="{settings.MEDIA_URL}sites/ninhhai.png"' in html


def test_a_sites_default_language_applies_until_the_reader_chooses(client, other_site):
    other_site.language = "en"
    other_site.save()
    assert '<html lang="en">' in client.get("/", HTTP_HOST=OTHER_HOST).content.decode()
    assert '<html lang="vi">' in client.get("/", HTTP_HOST="testserver").content.decode()
    client.cookies["django_language"] = "vi"
    assert '<html lang="vi">' in client.get("/", HTTP_HOST=OTHER_HOST).content.decode()


def test_the_server_error_page_names_the_site_of_its_host(other_site, settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/thu-loi/500/", HTTP_HOST=OTHER_HOST)
    assert response.status_code == 500
    html = response.content.decode()
    assert other_site.name in html and "Phù Vân" not in html


def test_editing_one_site_rebuilds_its_pages_and_no_other_sites(client, first_site, other_site):
    for host in ("testserver", OTHER_HOST, "testserver", OTHER_HOST):
        client.get("/", HTTP_HOST=host)
    other_site.name = "Cổng thông tin điện tử xã Ninh Hải mới"
    other_site.save()
    response = client.get("/", HTTP_HOST=OTHER_HOST)
    assert response["X-Page-Cache"] == "miss"
    assert title_of(response.content.decode()) == other_site.name
    assert client.get("/", HTTP_HOST="testserver")["X-Page-Cache"] == "hit"


def test_the_offices_fax_shows_in_the_footer_and_on_the_contact_page(client, other_site):
    """Decree 42/2022 art. 6: the agency's address, phone, fax and e-mail."""
    assert "Fax" not in client.get("/", HTTP_HOST=OTHER_HOST).content.decode()
    other_site.fax = "0229 3 612 346"
    other_site.save()
    for path in ("/", "/lien-he/"):
        html = client.get(path, HTTP_HOST=OTHER_HOST).content.decode()
        assert "0229 3 612 346" in html, path
