"""The public questions pages are cached (portal/pagecache.py) under a version per site that any
change of its questions or fields of work bumps, and under the articles' generation, since the
pages' header and sidebar show articles and categories."""

from articles.caching import generation_key
from articles.views import until_next_change
from portal.pagecache import bump, cached_page


def version_key(site_id):
    return f"questions:version:{site_id}"


def touch(site_id):
    bump(version_key(site_id))


def depends_on(request, view_kwargs):
    return [version_key(request.site.pk), generation_key(request.site.pk)]


def cached(view, parameters=()):
    return cached_page(depends_on, parameters=parameters)(until_next_change(view))
