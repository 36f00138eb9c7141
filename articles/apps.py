from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from tenancy import demo_registry, overview

        from . import comment_target, navigation, signals  # noqa: F401
        from .demo import seed_demo
        from .figures import published_this_month

        overview.register(_("articles published this month"), published_this_month)
        demo_registry.register("articles", seed_demo, order=10)
        navigation.register()
        comment_target.register()
