"""Who may enter a site's admin: its members, and province administrators (superusers)."""

from django.utils.translation import gettext as _

from .models import Membership


def role_on(user, site):
    """The user's role on `site`, or None; kept on the user object (one request's)."""
    if site is None or not user.is_authenticated:
        return None
    roles = getattr(user, "_site_roles", None)
    if roles is None:
        roles = user._site_roles = {}
    if site.pk not in roles:
        roles[site.pk] = Membership.objects.role_of(user, site)
    return roles[site.pk]


def admin_refusal(request, user):
    """None when `user` may enter the admin on the request's host, else the reason, for the
    admin's sign-in page (settings.PORTAL_ADMIN_ACCESS_CHECK names this function)."""
    if user.is_active and user.is_superuser:
        return None
    if role_on(user, getattr(request, "site", None)):
        return None
    return _("This account has no access to the administration of this site.")
