from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from menus import blocks, registry
        from portal import pagecache, searchables
        from tenancy import demo_registry

        from . import comment_target, signals  # noqa: F401
        from .caching import page_dependency
        from .demo import seed
        from .search import depends_on, search_documents

        pagecache.depend_everywhere(page_dependency)
        comment_target.register()
        searchables.register("documents", search_documents, depends_on, order=20)
        demo_registry.register("documents", seed, order=40)
        registry.register_list("documents", _("Documents"), "documents:list")
        drafts = _("Drafts for public opinion")
        registry.register_list("document_drafts", drafts, "documents:drafts")
        blocks.register_block("documents", _("New documents"), "documents/blocks/latest.html")
