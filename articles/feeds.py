from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.context_processors import identity

from .models import Article, Category

FEED_SIZE = 30


@dataclass(frozen=True)
class Subject:
    """What a feed is about: the request's site and, for a category's feed, the category."""

    site: object
    site_name: str
    category: Category | None = None


class LatestArticlesFeed(Feed):
    description_template = None

    def get_object(self, request):
        return Subject(request.site, identity(request)["site_name"])

    def title(self, obj):
        return obj.site_name

    def link(self):
        return reverse("articles:home")

    def description(self, obj):
        return _("Latest news from %(site)s") % {"site": obj.site_name}

    def items(self, obj):
        published = Article.objects.for_site(obj.site).published()
        return published.select_related("category")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author_byline or None

    def item_categories(self, item):
        return [item.category.name]


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        category = get_object_or_404(Category.objects.for_site(request.site).active(), slug=slug)
        return Subject(request.site, identity(request)["site_name"], category)

    def title(self, obj):
        return f"{obj.category.name} - {obj.site_name}"

    def link(self, obj):
        return obj.category.get_absolute_url()

    def description(self, obj):
        return obj.category.description or obj.category.name

    def items(self, obj):
        return (
            Article.objects.for_site(obj.site)
            .published()
            .in_category_tree(obj.category)
            .select_related("category")[:FEED_SIZE]
        )
