"""The demo's second ward, so that `make run` shows two portals at once."""

from .services import SiteError, add_site

SECOND_WARD = {
    "domain": "localhost",
    "name": "Cổng thông tin điện tử xã Ninh Hải",
    "office_name": "Ủy ban nhân dân xã Ninh Hải",
    "office_address": "Thôn Đông Hạ, xã Ninh Hải, tỉnh Ninh Bình",
    "phone": "0229 3 612 345",
    "email": "ubnd.ninhhai@example.gov.vn",
    "theme_colour": "#1b5e20",
}


def seed():
    """The second ward's site, unless its host name already serves another: (site, created)."""
    try:
        return add_site(**SECOND_WARD)
    except SiteError:
        return None, False
