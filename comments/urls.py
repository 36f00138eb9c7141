from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("bai-viet/<slug:slug>/binh-luan/", views.post, name="post"),
]
