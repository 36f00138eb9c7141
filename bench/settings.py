"""Production settings (portal/settings.py, driven by the environment) plus the ceiling view."""

from portal.settings import *  # noqa: F403

PORTAL_BENCH_VIEWS = True
ROOT_URLCONF = "bench.urls"
