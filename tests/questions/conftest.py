from tests.tenancy.conftest import first_site, other_site  # noqa: F401 (fixtures)
