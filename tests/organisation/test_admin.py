import pytest
from django.urls import reverse

from organisation.models import Person, Unit
from tenancy.roles import Role
from tenancy.testing import give_role

from .factories import make_person, make_unit

pytestmark = pytest.mark.django_db

UNITS = reverse("admin:organisation_unit_changelist")
ADD_UNIT = reverse("admin:organisation_unit_add")
PEOPLE = reverse("admin:organisation_person_changelist")


@pytest.fixture
def staff(client, django_user_model):
    def signed_in(role):
        user = django_user_model.objects.create_user(f"u-{role}", password="x", is_staff=True)
        give_role(user, role)
        client.force_login(user)
        return client

    return signed_in


def unit_form(**fields):
    form = {
        "name_vi": "Phòng Kinh tế",
        "slug": "",
        "parent": "",
        "order": "2",
        "kind": "office",
        "other_kind_vi": "",
        "functions_vi": "<p>Tham mưu về kinh tế.</p>",
        "address_vi": "",
        "phone": "0229 3 871 106",
        "fax": "",
        "email": "kinhte@example.gov.vn",
        "name_en": "Economic Division",
        "other_kind_en": "",
        "functions_en": "",
        "address_en": "",
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "1000",
        "people-0-name": "Ngô Đức Long",
        "people-0-position_vi": "Trưởng phòng",
        "people-0-position_en": "Head of Division",
        "people-0-phone": "0229 3 871 161",
        "people-0-email": "ndlong@example.gov.vn",
        "people-0-order": "1",
        "people-0-is_contact_point": "on",
    }
    return {**form, **fields}


def test_site_administrator_adds_a_unit_with_its_people(staff, first_site):
    client = staff(Role.SITE_ADMINISTRATOR)
    committee = make_unit("Ủy ban nhân dân")
    form = client.get(ADD_UNIT).content.decode()
    assert "collapse" in form and "Tiếng Anh" in form
    assert 'name="functions_en"' in form and "prose-editor" in form
    response = client.post(ADD_UNIT, unit_form(parent=committee.pk))
    assert response.status_code == 302, response.context["errors"]
    unit = Unit.objects.get(slug="phong-kinh-te")
    assert (unit.site, unit.parent, unit.name_en) == (first_site, committee, "Economic Division")
    person = unit.people.get()
    assert (person.site, person.position_en, person.is_contact_point) == (
        first_site,
        "Head of Division",
        True,
    )


def test_a_unit_needs_its_vietnamese_name(staff):
    client = staff(Role.SITE_ADMINISTRATOR)
    response = client.post(ADD_UNIT, unit_form(name_vi=""))
    assert response.status_code == 200
    assert "name_vi" in response.context["adminform"].form.errors
    assert "Ngô Đức Long" in response.content.decode(), "what was typed stays"


def test_unit_list_is_in_tree_order_with_indentation(staff):
    client = staff(Role.SITE_ADMINISTRATOR)
    committee = make_unit("Ủy ban nhân dân", order=2)
    make_unit("Phòng Kinh tế", parent=committee, order=2)
    make_unit("Văn phòng", parent=committee, order=1)
    make_unit("Đảng ủy", order=1)
    html = client.get(UNITS).content.decode()
    names = ["Đảng ủy", "Ủy ban nhân dân", "— Văn phòng", "— Phòng Kinh tế"]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)


def test_people_list_filters_by_unit_and_contact_point(staff):
    client = staff(Role.SITE_ADMINISTRATOR)
    office = make_unit("Văn phòng")
    make_person(office, name="Vũ Thị Mai", is_contact_point=True)
    make_person(make_unit("Phòng Kinh tế"), name="Ngô Đức Long")
    contact = client.get(PEOPLE, {"is_contact_point__exact": "1"}).content.decode()
    assert "Vũ Thị Mai" in contact and "Ngô Đức Long" not in contact
    by_unit = client.get(PEOPLE, {"unit__id__exact": office.pk}).content.decode()
    assert "Vũ Thị Mai" in by_unit and "Ngô Đức Long" not in by_unit


def test_a_unit_cannot_be_moved_under_its_own_office(staff):
    client = staff(Role.SITE_ADMINISTRATOR)
    committee = make_unit("Ủy ban nhân dân", slug="ubnd")
    office = make_unit("Văn phòng", parent=committee)
    url = reverse("admin:organisation_unit_change", args=[committee.pk])
    form = unit_form(name_vi="Ủy ban nhân dân", slug="ubnd", parent=office.pk)
    form.update({"people-TOTAL_FORMS": "0"})
    response = client.post(url, form)
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors


def test_publishers_keep_people_but_do_not_add_units(staff):
    client = staff(Role.PUBLISHER)
    assert client.get(PEOPLE).status_code == 200
    assert client.get(reverse("admin:organisation_person_add")).status_code == 200
    assert client.get(UNITS).status_code == 200
    assert client.get(ADD_UNIT).status_code == 403


def test_editors_do_not_see_the_organisation(staff):
    client = staff(Role.EDITOR)
    assert client.get(UNITS).status_code == 403
    assert not Person.objects.exists()


def test_one_organisation_profile_per_site(staff, first_site):
    client = staff(Role.SITE_ADMINISTRATOR)
    url = reverse("admin:organisation_organisation_add")
    form = {"name_vi": "UBND phường Phù Vân", "name_en": "Phu Van Ward People's Committee"}
    assert client.post(url, form).status_code == 302
    again = client.post(url, form)
    assert again.status_code == 200
    assert "đã có phần giới thiệu tổ chức" in again.content.decode()
    assert first_site.organisation.name_en == "Phu Van Ward People's Committee"
