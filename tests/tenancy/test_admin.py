import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tenancy.models import Site

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:tenancy_site_add")


def site_form(*domains):
    data = {
        "name": "Cổng thông tin điện tử xã Ninh Hải",
        "is_active": "on",
        "language": "vi",
        "theme_colour": "#1b5e20",
        "domains-TOTAL_FORMS": str(len(domains)),
        "domains-INITIAL_FORMS": "0",
        "domains-MIN_NUM_FORMS": "0",
        "domains-MAX_NUM_FORMS": "1000",
    }
    for index, (host, primary) in enumerate(domains):
        data[f"domains-{index}-host"] = host
        if primary:
            data[f"domains-{index}-is_primary"] = "on"
    return data


def test_a_superuser_adds_a_site_with_its_host_names(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        ADD_URL, site_form(("NinhHai.example.gov.vn", True), ("ninhhai.vn", False))
    )
    assert response.status_code == 302, response.content.decode()
    site = Site.objects.get(name="Cổng thông tin điện tử xã Ninh Hải")
    assert site.primary_host == "ninhhai.example.gov.vn"
    listing = client.get(reverse("admin:tenancy_site_changelist")).content.decode()
    assert "ninhhai.example.gov.vn" in listing and "#1b5e20" in listing


@pytest.mark.parametrize(
    "domains", [[("a.example.vn", False)], [("a.example.vn", True), ("b.example.vn", True)]]
)
def test_a_site_needs_exactly_one_primary_host_name(client, staff_user, domains):
    client.force_login(staff_user)
    response = client.post(ADD_URL, site_form(*domains))
    assert response.status_code == 200
    assert "đúng một tên miền là tên miền chính" in response.content.decode()
    assert not Site.objects.filter(name="Cổng thông tin điện tử xã Ninh Hải").exists()


@pytest.mark.parametrize("colour, host", [("red", "a.example.vn"), ("#1b5e20", "http://a.vn/")])
def test_a_bad_colour_or_host_name_is_refused_in_vietnamese(client, staff_user, colour, host):
    client.force_login(staff_user)
    response = client.post(ADD_URL, {**site_form((host, True)), "theme_colour": colour})
    html = response.content.decode()
    assert response.status_code == 200
    assert "#rrggbb" in html or "không kèm cổng" in html
    assert "Cổng thông tin điện tử xã Ninh Hải" in html


def test_staff_who_are_not_superusers_cannot_see_sites(client, member, other_site):
    """An editor sees no site; given every permission of sites, their own site only."""
    editor = member("Biên tập viên")
    client.force_login(editor)
    assert client.get(reverse("admin:tenancy_site_changelist")).status_code == 403
    editor.user_permissions.set(Permission.objects.filter(content_type__app_label="tenancy"))
    assert (
        other_site.name not in client.get(reverse("admin:tenancy_site_changelist")).content.decode()
    )
    assert client.get(ADD_URL).status_code == 403
