"""Host names of the test client and the live server, for the project's tests."""

from .models import Domain, Membership, Site
from .roles import GROUP_ROLES, Role

TEST_CLIENT_HOST = "testserver"


def use_test_hosts():
    """The test client's host becomes the first site's primary host name; the host names the
    migration gave it stay, redirecting to it."""
    site = Site.objects.order_by("pk").first()
    Domain.objects.filter(site=site).update(is_primary=False)
    Domain.objects.update_or_create(
        host=TEST_CLIENT_HOST, defaults={"site": site, "is_primary": True}
    )
    return site


def give_role(user, role, site=None):
    """`user` gets `role` (a Role, or the name of the group that defines it) on `site`, by
    default the first site."""
    site = site or Site.objects.order_by("pk").first()
    role = GROUP_ROLES.get(role) or Role(role)
    Membership.objects.update_or_create(user=user, site=site, defaults={"role": role})
    return user
