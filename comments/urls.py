from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("y-kien/<slug:kind>/<int:pk>/", views.post, name="post"),
]
