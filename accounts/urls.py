from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.setup, name="setup"),
    path("ma/", views.verify, name="verify"),
]
