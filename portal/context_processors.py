from django.conf import settings


def portal(request):
    """Site identity and office contact for the layout; plain settings, no queries."""
    return {
        "site_name": settings.PORTAL_SITE_NAME,
        "office": {
            "name": settings.PORTAL_OFFICE_NAME,
            "address": settings.PORTAL_OFFICE_ADDRESS,
            "phone": settings.PORTAL_OFFICE_PHONE,
            "email": settings.PORTAL_OFFICE_EMAIL,
        },
        "idle_timeout": settings.PORTAL_IDLE_TIMEOUT,
        "idle_warning": settings.PORTAL_IDLE_WARNING,
    }
