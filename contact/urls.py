from django.urls import path

from . import views

app_name = "contact"

urlpatterns = [
    path("lien-he/", views.page, name="page"),
    path("lien-he/gui/", views.send, name="send"),
    path("lien-he/da-gui/<str:reference>/", views.sent, name="sent"),
]
