from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("trang/", views.cached(views.PageIndexView.as_view()), name="index"),
    path("trang/<slug:slug>/", views.cached(views.PageView.as_view()), name="page"),
    path("trang/<slug:slug>/in/", views.PagePrintView.as_view(), name="print"),
]
