"""Site A's pages never show on site B: its pages, index, search, sitemap and admin."""

import pytest
from django.test import Client
from django.urls import reverse

from tenancy.roles import Role
from tenancy.testing import give_role
from tests.pages.helpers import make_page
from tests.tenancy.conftest import OTHER_HOST

pytestmark = pytest.mark.django_db

MARK = "Riêng của phường Phù Vân"


@pytest.fixture
def ours_and_theirs(other_site):
    ours = make_page(MARK, slug="rieng-phu-van", body=f"<p>{MARK}</p>")
    theirs = make_page("Giới thiệu xã Ninh Hải", site=other_site, slug="gioi-thieu-ninh-hai")
    return ours, theirs


def test_the_other_site_shows_none_of_our_pages(ours_and_theirs):
    ours, theirs = ours_and_theirs
    other = Client(HTTP_HOST=OTHER_HOST)
    assert other.get(ours.get_absolute_url()).status_code == 404
    assert other.get(ours.get_absolute_url() + "in/").status_code == 404
    for url in (
        "/trang/",
        reverse("articles:search") + "?q=rieng+cua+phuong",
        reverse("sitemap_section", args=["pages"]),
    ):
        html = other.get(url).content.decode()
        assert MARK not in html and "rieng-phu-van" not in html, url
    assert theirs.get_absolute_url() in other.get("/trang/").content.decode()


def test_the_admin_of_the_other_site_lists_none_of_our_pages(ours_and_theirs, django_user_model):
    _ours, theirs = ours_and_theirs
    user = django_user_model.objects.create_user("bientap.ninhhai", password="x", is_staff=True)
    give_role(user, Role.SITE_ADMINISTRATOR, theirs.site)
    other = Client(HTTP_HOST=OTHER_HOST)
    other.force_login(user)
    html = other.get(reverse("admin:pages_page_changelist")).content.decode()
    assert MARK not in html and theirs.title in html
