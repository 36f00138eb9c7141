import importlib

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from tenancy.models import Domain, Site

pytestmark = pytest.mark.django_db

NAME = "Cổng thông tin điện tử phường Phù Vân"


def add_site(*arguments):
    call_command("add_site", *arguments)


def test_add_site_creates_a_site_with_its_primary_and_extra_hosts(capsys):
    add_site(
        "--domain", "PhuVan.example.gov.vn", "--name", NAME, "--office", "UBND phường Phù Vân",
        "--phone", "0229 3 851 234", "--extra-domain", "www.phuvan.example.gov.vn",
    )  # fmt: skip
    site = Site.objects.get(domains__host="phuvan.example.gov.vn")
    assert (site.name, site.office_name, site.phone) == (
        NAME,
        "UBND phường Phù Vân",
        "0229 3 851 234",
    )
    hosts = {domain.host: domain.is_primary for domain in site.domains.all()}
    assert hosts == {"phuvan.example.gov.vn": True, "www.phuvan.example.gov.vn": False}
    assert "Đã thêm cổng" in capsys.readouterr().out


def test_a_second_run_changes_nothing_and_says_so(capsys):
    add_site("--domain", "phuvan.example.gov.vn", "--name", NAME)
    add_site("--domain", "phuvan.example.gov.vn", "--name", "Tên khác", "--phone", "1")
    site = Site.objects.get(domains__host="phuvan.example.gov.vn")
    assert (site.name, site.phone) == (NAME, "")
    assert Site.objects.filter(name="Tên khác").count() == 0
    assert "không thay đổi" in capsys.readouterr().out


def test_a_host_of_another_site_is_refused_in_vietnamese():
    add_site("--domain", "phuvan.example.gov.vn", "--name", NAME)
    with pytest.raises(CommandError, match="đã thuộc về cổng"):
        add_site(
            "--domain", "ninhhai.example.gov.vn", "--name", "Ninh Hải",
            "--extra-domain", "phuvan.example.gov.vn",
        )  # fmt: skip
    assert not Domain.objects.filter(host="ninhhai.example.gov.vn").exists()


@pytest.mark.parametrize("host", ["http://phuvan.vn/", "phu van.vn", "*"])
def test_a_host_that_is_no_host_name_is_refused(host):
    with pytest.raises(CommandError, match="tên máy"):
        add_site("--domain", host, "--name", NAME)


def test_a_bad_theme_colour_is_refused():
    from tenancy.services import add_site as add

    with pytest.raises(Exception, match="#rrggbb"):
        add("phuvan.example.gov.vn", NAME, theme_colour="red")


def test_the_first_site_takes_the_settings_defaults_and_plain_allowed_hosts(settings):
    migration = importlib.import_module("tenancy.migrations.0002_first_site")
    Site.objects.all().delete()
    settings.PORTAL_SITE_NAME = "Cổng thông tin điện tử phường Đông Thành"
    settings.PORTAL_OFFICE_PHONE = "0229 1"
    settings.ALLOWED_HOSTS = [
        "DongThanh.example.gov.vn",
        "*",
        ".example.gov.vn",
        "localhost",
        "10.0.0.2",
    ]
    migration.create_first_site(apps, None)
    site = Site.objects.get()
    assert (site.name, site.phone) == (settings.PORTAL_SITE_NAME, "0229 1")
    hosts = {domain.host: domain.is_primary for domain in site.domains.all()}
    assert hosts == {"dongthanh.example.gov.vn": True, "10.0.0.2": False}


def test_the_first_site_answers_on_127_0_0_1_by_default(settings):
    migration = importlib.import_module("tenancy.migrations.0002_first_site")
    Site.objects.all().delete()
    settings.ALLOWED_HOSTS = ["*"]
    migration.create_first_site(apps, None)
    assert list(Domain.objects.values_list("host", "is_primary")) == [("127.0.0.1", True)]


def test_seed_demo_adds_a_second_ward_on_localhost_once():
    call_command("seed_demo")
    call_command("seed_demo")
    ward = Site.objects.get(domains__host="localhost")
    assert ward.name == "Cổng thông tin điện tử xã Ninh Hải"
    assert Site.objects.count() == 2
