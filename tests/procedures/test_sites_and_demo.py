"""Site A's procedures never show on site B (page, list, search, sitemap, admin); the demo adds
a dozen procedures once."""

import pytest
from django.test import Client
from django.urls import reverse

from procedures.demo import seed
from procedures.models import Procedure
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.tenancy.conftest import OTHER_HOST

from .helpers import make_procedure

pytestmark = pytest.mark.django_db

MARK = "Cấp giấy phép riêng của phường Phù Vân"


@pytest.fixture
def ours_and_theirs(other_site):
    ours = make_procedure(MARK, "1.999999")
    theirs = make_procedure("Đăng ký khai sinh Ninh Hải", "1.001193", site=other_site)
    return ours, theirs


def test_the_other_site_shows_none_of_our_procedures(ours_and_theirs):
    ours, theirs = ours_and_theirs
    other = Client(HTTP_HOST=OTHER_HOST)
    assert other.get(ours.get_absolute_url()).status_code == 404
    for url in (
        "/thu-tuc-hanh-chinh/",
        "/thu-tuc-hanh-chinh/?q=giay+phep+rieng",
        "/thu-tuc-hanh-chinh/?q=1.999999",
        reverse("articles:search") + "?q=giay+phep+rieng",
        reverse("sitemap_section", args=["procedures"]),
    ):
        html = other.get(url).content.decode()
        assert MARK not in html and ours.slug not in html, url
    assert theirs.get_absolute_url() in other.get("/thu-tuc-hanh-chinh/").content.decode()


def test_the_same_code_on_two_sites(ours_and_theirs, other_site):
    make_procedure("Đăng ký khai sinh", "1.001193")
    assert Procedure.objects.filter(code="1.001193").count() == 2


def test_the_admin_of_the_other_site_lists_none_of_our_procedures(
    ours_and_theirs, django_user_model
):
    _ours, theirs = ours_and_theirs
    user = django_user_model.objects.create_user("bientap.ninhhai", password="x", is_staff=True)
    give_role(user, Role.SITE_ADMINISTRATOR, theirs.site)
    other = Client(HTTP_HOST=OTHER_HOST)
    other.force_login(user)
    html = other.get(reverse("admin:procedures_procedure_changelist")).content.decode()
    assert MARK not in html and theirs.name in html


def test_the_demo_adds_a_dozen_procedures_once(first_site):
    assert seed(first_site) == 12
    assert seed(first_site) == 0
    procedures = Procedure.objects.for_site(first_site)
    assert procedures.count() == 12
    assert {p.level for p in procedures} == {"full", "partial", "information"}
    assert procedures.values("sector").distinct().count() >= 4
    birth = procedures.get(code="1.001193")
    assert birth.slug == "dang-ky-khai-sinh" and birth.forms.count() == 1
    assert birth.national_url.startswith("https://dichvucong.gov.vn/")
    assert all(p.papers and p.time_limit and p.fees for p in procedures)


def test_the_list_is_a_menu_destination():
    from menus import registry

    assert registry.lists()["procedures"].address() == "/thu-tuc-hanh-chinh/"
