from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "tenancy"
    label = "tenancy"
    verbose_name = _("Sites")

    def ready(self):
        from . import signals  # noqa: F401
