from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    label = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from tenancy import demo_registry, overview

        from .caching import units_changed
        from .demo import seed
        from .figures import waiting
        from .units import UNIT_MODEL

        overview.register(_("contact messages waiting"), waiting)
        demo_registry.register("contact messages", seed, order=95)
        for signal in (post_save, post_delete):
            signal.connect(units_changed, sender=UNIT_MODEL, dispatch_uid=f"contact-{signal}")
