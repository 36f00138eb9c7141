"""A site's theme colour colours its pages (a stylesheet of its own), never at the cost of
legible text."""

import pytest
from django.core.exceptions import ValidationError

from tenancy.models import Site
from tenancy.theme import contrast_with_white, darker, validate_contrast
from tests.tenancy.conftest import OTHER_HOST
from tests.tenancy.test_admin import ADD_URL, site_form

pytestmark = pytest.mark.django_db

THEME_LINK = '<link rel="stylesheet" href="/giao-dien/'


def theme_address(html):
    start = html.index(THEME_LINK) + len('<link rel="stylesheet" href="')
    return html[start : html.index('"', start)]


def test_a_site_with_its_own_colour_links_a_stylesheet_that_sets_it(client, other_site):
    other_site.theme_colour = "#1B5E20"
    other_site.save()
    address = theme_address(client.get("/", HTTP_HOST=OTHER_HOST).content.decode())
    assert address == f"/giao-dien/{other_site.fingerprint}.css"
    response = client.get(address, HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "--red: #1b5e20;" in response.content.decode()
    assert f"--red-dark: {darker('#1b5e20')};" in response.content.decode()
    assert "immutable" in response["Cache-Control"]


def test_the_default_colour_adds_no_request(client, first_site):
    assert THEME_LINK not in client.get("/").content.decode()


def test_a_changed_colour_gets_a_new_address_and_the_old_one_is_not_kept_long(client, other_site):
    other_site.theme_colour = "#1b5e20"
    other_site.save()
    old = f"/giao-dien/{other_site.fingerprint}.css"
    other_site.theme_colour = "#0d47a1"
    other_site.save()
    html = client.get("/", HTTP_HOST=OTHER_HOST).content.decode()
    assert theme_address(html) != old
    stale = client.get(old, HTTP_HOST=OTHER_HOST)
    assert "--red: #0d47a1;" in stale.content.decode()
    assert stale["Cache-Control"] == "max-age=60"


def test_each_site_gets_its_own_colours(client, first_site, other_site):
    other_site.theme_colour = "#1b5e20"
    other_site.save()
    css = client.get(f"/giao-dien/{first_site.fingerprint}.css").content.decode()
    assert "--red: #b71c1c;" in css


@pytest.mark.parametrize("colour", ["#ffeb3b", "#90caf9", "#ffffff"])
def test_a_colour_too_light_for_white_text_is_refused_in_vietnamese(colour):
    with pytest.raises(ValidationError) as refused:
        validate_contrast(colour)
    assert refused.value.code == "low_contrast"
    assert contrast_with_white(colour) < 4.5


@pytest.mark.parametrize("colour", ["#b71c1c", "#1b5e20", "#0d47a1", "#000000"])
def test_dark_colours_are_accepted(colour):
    validate_contrast(colour)
    assert contrast_with_white(darker(colour)) >= contrast_with_white(colour)


def test_the_admin_refuses_a_light_colour_in_vietnamese_and_keeps_the_form(client, staff_user):
    client.force_login(staff_user)
    form = {**site_form(("ninhhai.example.gov.vn", True)), "theme_colour": "#ffeb3b"}
    response = client.post(ADD_URL, form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Màu này quá nhạt" in html
    assert 'value="#ffeb3b"' in html and "Cổng thông tin điện tử xã Ninh Hải" in html
    assert not Site.objects.filter(name="Cổng thông tin điện tử xã Ninh Hải").exists()
