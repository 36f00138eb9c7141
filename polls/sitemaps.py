from django.urls import reverse
from django.utils import timezone

from articles.sitemaps import SiteSitemap

from .caching import version_key
from .models import Poll


class PollSitemap(SiteSitemap):
    """The list of polls and each published poll that has opened."""

    changefreq = "weekly"
    priority = 0.5

    @classmethod
    def cache_keys(cls, site):
        return [version_key(site.pk)]

    def items(self):
        polls = Poll.objects.for_site(self.site).published().filter(opens_at__lte=timezone.now())
        return ["polls:index", *polls.order_by("pk").only("slug", "updated_at")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at
