"""Production settings (portal/settings.py, driven by the environment) plus the ceiling view."""

from portal.settings import *  # noqa: F403

PORTAL_BENCH_VIEWS = True
ROOT_URLCONF = "bench.urls"

# wrk is one client address sending thousands of requests: the per-address rate limits
# (portal/ratelimit.py) would refuse it. The benchmark measures what the site can serve.
PORTAL_RATE_LIMITS = {}
