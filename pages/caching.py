"""A version per site that changes with any of its pages: the cached public pages, the search
page and the sitemap that show pages depend on it (portal/pagecache.py), so an edit shows at
once, on that site only."""

from portal.pagecache import bump


def version_key(site_id):
    return f"pages:version:{site_id}"


def invalidate(site_id):
    bump(version_key(site_id))
