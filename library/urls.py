from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("tep-dinh-kem/<int:pk>/", views.download, name="attachment"),
]
