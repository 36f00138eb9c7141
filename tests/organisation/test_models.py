import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from organisation.models import TREE_DEPTH, Unit
from tenancy.models import Site

from .factories import make_person, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_site():
    return Site.objects.create(name="Cổng thông tin xã Ninh Hải")


def test_slug_from_vietnamese_name_unique_per_site(other_site):
    first = make_unit("Văn phòng HĐND và UBND")
    second = make_unit("Văn phòng HĐND và UBND")
    elsewhere = make_unit("Văn phòng HĐND và UBND", site=other_site)
    assert first.slug == "van-phong-hdnd-va-ubnd"
    assert second.slug == "van-phong-hdnd-va-ubnd-2"
    assert elsewhere.slug == first.slug


def test_slug_from_vietnamese_even_when_saved_in_english():
    with translation.override("en"):
        unit = Unit(site=make_unit().site, name_vi="Phòng Kinh tế", name_en="Economic Division")
        unit.save()
    assert unit.slug == "phong-kinh-te"


def test_parent_must_be_on_the_same_site(other_site):
    parent = make_unit("Ủy ban nhân dân", site=other_site)
    unit = Unit(site=make_unit().site, name="Phòng Kinh tế", parent=parent)
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "parent" in error.value.message_dict


def test_unit_cannot_be_placed_under_its_own_descendant():
    top = make_unit("Ủy ban nhân dân")
    child = make_unit("Văn phòng", parent=top)
    top.parent = child
    with pytest.raises(ValidationError) as error:
        top.full_clean()
    assert "parent" in error.value.message_dict


def test_tree_has_a_depth_limit():
    unit = make_unit("Cấp 1")
    for level in range(2, TREE_DEPTH + 1):
        unit = make_unit(f"Cấp {level}", parent=unit)
    unit.full_clean()
    too_deep = Unit(site=unit.site, name="Quá sâu", parent=unit)
    with pytest.raises(ValidationError):
        too_deep.full_clean()


def test_tree_order_puts_parents_before_children_with_depth():
    party = make_unit("Đảng ủy", order=1)
    committee = make_unit("Ủy ban nhân dân", order=2)
    office = make_unit("Văn phòng", parent=committee, order=1)
    economy = make_unit("Phòng Kinh tế", parent=committee, order=2)
    team = make_unit("Tổ một cửa", parent=office)
    ordered = Unit.objects.for_site(party.site).tree_order()
    assert ordered == [party, committee, office, team, economy]
    assert [unit.depth for unit in ordered] == [0, 0, 1, 2, 1]


def test_person_unit_must_be_on_the_same_site(other_site):
    unit = make_unit(site=other_site)
    person = make_person(make_unit())
    person.unit = unit
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "unit" in error.value.message_dict


def test_english_falls_back_to_vietnamese_when_empty():
    unit = make_unit("Phòng Văn hóa - Xã hội", functions="<p>Tham mưu về văn hóa.</p>")
    unit.name_en = "Culture and Society Division"
    unit.save()
    person = make_person(unit, position="Trưởng phòng")
    with translation.override("en"):
        unit.refresh_from_db()
        person.refresh_from_db()
        assert unit.name == "Culture and Society Division"
        assert unit.functions == "<p>Tham mưu về văn hóa.</p>"
        assert person.position == "Trưởng phòng"
    with translation.override("vi"):
        assert unit.name == "Phòng Văn hóa - Xã hội"


def test_rich_text_is_sanitized_in_both_languages():
    unit = make_unit(functions_en='<p onclick="x()">Advises</p><script>alert(1)</script>')
    unit.refresh_from_db()
    assert "script" not in unit.functions_en
    assert "onclick" not in unit.safe_functions


def test_names_are_normalized_to_nfc():
    decomposed = "Phòng Kinh tế".replace("ò", "o\u0300")
    unit = make_unit(decomposed)
    unit.refresh_from_db()
    assert unit.name == "Phòng Kinh tế"
