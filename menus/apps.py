from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MenusConfig(AppConfig):
    name = "menus"
    verbose_name = _("Menus and blocks")

    def ready(self):
        from portal import pagecache
        from tenancy import demo_registry

        from . import blocks, signals  # noqa: F401
        from .caching import page_dependency
        from .demo import seed_demo

        pagecache.depend_everywhere(page_dependency)
        blocks.register_block(
            "links",
            _("Website links"),
            "menus/blocks/links.html",
            defaults={blocks.HOME: 90, blocks.SIDEBAR: 90},
        )
        demo_registry.register("menus and links", seed_demo, order=60)
