from django.contrib.sitemaps import Sitemap

from .caching import version_key
from .models import Document


class DocumentSitemap(Sitemap):
    """A section of one site's sitemap, as portal/urls.py SITEMAPS expects (see
    articles.sitemaps.SiteSitemap): made with the site, listing its cache keys."""

    changefreq = "monthly"
    priority = 0.6
    limit = 5000

    def __init__(self, site):
        self.site = site

    @classmethod
    def cache_keys(cls, site):
        return [version_key(site.pk)]

    def items(self):
        documents = Document.objects.for_site(self.site).published()
        return documents.order_by("-pk").only("slug", "updated_at")

    def lastmod(self, document):
        return document.updated_at
