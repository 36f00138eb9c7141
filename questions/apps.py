from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    label = "questions"
    verbose_name = _("Questions and answers")

    def ready(self):
        from menus import registry
        from portal import searchables
        from portal.admin_site import register_index_panel
        from stats.admin_views import register_report
        from tenancy import demo_registry, overview

        from . import signals  # noqa: F401
        from .demo import seed
        from .figures import overdue_panel, waiting
        from .reports import QuestionsReport
        from .search import depends_on, search_questions

        overview.register(_("questions waiting"), waiting)
        register_index_panel(overdue_panel)
        register_report(QuestionsReport())
        searchables.register("questions", search_questions, depends_on, order=40)
        demo_registry.register("questions", seed, order=96)
        registry.register_list("questions", _("Questions and answers"), "questions:index")
