from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "polls"
    label = "polls"
    verbose_name = _("Polls")

    def ready(self):
        from portal import pagecache, searchables
        from tenancy import demo_registry

        from . import blocks, signals  # noqa: F401
        from .caching import page_dependency
        from .demo import seed
        from .search import depends_on, search_polls

        pagecache.depend_everywhere(page_dependency)
        blocks.register()
        searchables.register("polls", search_polls, depends_on, order=60)
        demo_registry.register("polls", seed, order=70)
