from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    label = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from menus import registry
        from tenancy import demo_registry, overview

        from .demo import seed
        from .figures import waiting

        overview.register(_("contact messages waiting"), waiting)
        demo_registry.register("contact messages", seed, order=95)
        registry.register_list("contact", _("Contact"), "contact:page")
