"""How polls stay correct behind the page cache (portal/pagecache.py).

- The poll block is on every page of a site (sidebar, home). Every cached page therefore
  depends on the site's polls version (`version_key`, registered with depend_everywhere), bumped
  by any edit of a poll or a choice, and is kept no longer than the next moment a poll of the
  site opens or closes (`keep_until`). Votes do not bump it: the block shows no counts, and
  whether this reader has voted (and the results, if they may see them) come from a small JSON
  request, so a vote never empties the whole site's cache.
- A poll's own page shows counts: it also depends on that poll's results version
  (`results_key`), bumped by each vote, as an article's page depends on its ratings.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone

from articles.views import listing_depends_on, until_next_change
from portal.pagecache import bump, cached_page, current_version

from .models import Poll

# How long the site's next opening or closing is kept when none is due soon.
NEXT_CHANGE_SECONDS = 3600


def version_key(site_id):
    return f"polls:version:{site_id}"


def results_key(site_id, slug):
    return f"polls:results:{site_id}:{slug}"


def touch(site_id):
    bump(version_key(site_id))


def touch_results(site_id, slug):
    bump(results_key(site_id, slug))


def page_dependency(request):
    site = getattr(request, "site", None)
    return version_key(site.pk) if site is not None else None


def next_change(site_id):
    """The next moment a published poll of the site opens or closes (None: none is due),
    cached per version of the site's polls."""
    key = f"polls:next-change:{site_id}:{current_version(version_key(site_id))}"
    now = timezone.now()
    found = cache.get(key)
    if found is None or (found[0] is not None and found[0] <= now):
        polls = Poll.objects.filter(site_id=site_id).published()
        moments = polls.aggregate(
            opening=Min("opens_at", filter=_after("opens_at", now)),
            closing=Min("closes_at", filter=_after("closes_at", now)),
        )
        found = (min(filter(None, moments.values()), default=None),)
        cache.set(key, found, NEXT_CHANGE_SECONDS)
    return found[0]


def _after(field, now):
    return Q(**{f"{field}__gt": now})


def seconds_until(moment, limit):
    """A cache timeout that ends at `moment` (None: `limit`), at least one second."""
    if moment is None:
        return limit
    left = (moment - timezone.now()) / timedelta(seconds=1)
    return max(1, min(limit, int(left) + 1))


def depends_on(request, view_kwargs):
    """The header and sidebar (the articles' generation); a poll's page, its results. The
    site's polls version is a dependency of every page (page_dependency)."""
    keys = listing_depends_on(request, view_kwargs)
    if "slug" in view_kwargs:
        keys.append(results_key(request.site.pk, view_kwargs["slug"]))
    return keys


def cached_polls_page(view, parameters=()):
    return cached_page(depends_on, parameters=parameters)(until_next_change(view))
