from functools import wraps

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, OuterRef
from django.urls import reverse

from .models import Article, Category, Tag
from .views import cached_listing


class SiteSitemap(Sitemap):
    """A section of the sitemap of one site (the request's)."""

    def __init__(self, site):
        self.site = site


class HomeSitemap(SiteSitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)


class CategorySitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.for_site(self.site).active().order_by("pk")


class TagSitemap(SiteSitemap):
    """The tags that have a published article (the page of any other lists nothing)."""

    changefreq = "daily"
    priority = 0.4
    limit = 5000

    def items(self):
        published = Article.objects.for_site(self.site).published().filter(tags=OuterRef("pk"))
        tags = Tag.objects.for_site(self.site).filter(Exists(published))
        return tags.order_by("pk").only("slug")


class ArticleSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self):
        published = Article.objects.for_site(self.site).published()
        return published.order_by("-publish_at", "-pk").only("slug", "updated_at")

    def lastmod(self, article):
        return article.updated_at


SITEMAPS = {
    "home": HomeSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "articles": ArticleSitemap,
}


# Served from the page cache under the articles' generation, like the pages they list: a new,
# changed or hidden article shows at once, a scheduled one when it appears.
def of_the_site(view):
    """The sitemap view, given the sections of the request's site."""

    @wraps(view)
    def scoped(request, *args, sitemaps, **kwargs):
        sections = {name: section(request.site) for name, section in sitemaps.items()}
        return view(request, *args, sitemaps=sections, **kwargs)

    return scoped


index = cached_listing(of_the_site(sitemap_views.index), parameters=())
section = cached_listing(of_the_site(sitemap_views.sitemap), parameters=("p",))
