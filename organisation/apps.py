from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from menus import registry
        from tenancy import demo_registry

        from . import signals  # noqa: F401
        from .demo import seed_demo

        demo_registry.register("organisation", seed_demo, order=30)
        registry.register_list("organisation", _("Organisation chart"), "organisation:chart")
        registry.register_list("directory", _("Contacts directory"), "organisation:directory")
