import pytest

from tenancy.models import Site
from tenancy.services import add_site

OTHER_HOST = "ninhhai.example.gov.vn"


@pytest.fixture
def first_site():
    return Site.objects.get(domains__host="testserver")


@pytest.fixture
def other_site():
    site, _created = add_site(
        OTHER_HOST,
        "Cổng thông tin điện tử xã Ninh Hải",
        ["www.ninhhai.example.gov.vn"],
        office_name="Ủy ban nhân dân xã Ninh Hải",
        office_address="Thôn Đông Hạ, xã Ninh Hải",
        phone="0229 3 612 345",
    )
    return site
