from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, OuterRef
from django.urls import reverse

from .models import Article, Category, Tag
from .views import cached_listing


class HomeSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.active().order_by("pk")


class TagSitemap(Sitemap):
    """The tags that have a published article (the page of any other lists nothing)."""

    changefreq = "daily"
    priority = 0.4
    limit = 5000

    def items(self):
        published = Article.objects.published().filter(tags=OuterRef("pk"))
        return Tag.objects.filter(Exists(published)).order_by("pk").only("slug")


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self):
        return Article.objects.published().order_by("-publish_at", "-pk").only("slug", "updated_at")

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
index = cached_listing(sitemap_views.index, parameters=())
section = cached_listing(sitemap_views.sitemap, parameters=("p",))
