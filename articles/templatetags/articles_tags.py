from django import template
from django.core.cache import cache

from ..models import Article, Category

register = template.Library()

NAV_CACHE_KEY = "articles:category-nav"
NAV_CACHE_SECONDS = 300


def category_tree():
    """Active top-level categories, each with `subcategories`, from one query."""
    categories = list(Category.objects.active().only("name", "slug", "parent_id", "order"))
    by_parent = {}
    for category in categories:
        by_parent.setdefault(category.parent_id, []).append(category)
    roots = by_parent.get(None, [])
    for root in roots:
        root.subcategories = by_parent.get(root.pk, [])
    return roots


@register.inclusion_tag("articles/blocks/category_nav.html", takes_context=True)
def category_nav(context):
    roots = cache.get(NAV_CACHE_KEY)
    if roots is None:
        roots = category_tree()
        cache.set(NAV_CACHE_KEY, roots, NAV_CACHE_SECONDS)
    return {"categories": roots, "request": context.get("request")}


@register.inclusion_tag("articles/blocks/latest.html")
def latest_articles(count=5):
    return {"articles": Article.objects.published().for_listing()[:count]}
