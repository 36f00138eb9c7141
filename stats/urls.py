from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("thong-ke/tom-tat.json", views.summary_json, name="summary"),
]
