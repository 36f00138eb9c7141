"""Pages as destinations of menu items (menus' registry), keyed by slug: a restored site keeps
its menu."""

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from menus import registry

from .models import Page


def page_choices(site):
    pages = Page.objects.for_site(site).in_tree_order()
    return [(page.slug, f"{'— ' * (page.depth - 1)}{page.title}") for page in pages]


def page_urls(site, keys):
    """Only published pages: an item whose page is a draft or gone is hidden."""
    pages = Page.objects.for_site(site).published().filter(slug__in=keys)
    return {page.slug: page.get_absolute_url() for page in pages}


def page_lookup(site, slug):
    return slug if Page.objects.for_site(site).filter(slug=slug).exists() else None


def next_change(site, now=None):
    """When a scheduled page goes public (its item then appears)."""
    later = Page.objects.for_site(site).filter(
        status=Page.Status.PUBLISHED, publish_at__gt=now or timezone.now()
    )
    return later.aggregate(moment=Min("publish_at"))["moment"]


def register():
    registry.register_kind(
        "page",
        _("Pages"),
        page_choices,
        urls=page_urls,
        models=[Page],
        lookup=page_lookup,
        next_change=next_change,
    )
    registry.register_list("pages", _("Pages (index)"), "pages:index")
