"""One ward's organisation never shows on another's pages (the admin: tests/tenancy/
test_admin_isolation.py walks the organisation's models too)."""

import pytest

from organisation.demo import seed_demo
from organisation.models import Person, Unit

from .conftest import OTHER_HOST
from .factories import make_person, make_unit

pytestmark = pytest.mark.django_db

THEIRS = "Tổ riêng xã Ninh Hải"


@pytest.fixture
def two_sites(first_site, other_site):
    seed_demo(first_site)
    seed_demo(other_site, second_ward=True)
    theirs = make_unit(THEIRS, site=other_site, slug="to-rieng")
    make_person(theirs, name="Người riêng Ninh Hải", is_contact_point=True)
    return first_site, other_site


def test_the_second_ward_is_a_commune_with_its_own_rows(two_sites):
    first, other = two_sites
    assert Unit.objects.get(site=other, slug="ubnd").name_vi == "Ủy ban nhân dân xã"
    assert Unit.objects.get(site=other, slug="ubnd").name_en == "Commune People's Committee"
    assert Unit.objects.get(site=first, slug="ubnd").name_vi == "Ủy ban nhân dân phường"
    assert first.organisation.name_en == "Phu Van Ward People's Committee"
    assert other.organisation.name_en == "Ninh Hai Commune People's Committee"
    mai = Person.objects.get(site=other, name="Vũ Thị Mai")
    assert mai.email == "vtmai.ninhhai@example.gov.vn"


def test_public_pages_show_only_their_sites_organisation(client, two_sites):
    for path in ("/to-chuc/", "/danh-ba/", "/to-chuc/ubnd/", "/sitemap-organisation.xml"):
        ours = client.get(path).content.decode()
        assert THEIRS not in ours and "Người riêng" not in ours and "/to-rieng/" not in ours
        assert "xã Ninh Hải" not in ours
        theirs = client.get(path, HTTP_HOST=OTHER_HOST).content.decode()
        assert "Ủy ban nhân dân phường" not in theirs
    assert "Người riêng Ninh Hải" in client.get("/danh-ba/", HTTP_HOST=OTHER_HOST).content.decode()
    assert client.get("/to-chuc/to-rieng/").status_code == 404
    assert client.get("/to-chuc/to-rieng/", HTTP_HOST=OTHER_HOST).status_code == 200


def test_seeding_again_adds_nothing_and_keeps_staff_edits(two_sites):
    first, _other = two_sites
    unit = Unit.objects.get(site=first, slug="van-phong")
    unit.phone = "0229 3 999 999"
    unit.save()
    assert seed_demo(first) == 0
    unit.refresh_from_db()
    assert unit.phone == "0229 3 999 999"
