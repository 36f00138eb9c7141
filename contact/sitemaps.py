from django.urls import reverse

from articles.sitemaps import SiteSitemap


class ContactSitemap(SiteSitemap):
    """The contact page (the confirmations are not for search engines)."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return ["contact:page"]

    def location(self, item):
        return reverse(item)
