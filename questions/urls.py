from django.urls import path, re_path

from . import feeds, views

app_name = "questions"

urlpatterns = [
    path("hoi-dap/", views.index, name="index"),
    path("hoi-dap/gui-cau-hoi/", views.ask_view, name="ask"),
    path("hoi-dap/gui-cau-hoi/gui/", views.send, name="send"),
    re_path(r"^hoi-dap/da-gui/(?P<code>-|[A-Za-z0-9]{1,16})/$", views.sent, name="sent"),
    path("hoi-dap/tra-cuu/", views.lookup, name="lookup"),
    path("hoi-dap/rss/", feeds.QuestionsFeed(), name="feed"),
    path("hoi-dap/<int:pk>-<slug:slug>/", views.detail, name="detail"),
]
