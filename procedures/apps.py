from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    label = "procedures"
    verbose_name = _("Administrative procedures")

    def ready(self):
        from menus import registry
        from portal import searchables
        from tenancy import demo_registry

        from . import signals  # noqa: F401
        from .demo import seed
        from .search import depends_on, search_procedures

        searchables.register("procedures", search_procedures, depends_on, order=30)
        demo_registry.register("procedures", seed, order=25)
        registry.register_list("procedures", _("Administrative procedures"), "procedures:list")
