"""A version per site that any change of its procedures or their forms bumps: the cached list
and procedure pages, the portal search and the sitemap depend on it (portal/pagecache.py). The
pages depend on the articles' generation too, as their header and sidebar show articles."""

from articles.views import listing_depends_on, until_next_change
from documents.caching import version_key as documents_key
from portal.pagecache import bump, cached_page

# The query parameters the list reads; others do not make new cached copies.
LIST_PARAMETERS = ("q", "linh-vuc", "muc-do", "page")


def version_key(site_id):
    return f"procedures:version:{site_id}"


def touch(site_id):
    bump(version_key(site_id))


def depends_on(request, view_kwargs):
    """The procedure pages link the site's documents they rest on: those change them too."""
    site_id = request.site.pk
    return [*listing_depends_on(request, view_kwargs), version_key(site_id), documents_key(site_id)]


def cached_procedure_page(view, parameters=()):
    return cached_page(depends_on, parameters=parameters)(until_next_change(view))
