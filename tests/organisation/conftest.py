import pytest

from organisation.demo import seed_demo
from tests.tenancy.conftest import OTHER_HOST, first_site, other_site  # noqa: F401 (fixtures)


@pytest.fixture
def organisation(first_site):  # noqa: F811
    seed_demo(first_site)
    return first_site


@pytest.fixture
def english(client):
    """The reader has switched to English with the language switch."""
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client
