"""The demo's second ward, so that `make run` shows two portals at once, and its staff."""

import secrets

from django.contrib.auth import get_user_model

from .current import default_site
from .models import Membership, Site
from .roles import Role
from .services import SiteError, add_site

SECOND_WARD = {
    "domain": "localhost",
    "name": "Cổng thông tin điện tử xã Ninh Hải",
    "office_name": "Ủy ban nhân dân xã Ninh Hải",
    "office_address": "Thôn Đông Hạ, xã Ninh Hải, tỉnh Ninh Bình",
    "phone": "0229 3 612 345",
    "fax": "0229 3 612 346",
    "email": "ubnd.ninhhai@example.gov.vn",
    "theme_colour": "#1b5e20",
}


def seed():
    """The second ward's site, unless its host name already serves another: (site, created)."""
    try:
        return add_site(**SECOND_WARD)
    except SiteError:
        return None, False


SECOND_WARD_EDITOR = "bientap.ninhhai"


def seed_staff(administrator):
    """The demo's staff roles: `administrator` administers the first ward, and an editor works
    on the second ward only. (editor or None, its new password or "")."""
    first = default_site()
    if first is not None:
        Membership.objects.get_or_create(
            user=administrator, site=first, defaults={"role": Role.SITE_ADMINISTRATOR}
        )
    ward = Site.objects.for_host(SECOND_WARD["domain"])
    if ward is None:
        return None, ""
    editor, created = get_user_model().objects.get_or_create(
        username=SECOND_WARD_EDITOR, defaults={"is_staff": True}
    )
    password = ""
    if created:
        password = secrets.token_urlsafe(12)
        editor.set_password(password)
        editor.save()
    Membership.objects.get_or_create(user=editor, site=ward, defaults={"role": Role.EDITOR})
    return editor, password
