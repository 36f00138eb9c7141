"""What a site's pages show of its menus, links and block layout, as plain values to cache."""

from . import blocks, registry
from .models import Link, Menu, MenuItem, Placement


def specs_of(items):
    """Menu rows (ordered) as a tree of registry.Spec, one level deep."""
    children = {}
    for item in items:
        if item.parent_id:
            children.setdefault(item.parent_id, []).append(item)
    return [
        registry.Spec(
            item.label,
            item.kind,
            item.target,
            item.url,
            [registry.Spec(c.label, c.kind, c.target, c.url) for c in children.get(item.pk, [])],
        )
        for item in items
        if item.parent_id is None
    ]


def targets_of(specs):
    for spec in specs:
        if spec.kind not in ("", registry.URL):
            yield (spec.kind, spec.target)
        yield from targets_of(spec.children)


def address_of(spec, addresses):
    if spec.kind == registry.URL:
        return spec.url or None
    return addresses.get((spec.kind, spec.target))


def nodes(specs, addresses):
    """{"label", "url", "children"} of the items that lead somewhere: an item whose target is
    gone is left out with its sub-items; a heading without sub-items left is left out too."""
    found = []
    for spec in specs:
        url = address_of(spec, addresses) if spec.kind else None
        if spec.kind and not url:
            continue
        children = nodes(spec.children, addresses)
        if url or children:
            found.append({"label": spec.label, "url": url, "children": children})
    return found


def resolved(site, specs):
    return nodes(specs, registry.resolve(site, set(targets_of(specs))))


def menus_of(site):
    """{place: [specs]} of the site's menus; the header falls back to the default items."""
    places = set(Menu.objects.for_site(site).values_list("place", flat=True))
    items = MenuItem.objects.filter(menu__site=site, is_active=True).select_related("menu")
    by_place = {place: [] for place in places}
    for item in items.order_by("order", "pk"):
        by_place[item.menu.place].append(item)
    menus = {place: specs_of(rows) for place, rows in by_place.items()}
    if Menu.Place.HEADER not in menus:
        menus[Menu.Place.HEADER] = registry.default_items(site)
    return menus


def link_values(link):
    logo = None
    if link.logo:
        logo = {"url": link.logo.url, "width": link.logo_width, "height": link.logo_height}
    return {"title": link.title, "url": link.url, "logo": logo}


def links_of(site, now):
    placed = {}
    for link in Link.objects.for_site(site).shown(now).order_by("order", "pk"):
        placed.setdefault(link.placement, []).append(link_values(link))
    return placed


def layout_of(site):
    """{area: [(block, option)]}: the site's saved layout of an area, else its default."""
    saved = {}
    for row in Placement.objects.for_site(site).order_by("order", "pk"):
        entries = saved.setdefault(row.area, [])
        if row.is_enabled and blocks.block(row.block):
            entries.append((row.block, row.option))
    return {area: saved.get(area, blocks.default_layout(area)) for area in Placement.Area.values}


def soonest(*moments):
    found = [moment for moment in moments if moment]
    return min(found) if found else None


def build(site, now):
    menus = menus_of(site)
    return {
        "menus": {place: resolved(site, specs) for place, specs in menus.items()},
        "links": links_of(site, now),
        "layout": layout_of(site),
        "until": soonest(
            Link.objects.for_site(site).next_change(now), registry.next_change(site, now)
        ),
    }
