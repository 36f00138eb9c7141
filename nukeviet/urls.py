"""The old NukeViet addresses. Included last in portal/urls.py, so only addresses that nothing
else answers reach these patterns."""

from django.urls import path, re_path, register_converter

from . import views
from .models import imported_modules


class LanguageConverter:
    regex = "[a-z]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class ModuleConverter(LanguageConverter):
    """Only the name of an imported module matches: other addresses are left alone (no
    redirect to add a slash to an address nothing answers)."""

    regex = "[^/]+"

    def to_python(self, value):
        if value not in imported_modules():
            raise ValueError(value)
        return value


register_converter(LanguageConverter, "nvlang")
register_converter(ModuleConverter, "nvmodule")

app_name = "nukeviet"

SEGMENT = r"[^/]+"
ARTICLE = rf"(?P<module>{SEGMENT})/(?P<category>{SEGMENT})/(?P<alias>[^/]*)-(?P<old_id>\d+)\.html"

# With a language in front first: /vi/news/ is the module "news", not the category "news".
urlpatterns = [
    path("index.php", views.index_php, name="index_php"),
    re_path(rf"^(?:(?P<lang>[a-z]{{2}})/)?{ARTICLE}$", views.article, name="article"),
    path("<nvlang:lang>/<nvmodule:module>/tag/<str:alias>/", views.tag, name="lang_tag"),
    path("<nvmodule:module>/tag/<str:alias>/", views.tag, name="tag"),
    path(
        "<nvlang:lang>/<nvmodule:module>/<str:alias>/page-<int:page>/",
        views.category,
        name="lang_category_page",
    ),
    path("<nvlang:lang>/<nvmodule:module>/<str:alias>/", views.category, name="lang_category"),
    path("<nvlang:lang>/<nvmodule:module>/", views.module_home, name="lang_module"),
    path("<nvmodule:module>/<str:alias>/page-<int:page>/", views.category, name="category_page"),
    path("<nvmodule:module>/<str:alias>/", views.category, name="category"),
    path("<nvmodule:module>/", views.module_home, name="module"),
]
