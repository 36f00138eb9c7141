from tests.tenancy.conftest import OTHER_HOST, first_site, other_site  # noqa: F401 (fixtures)
