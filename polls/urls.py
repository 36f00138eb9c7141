from django.urls import path

from . import views
from .caching import cached_polls_page

app_name = "polls"

urlpatterns = [
    path("tham-do-y-kien/", cached_polls_page(views.index, ("page",)), name="index"),
    path("tham-do-y-kien/<slug:slug>/", cached_polls_page(views.poll_page), name="poll"),
    path("tham-do-y-kien/<slug:slug>/binh-chon/", views.vote, name="vote"),
    path("tham-do-y-kien/<slug:slug>/cua-ban/", views.reader_state, name="state"),
]
