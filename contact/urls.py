from django.urls import path, re_path

from . import views

app_name = "contact"

urlpatterns = [
    path("lien-he/", views.page, name="page"),
    path("lien-he/gui/", views.send, name="send"),
    # Letters and digits only ("-" after the honeypot): anything else (a NUL byte PostgreSQL
    # refuses) is no address.
    re_path(r"^lien-he/da-gui/(?P<reference>-|[A-Za-z0-9]{1,12})/$", views.sent, name="sent"),
]
