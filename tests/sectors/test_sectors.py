import pytest
from django.db import IntegrityError

from sectors.demo import SECTORS, seed
from sectors.models import Sector

pytestmark = pytest.mark.django_db


def test_a_field_gets_a_folded_slug_unique_on_its_site(first_site, other_site):
    land = Sector.objects.create(site=first_site, name="  Đất đai ")
    assert (land.name, land.slug) == ("Đất đai", "dat-dai")
    assert Sector.objects.create(site=other_site, name="Đất đai").slug == "dat-dai"
    with pytest.raises(IntegrityError):
        Sector.objects.create(site=first_site, name="Đất đai")


def test_the_demo_adds_each_field_once_in_order(first_site):
    assert seed(first_site) == len(SECTORS)
    assert seed(first_site) == 0
    names = list(Sector.objects.for_site(first_site).in_order().values_list("name", flat=True))
    assert names == SECTORS
