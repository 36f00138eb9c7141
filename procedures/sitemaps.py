from django.urls import reverse

from articles.sitemaps import SiteSitemap

from .caching import version_key
from .models import Procedure


class ProcedureSitemap(SiteSitemap):
    """The list of procedures and each published one."""

    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    @classmethod
    def cache_keys(cls, site):
        return [version_key(site.pk)]

    def items(self):
        procedures = Procedure.objects.for_site(self.site).published().in_order()
        return ["procedures:list", *procedures.only("slug", "updated_at")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at
