from django.urls import path

from comments import targets

from . import feeds, views
from .caching import cached

app_name = "documents"

urlpatterns = [
    path(
        "van-ban/",
        cached(views.DocumentListView.as_view(), parameters=views.LIST_PARAMETERS),
        name="list",
    ),
    path(
        "van-ban/du-thao/",
        cached(views.DraftListView.as_view(), parameters=("page",)),
        name="drafts",
    ),
    path("van-ban/rss/", feeds.LatestDocumentsFeed(), name="feed"),
    path(
        "van-ban/<slug:slug>/",
        cached(views.DocumentView.as_view(), parameters=targets.QUERY_PARAMETERS),
        name="detail",
    ),
    path("van-ban/<slug:slug>/in/", views.DocumentPrintView.as_view(), name="print"),
]
