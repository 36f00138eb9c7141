"""Host names of the test client and the live server, for the project's tests."""

from .models import Domain, Site

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
