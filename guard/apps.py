from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuardConfig(AppConfig):
    """The defences of the forms readers send (comments, contact): a single-use security
    code, a honeypot field, limits per address, and forms that keep what was typed."""

    name = "guard"
    verbose_name = _("Form defences")
