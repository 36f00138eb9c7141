"""The demo's pages: a ward's usual "Giới thiệu" section, in the words of a ward or a commune."""

import pytest
from django.core.management import call_command

from pages.demo import seed
from pages.models import Page
from tenancy.models import Site
from tests.factories import first_site

pytestmark = pytest.mark.django_db

SUB_PAGES = ["Giới thiệu chung", "Lịch sử hình thành", "Chức năng, nhiệm vụ", "Cơ cấu tổ chức"]


def test_the_demo_has_an_about_section_with_its_sub_pages(client):
    call_command("seed_demo", verbosity=0)
    site = first_site()
    about = Page.objects.for_site(site).get(slug="gioi-thieu")
    children = Page.objects.for_site(site).published().filter(parent=about).order_by("order")
    assert [page.title for page in children] == SUB_PAGES
    assert all(page.body.count("<p>") >= 1 and page.seo_description for page in children)
    structure = children.get(slug="co-cau-to-chuc")
    assert 'href="/to-chuc/"' in structure.body
    assert "phường Phù Vân" in children.get(slug="lich-su-hinh-thanh").body
    html = client.get(about.get_absolute_url()).content.decode()
    assert all(title in html for title in SUB_PAGES)


def test_the_second_ward_speaks_of_a_commune():
    call_command("seed_demo", verbosity=0)
    ward = Site.objects.for_host("localhost")
    history = Page.objects.for_site(ward).get(slug="lich-su-hinh-thanh")
    assert "xã Ninh Hải" in history.body and "phường" not in history.body


def test_seeding_again_adds_nothing_and_keeps_what_staff_edited():
    site = first_site()
    assert seed(site) == 5
    Page.objects.for_site(site).filter(slug="gioi-thieu-chung").update(title="Tổng quan")
    Page.objects.for_site(site).filter(slug="lich-su-hinh-thanh").delete()
    assert seed(site) == 1
    assert Page.objects.for_site(site).get(slug="gioi-thieu-chung").title == "Tổng quan"
