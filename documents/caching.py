"""The documents' pages are cached whole (portal/pagecache.py) under a version per site that
any change of its documents, types, bodies or files bumps. The "new documents" block may be on
any page, so every cached page of the site depends on that version too (apps.py)."""

from portal.pagecache import bump, cached_page


def version_key(site_id):
    return f"documents:version:{site_id}"


def touch(site_id):
    bump(version_key(site_id))


def page_dependency(request):
    site = getattr(request, "site", None)
    return version_key(site.pk) if site else None


def depends_on(request, view_kwargs):
    return [version_key(request.site.pk)]


def cached(view, parameters=()):
    return cached_page(depends_on, parameters=parameters)(view)
