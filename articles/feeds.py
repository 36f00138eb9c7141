from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Article, Category

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    description_template = None

    def title(self):
        return settings.PORTAL_SITE_NAME

    def link(self):
        return reverse("articles:home")

    def description(self):
        return _("Latest news from %(site)s") % {"site": settings.PORTAL_SITE_NAME}

    def items(self):
        return Article.objects.published().select_related("category")[:FEED_SIZE]

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
        return get_object_or_404(Category.objects.active(), slug=slug)

    def title(self, obj):
        return f"{obj.name} - {settings.PORTAL_SITE_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description or obj.name

    def items(self, obj):
        return (
            Article.objects.published().in_category_tree(obj).select_related("category")[:FEED_SIZE]
        )
