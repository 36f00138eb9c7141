from datetime import timedelta
from functools import partial

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..caching import cached_block
from ..models import Article

register = template.Library()


def latest(count, site):
    return list(Article.objects.for_site(site).published().for_listing()[:count])


def most_viewed(site):
    days = settings.PORTAL_MOST_VIEWED_DAYS
    since = timezone.now() - timedelta(days=days) if days else None
    count = settings.PORTAL_MOST_VIEWED_COUNT
    published = Article.objects.for_site(site).published()
    return list(published.most_viewed(since).for_listing()[:count])


def site_block(context, name, build):
    """The block of the request's site ([] on a page of no site)."""
    site = getattr(context.get("request"), "site", None)
    return cached_block(site, name, build) if site else []


@register.inclusion_tag("articles/blocks/article_list.html", takes_context=True)
def latest_articles(context, count=5):
    return {
        "title": _("Latest news"),
        "block_id": "latest",
        "articles": site_block(context, f"latest:{count}", partial(latest, count)),
    }


@register.inclusion_tag("articles/blocks/article_list.html", takes_context=True)
def most_viewed_articles(context):
    return {
        "title": _("Most viewed"),
        "block_id": "most-viewed",
        "articles": site_block(context, "most-viewed", most_viewed),
    }


def rated(kind, site):
    published = Article.objects.for_site(site).published()
    articles = (
        published.best_rated(settings.PORTAL_RATING_BLOCK_MIN_VOTES)
        if kind == "best"
        else published.most_rated()
    )
    return list(articles.for_listing()[: settings.PORTAL_MOST_VIEWED_COUNT])


RATED_TITLES = {"best": gettext_lazy("Best rated"), "most": gettext_lazy("Most rated")}


@register.inclusion_tag("articles/blocks/article_list.html", takes_context=True)
def rated_articles(context, kind=None):
    """The optional sidebar block of rated articles (PORTAL_RATING_BLOCK: "best" or "most")."""
    kind = kind or settings.PORTAL_RATING_BLOCK
    if kind not in RATED_TITLES:
        return {"hidden": True}
    return {
        "title": RATED_TITLES[kind],
        "block_id": f"{kind}-rated",
        "articles": site_block(context, f"rated:{kind}", partial(rated, kind)),
    }


@register.filter
def of_category(sections, key):
    """The home page's sections, or only the one of the category whose slug is `key`."""
    if not key:
        return sections
    return [(category, articles) for category, articles in sections if category.slug == key]
