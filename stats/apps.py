from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Visitor statistics")

    def ready(self):
        from tenancy import overview

        from . import blocks
        from .figures import visits_today

        overview.register(_("visits today"), visits_today)
        blocks.register()
