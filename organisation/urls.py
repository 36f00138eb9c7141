from django.urls import path

from . import views
from .caching import cached_organisation_page

app_name = "organisation"

urlpatterns = [
    path(
        "to-chuc/",
        cached_organisation_page(views.OrganisationView.as_view()),
        name="chart",
    ),
    path(
        "to-chuc/<slug:slug>/",
        cached_organisation_page(views.UnitView.as_view()),
        name="unit",
    ),
    path(
        "danh-ba/",
        cached_organisation_page(views.DirectoryView.as_view()),
        name="directory",
    ),
]
