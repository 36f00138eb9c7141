from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Reader comments")

    def ready(self):
        from tenancy import demo_registry, overview

        from .demo import seed
        from .figures import waiting

        overview.register(_("comments waiting"), waiting)
        demo_registry.register("comments", seed, order=90)
