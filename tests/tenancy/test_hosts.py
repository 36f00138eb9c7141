import time

import pytest
from django.core.cache import cache

from tenancy import current
from tenancy.models import Domain, Site

from .conftest import OTHER_HOST

pytestmark = pytest.mark.django_db


def test_a_host_that_is_no_sites_gets_a_404_naming_no_site(client, first_site, other_site):
    response = client.get("/", HTTP_HOST="unknown.example.org")
    html = response.content.decode()
    assert response.status_code == 404
    assert first_site.name not in html
    assert other_site.name not in html
    assert "Ủy ban nhân dân" not in html


def test_a_sites_other_host_redirects_to_its_primary_keeping_path_and_query(client, other_site):
    response = client.get("/tim-kiem/?q=le+hoi", HTTP_HOST="WWW.ninhhai.example.gov.vn:8000")
    assert response.status_code == 301
    assert response["Location"] == f"http://{OTHER_HOST}:8000/tim-kiem/?q=le+hoi"


def test_the_host_is_matched_without_case_or_port(client, other_site):
    response = client.get("/robots.txt", HTTP_HOST="NinhHai.Example.gov.vn:443")
    assert response.status_code == 200


def test_an_inactive_site_gets_a_404(client, other_site):
    other_site.is_active = False
    other_site.save()
    response = client.get("/", HTTP_HOST=OTHER_HOST)
    assert response.status_code == 404
    assert other_site.name not in response.content.decode()


def test_health_checks_answer_on_any_address(client):
    assert client.get("/healthz", HTTP_HOST="10.0.0.5").status_code == 200


def test_resolving_a_host_costs_no_query_and_no_cache_read_after_warm_up(
    client, other_site, django_assert_num_queries, monkeypatch
):
    client.get("/robots.txt", HTTP_HOST=OTHER_HOST)
    reads = []
    get = cache.get
    monkeypatch.setattr(current.cache, "get", lambda key, *a, **k: reads.append(key) or get(key))
    with django_assert_num_queries(0):
        for host in ("testserver", OTHER_HOST, "unknown.example.org"):
            client.get("/robots.txt", HTTP_HOST=host)
    assert current.GENERATION_KEY not in reads


def test_a_change_to_a_site_shows_on_the_next_request(client, first_site):
    client.get("/robots.txt")
    first_site.name = "Cổng thông tin phường Mới"
    first_site.save()
    assert "Cổng thông tin phường Mới" in client.get("/tim-kiem/").content.decode()


def test_a_change_made_by_another_process_shows_within_the_check_interval(
    client, first_site, settings, monkeypatch
):
    settings.PORTAL_SITES_CHECK_SECONDS = 5
    client.get("/robots.txt")
    Site.objects.filter(pk=first_site.pk).update(name="Tên do tiến trình khác đặt")
    cache.set(current.GENERATION_KEY, "changed elsewhere")
    assert "Tên do tiến trình khác đặt" not in client.get("/tim-kiem/").content.decode()
    later = time.monotonic() + 6
    monkeypatch.setattr(current.time, "monotonic", lambda: later)
    assert "Tên do tiến trình khác đặt" in client.get("/tim-kiem/").content.decode()


def test_a_committed_change_bumps_the_shared_generation(
    first_site, django_capture_on_commit_callbacks
):
    before = cache.get(current.GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        Domain.objects.create(site=first_site, host="phuvan.example.gov.vn")
    assert cache.get(current.GENERATION_KEY) not in (None, before)


def test_for_host_finds_the_active_site_of_a_host(other_site):
    assert Site.objects.for_host("NINHHAI.example.gov.vn:80") == other_site
    assert Site.objects.for_host("nowhere.example.org") is None


def test_a_second_primary_host_for_a_site_is_refused(other_site):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Domain.objects.create(site=other_site, host="ninhhai.vn", is_primary=True)
