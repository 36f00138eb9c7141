"""The organisation pages are cached whole (portal/pagecache.py) under a version per site that
any change of its units, people or organisation profile bumps, and under the articles'
generation, since the pages' header and sidebar show articles and categories."""

from articles.views import listing_depends_on, until_next_change
from portal.pagecache import bump, cached_page


def version_key(site_id):
    return f"organisation:version:{site_id}"


def touch(site_id):
    bump(version_key(site_id))


def depends_on(request, view_kwargs):
    return [*listing_depends_on(request, view_kwargs), version_key(request.site.pk)]


def cached_organisation_page(view):
    return cached_page(depends_on)(until_next_change(view))
