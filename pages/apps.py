from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = pgettext_lazy("app", "Pages")

    def ready(self):
        from portal import searchables
        from tenancy import demo_registry

        from . import navigation, signals  # noqa: F401
        from .demo import seed
        from .search import depends_on, search_pages

        searchables.register("pages", search_pages, depends_on, order=10)
        demo_registry.register("pages", seed, order=20)
        navigation.register()
