from django.urls import reverse

from articles.sitemaps import SiteSitemap

from .models import Unit


class OrganisationSitemap(SiteSitemap):
    """The organisation chart, the contacts directory and each unit's page."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        units = Unit.objects.for_site(self.site).order_by("order", "pk").only("slug")
        return ["organisation:chart", "organisation:directory", *units]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()
