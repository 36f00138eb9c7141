from articles.sitemaps import SiteSitemap

from .caching import version_key
from .models import Page


class PageSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.7
    limit = 5000

    @classmethod
    def cache_keys(cls, site):
        return [version_key(site.pk)]

    def items(self):
        return (
            Page.objects.for_site(self.site).published().in_tree_order().only("slug", "updated_at")
        )

    def lastmod(self, page):
        return page.updated_at
