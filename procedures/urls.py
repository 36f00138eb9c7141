from django.urls import path

from . import views
from .caching import LIST_PARAMETERS, cached_procedure_page

app_name = "procedures"

urlpatterns = [
    path(
        "thu-tuc-hanh-chinh/",
        cached_procedure_page(views.ProcedureListView.as_view(), LIST_PARAMETERS),
        name="list",
    ),
    path(
        "thu-tuc-hanh-chinh/<slug:slug>/",
        cached_procedure_page(views.ProcedureView.as_view()),
        name="detail",
    ),
]
