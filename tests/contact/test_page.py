"""The contact page as readers get it: from the page cache with their own CSRF token and no
security code written, in a fixed number of queries, in English, and per site."""

import pytest
from captcha.models import CaptchaStore
from django.conf import settings
from django.test import Client

from contact.models import ContactMessage
from organisation.models import Organisation
from tenancy.services import add_site
from tests.factories import first_site

from .helpers import PAGE, SEND, message_data, office_unit

pytestmark = pytest.mark.django_db

READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}
OTHER_HOST = "hoabinh.example.gov.vn"


def test_the_page_comes_from_the_cache_with_the_reader_s_own_token():
    assert Client(**READER).get(PAGE)["X-Page-Cache"] == "miss"
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.4", **READER)
    page = client.get(PAGE)
    html = page.content.decode()
    assert page["X-Page-Cache"] == "hit" and "@@csrf-token@@" not in html
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    sent = client.post(SEND, {**message_data(), "csrfmiddlewaretoken": token})
    assert sent.status_code == 302
    assert not CaptchaStore.objects.exists()  # the page wrote no code; the one used is gone


def test_a_new_unit_shows_at_once_on_the_cached_page(committed):
    Client(**READER).get(PAGE)
    with committed():
        office_unit(name="Công an phường")
    page = Client(**READER).get(PAGE)
    assert page["X-Page-Cache"] == "miss" and "Công an phường" in page.content.decode()


def test_the_page_takes_a_fixed_number_of_queries(no_page_cache, django_assert_num_queries):
    for n in range(5):
        office_unit(name=f"Đơn vị {n}", email=f"dv{n}@example.gov.vn")
    Client(**READER).get(PAGE)
    # The organisation's profile and the units (the site is known per process).
    with django_assert_num_queries(2):
        response = Client(**READER).get(PAGE)
    select = response.content.decode().split('<select name="unit"', 1)[1].split("</select>")[0]
    assert select.count("<option") == 6


def test_the_confirmation_takes_a_fixed_number_of_queries(django_assert_num_queries):
    message = ContactMessage.objects.create(
        site=first_site(), unit=office_unit(), name="A", subject="S", message="M"
    )
    address = f"/lien-he/da-gui/{message.reference}/"
    Client(**READER).get(address)  # the sidebar's blocks are cached for every page
    with django_assert_num_queries(2):  # the message and its unit, the organisation
        response = Client(**READER).get(address)
    assert message.reference in response.content.decode()


def test_the_page_in_english():
    client = Client(**READER)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(PAGE).content.decode()
    assert "Send a message" in html and "Security code" in html and "Send me a copy" in html
    refused = client.post(SEND, message_data(name=""))
    assert "Please enter your name." in refused.content.decode()


def test_each_site_shows_its_own_office_and_units_and_inbox(client):
    other, _created = add_site(OTHER_HOST, "Xã Hòa Bình", office_address="Thôn Đông, xã Hòa Bình")
    office_unit(name="Văn phòng xã Hòa Bình", site=other)
    office_unit(name="Văn phòng phường Phù Vân")
    ours = Client(**READER).get(PAGE).content.decode()
    theirs = Client(**READER).get(PAGE, HTTP_HOST=OTHER_HOST).content.decode()
    assert "Văn phòng phường Phù Vân" in ours and "Hòa Bình" not in ours
    assert "Thôn Đông, xã Hòa Bình" in theirs and "Phù Vân" not in theirs
    Client(REMOTE_ADDR="198.51.100.8").post(SEND, message_data(), HTTP_HOST=OTHER_HOST)
    assert ContactMessage.objects.get().site == other


def test_the_sitemap_lists_the_contact_page_of_each_site():
    from tenancy.services import add_site

    add_site(OTHER_HOST, "Xã Hòa Bình")
    ours = Client().get("/sitemap-contact.xml").content.decode()
    theirs = Client().get("/sitemap-contact.xml", HTTP_HOST=OTHER_HOST).content.decode()
    assert "http://testserver/lien-he/" in ours and "lien-he/da-gui" not in ours
    assert f"http://{OTHER_HOST}/lien-he/" in theirs


def test_the_office_is_named_as_the_organisation_names_it_in_each_language():
    Organisation.objects.create(
        site=first_site(),
        name="Ủy ban nhân dân phường Phù Vân",
        name_en="Phu Van Ward People's Committee",
        address_en="Le Hoan Street, Phu Van Ward",
    )
    assert "Ủy ban nhân dân phường Phù Vân" in Client(**READER).get(PAGE).content.decode()
    client = Client(**READER)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(PAGE).content.decode()
    assert "Phu Van Ward People&#x27;s Committee" in html
    assert "Le Hoan Street, Phu Van Ward" in html


def test_staff_may_put_the_contact_page_in_a_menu():
    from menus import registry

    assert registry.lists()["contact"].address() == "/lien-he/"
