"""The benchmark's settings without the visitor statistics middleware (scenario 7)."""

from bench.settings import *  # noqa: F403

MIDDLEWARE = [
    name
    for name in MIDDLEWARE  # noqa: F405
    if name != "stats.middleware.VisitStatisticsMiddleware"
]
