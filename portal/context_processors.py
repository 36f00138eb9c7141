from django.conf import settings


def portal(request):
    return {
        **identity(request),
        "idle_timeout": settings.PORTAL_IDLE_TIMEOUT,
        "idle_warning": settings.PORTAL_IDLE_WARNING,
    }


def identity(request):
    """The name and office contact of the request's site (`request.site`, set by
    tenancy.middleware.SiteMiddleware, already in memory); plain settings without one."""
    site = getattr(request, "site", None)
    return {
        "portal_site": site,
        "site_name": site.name if site else settings.PORTAL_SITE_NAME,
        "office": site.office if site else default_office(),
    }


def default_office():
    return {
        "name": settings.PORTAL_OFFICE_NAME,
        "address": settings.PORTAL_OFFICE_ADDRESS,
        "phone": settings.PORTAL_OFFICE_PHONE,
        "email": settings.PORTAL_OFFICE_EMAIL,
    }
