"""Removing a site deletes everything of it and nothing of another site."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from tenancy.models import Membership, Site
from tenancy.portability import site_models, site_rows
from tests.tenancy.conftest import OTHER_HOST
from tests.tenancy.test_site_backup import sites, snapshot  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def media_of(site):
    from tenancy.portability import file_names

    return set().union(*(file_names(model, site_rows(model, site)) for model in site_models()))


def renditions_of(name):
    folder, file = name.rsplit("/", 1)
    stem = file.rsplit(".", 1)[0]
    return [f for f in default_storage.listdir(folder)[1] if f.startswith(f"{stem}~")]


def test_a_site_is_removed_with_all_of_its_rows_and_files(sites, client):  # noqa: F811
    first, other = sites
    kept = snapshot(first)
    files = media_of(other)
    assert any(
        "~" in f for name in files for f in default_storage.listdir(name.rsplit("/", 1)[0])[1]
    )
    assert files and all(default_storage.exists(name) for name in files)
    assert client.get("/", HTTP_HOST=OTHER_HOST).status_code == 200

    out = io.StringIO()
    call_command("remove_site", domain=OTHER_HOST, yes=True, stdout=out)

    assert "removed" in out.getvalue() and "1 articles.Article," in out.getvalue()
    assert not Site.objects.filter(pk=other.pk).exists()
    for model in site_models():
        if model is not Site:
            assert not site_rows(model, other).exists(), model
    shared = files & media_of(first)  # the same cover picture: one file named by its content
    assert shared and all(default_storage.exists(name) for name in shared)
    assert not any(default_storage.exists(name) for name in files - shared)
    assert not any(renditions_of(name) for name in files - shared)
    assert not Membership.objects.filter(site_id=other.pk).exists()
    assert snapshot(first) == kept
    assert all(default_storage.exists(name) for name in media_of(first))
    assert client.get("/", HTTP_HOST=OTHER_HOST).status_code == 404
    assert client.get("/").status_code == 200


def test_removing_asks_for_the_host_name_again(sites, monkeypatch):  # noqa: F811
    monkeypatch.setattr("builtins.input", lambda prompt: "ninhhai")
    with pytest.raises(CommandError, match="nothing was deleted"):
        call_command("remove_site", domain=OTHER_HOST, stdout=io.StringIO())
    assert Site.objects.filter(domains__host=OTHER_HOST).exists()
    monkeypatch.setattr("builtins.input", lambda prompt: OTHER_HOST)
    call_command("remove_site", domain=OTHER_HOST, stdout=io.StringIO())
    assert not Site.objects.filter(domains__host=OTHER_HOST).exists()


def test_the_only_site_and_unknown_hosts_are_refused(first_site):
    with pytest.raises(CommandError, match="only site"):
        call_command("remove_site", domain="testserver", yes=True)
    with pytest.raises(CommandError, match="No site"):
        call_command("remove_site", domain="nowhere.example.gov.vn", yes=True)
    assert Site.objects.filter(pk=first_site.pk).exists()
