from functools import wraps

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, OuterRef
from django.urls import reverse

from portal.pagecache import cached_page

from .models import Article, Category, Tag
from .views import listing_depends_on, until_next_change


class SiteSitemap(Sitemap):
    """A section of the sitemap of one site (the request's). A section of another app lists the
    cache keys its items depend on in `cache_keys(site)` (the sitemap is cached)."""

    def __init__(self, site):
        self.site = site

    @classmethod
    def cache_keys(cls, site):
        return []


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


def sitemap_depends_on(request, view_kwargs):
    """The articles' generation, and the keys of the other apps' sections."""
    sections = view_kwargs.get("sitemaps", {}).values()
    return [
        *listing_depends_on(request, view_kwargs),
        *(key for section in sections for key in section.cache_keys(request.site)),
    ]


def cached_sitemap(view, parameters):
    return cached_page(sitemap_depends_on, parameters=parameters)(until_next_change(view))


index = cached_sitemap(of_the_site(sitemap_views.index), parameters=())
section = cached_sitemap(of_the_site(sitemap_views.sitemap), parameters=("p",))
