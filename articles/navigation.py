"""What the articles app offers the menus app: its categories as menu targets, its lists (home,
search, news feed), the header's default items, and its home page and sidebar blocks."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from menus import blocks, registry

from .models import Category


def category_tree(site):
    """The site's active top-level categories, each with `subcategories`, from one query."""
    categories = Category.objects.for_site(site).active().select_related(None)
    categories = list(categories.only("name", "slug", "parent_id", "order"))
    by_parent = {}
    for category in categories:
        by_parent.setdefault(category.parent_id, []).append(category)
    roots = by_parent.get(None, [])
    for root in roots:
        root.subcategories = by_parent.get(root.pk, [])
    return roots


def category_choices(site):
    """Categories are keyed by slug: a menu item still finds its category in a site restored
    from a backup, where ids differ."""
    return [(category.slug, str(category)) for category in Category.objects.for_site(site)]


def category_urls(site, keys):
    """Addresses of the site's active categories among `keys` (slugs); others resolve to none."""
    found = Category.objects.for_site(site).active().filter(slug__in=keys).select_related(None)
    return {
        slug: reverse("articles:category", kwargs={"slug": slug})
        for slug in found.values_list("slug", flat=True)
    }


def category_lookup(site, slug):
    return slug if Category.objects.for_site(site).filter(slug=slug).exists() else None


def category_spec(category, children=()):
    return registry.Spec(category.name, "category", category.slug, children=list(children))


def default_items(site):
    """Home, then each top-level category with its sub-categories: the header as it was before
    sites had menus of their own."""
    return [
        registry.Spec(_("Home"), registry.LIST, "home"),
        *(
            category_spec(root, map(category_spec, root.subcategories))
            for root in category_tree(site)
        ),
    ]


def top_category_options(site):
    roots = Category.objects.for_site(site).active().filter(parent=None).select_related(None)
    return list(roots.values_list("slug", "name"))


def register():
    registry.register_kind(
        "category",
        gettext_lazy("Categories"),
        category_choices,
        urls=category_urls,
        models=[Category],
        lookup=category_lookup,
    )
    registry.register_list("home", gettext_lazy("Home"), "articles:home")
    registry.register_list("search", gettext_lazy("Search"), "articles:search")
    registry.register_list("feed", gettext_lazy("News feed (RSS)"), "articles:feed")
    registry.register_default(default_items)
    home, sidebar = blocks.HOME, blocks.SIDEBAR
    register_block = blocks.register_block
    register_block(
        "featured",
        gettext_lazy("Featured news"),
        "articles/blocks/featured.html",
        [home],
        {home: 10},
    )
    register_block(
        "sections",
        gettext_lazy("Newest per category"),
        "articles/blocks/sections.html",
        [home],
        {home: 20},
        options=top_category_options,
    )
    register_block(
        "most_viewed",
        gettext_lazy("Most viewed"),
        "articles/blocks/most_viewed.html",
        defaults={sidebar: 10},
    )
    register_block(
        "rated",
        gettext_lazy("Rated articles"),
        "articles/blocks/rated.html",
        defaults={sidebar: 20},
    )
    register_block(
        "latest",
        gettext_lazy("Latest news"),
        "articles/blocks/latest.html",
        defaults={sidebar: 30},
    )
