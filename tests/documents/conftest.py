import pytest

from tests.tenancy.conftest import OTHER_HOST, first_site, other_site  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
