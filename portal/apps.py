from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the project's site (portal/admin_site.py)."""

    default = False
    default_site = "portal.admin_site.PortalAdminSite"
