from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SectorsConfig(AppConfig):
    name = "sectors"
    label = "sectors"
    verbose_name = _("Fields of work")

    def ready(self):
        from tenancy import demo_registry

        from .demo import seed

        demo_registry.register("sectors", seed, order=5)
