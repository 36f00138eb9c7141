"""The site's URLs with the ceiling view in front (used only by bench/settings.py)."""

from django.urls import path

from portal.bench_views import ceiling
from portal.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/ceiling", ceiling, name="bench_ceiling"), *site_urlpatterns]
