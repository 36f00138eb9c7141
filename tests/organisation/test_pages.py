import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from organisation.models import Person, Unit
from tests.library.test_pictures import picture_bytes

from .factories import make_person, make_unit

pytestmark = pytest.mark.django_db

CHART, DIRECTORY = "/to-chuc/", "/danh-ba/"


def unit_url(slug):
    return reverse("organisation:unit", kwargs={"slug": slug})


def test_chart_is_a_nested_list_of_units_linking_to_their_pages(client, organisation):
    html = client.get(CHART).content.decode()
    chart = html[html.index('<ul class="org-chart"') : html.index('<p class="org-more">')]
    assert chart.count("<ul") == 2, "the committee's offices are a list inside its item"
    committee = chart.index(f'href="{unit_url("ubnd")}"')
    office = chart.index(f'href="{unit_url("van-phong")}"')
    assert committee < chart.index('<ul class="org-chart__children">') < office
    assert "Phòng Văn hóa – Xã hội" in chart  # noqa: RUF001
    assert '<link rel="canonical" href="http://testserver/to-chuc/">' in html
    assert 'aria-current="page">Cơ cấu tổ chức' in html


def test_unit_page_shows_functions_contacts_and_people_in_order(client, organisation):
    html = client.get(unit_url("van-phong")).content.decode()
    assert "Tham mưu, tổng hợp, giúp việc" in html
    assert 'href="tel:02293871105"' in html
    assert 'href="mailto:vanphong.phuvan@example.gov.vn"' in html
    assert html.index("Vũ Thị Mai") < html.index("Bùi Anh Tuấn")
    assert f'<a href="{unit_url("ubnd")}">Ủy ban nhân dân phường</a>' in html
    assert re.search(r'<meta name="description" content="[^"]*Văn phòng HĐND và UBND', html)


def test_unknown_unit_is_not_found(client, organisation):
    assert client.get(unit_url("khong-co")).status_code == 404


def test_directory_lists_points_of_contact_then_everyone_by_unit(client, organisation):
    html = client.get(DIRECTORY).content.decode()
    points = html[html.index("Đầu mối liên hệ") : html.index("Cán bộ theo đơn vị")]
    assert "Phạm Quốc Hùng" in points and "Vũ Thị Mai" in points
    assert "Nguyễn Văn Thành" not in points
    everyone = html[html.index("Cán bộ theo đơn vị") :]
    assert everyone.index("Nguyễn Văn Thành") < everyone.index("Phan Thị Ngọc")
    assert "Số 1 đường Hùng Vương" in html or organisation.office_address in html


# Units, people (and the unit's sub-units), the organisation profile: the sidebar's blocks are
# cached, the site is known.
QUERIES = {CHART: 2, unit_url("ubnd"): 4, DIRECTORY: 3}


@pytest.mark.usefixtures("no_page_cache")
def test_query_counts_do_not_grow_with_units_and_people(
    client, organisation, django_assert_num_queries
):
    committee = Unit.objects.get(slug="ubnd")
    for round in range(2):
        for path, queries in QUERIES.items():
            client.get(path)  # fills the sidebar's cached blocks
            with django_assert_num_queries(queries):
                assert client.get(path).status_code == 200
        for n in range(5):
            office = make_unit(f"Tổ công tác {round} {n}", parent=committee)
            make_person(office, name=f"Cán bộ {n}", is_contact_point=True)
            make_person(committee, name=f"Phó Chủ tịch {round} {n}")


def test_pages_change_at_once_when_staff_edit(
    client, organisation, django_capture_on_commit_callbacks
):
    assert "Vũ Thị Mai" in client.get(DIRECTORY).content.decode()
    Person.objects.filter(name="Vũ Thị Mai").update(name="x")  # no signal: still cached
    assert "Vũ Thị Mai" in client.get(DIRECTORY).content.decode()
    person = Person.objects.get(name="x")
    person.name = "Vũ Thị Mai Anh"
    with django_capture_on_commit_callbacks(execute=True):
        person.save()
    assert "Vũ Thị Mai Anh" in client.get(DIRECTORY).content.decode()


def test_english_shown_after_switching_language(english, organisation):
    unit = Unit.objects.get(slug="phong-kinh-te")
    unit.name_en = ""
    unit.save()
    chart = english.get(CHART).content.decode()
    assert "Ward People&#x27;s Committee" in chart
    assert '<p class="lead">Phu Van Ward People&#x27;s Committee</p>' in chart
    assert "Phòng Kinh tế" in chart, "an empty English name shows the Vietnamese"
    page = english.get(unit_url("van-phong")).content.decode()
    assert "Advises and assists the People" in page
    assert "Chief of Office" in page
    assert "Organisation structure" in page
    directory = english.get(DIRECTORY).content.decode()
    assert "Points of contact" in directory and "Chairman of the People" in directory


def test_sitemap_lists_the_organisation(client, organisation):
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-organisation.xml" in index
    section = client.get("/sitemap-organisation.xml").content.decode()
    assert "http://testserver/to-chuc/</loc>" in section
    assert "http://testserver/danh-ba/</loc>" in section
    assert f"http://testserver{unit_url('trung-tam-phuc-vu-hanh-chinh-cong')}</loc>" in section


def test_empty_organisation_pages_say_so(client):
    assert "chưa được công bố" in client.get(CHART).content.decode()
    assert client.get(DIRECTORY).status_code == 200


def test_a_persons_photo_is_a_checked_library_picture(client, organisation):
    person = Person.objects.get(site=organisation, name="Vũ Thị Mai")
    person.photo.save("anh-the.png", ContentFile(picture_bytes(size=(600, 800), format="PNG")))
    html = client.get(unit_url("van-phong")).content.decode()
    img = re.search(r'<img class="person__photo" src="([^"]+)"[^>]*>', html)
    assert img and 'alt=""' in img.group(0) and 'loading="lazy"' in img.group(0)
    assert person.photo.name.startswith("pictures/") and person.photo_width == 600
