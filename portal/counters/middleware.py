"""One round trip to the counters per request, whatever the request counts."""

import logging

from . import record_many

logger = logging.getLogger(__name__)


class RequestCountsMiddleware:
    """Collects what the request records with `counters.record_for()` (an article view, the
    visitor statistics) and sends it all at once when the response is ready. It stands above
    every middleware that records, so theirs are collected too; counting never breaks a page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.counter_records = []
        try:
            return self.get_response(request)
        finally:
            records, request.counter_records = request.counter_records, None
            if records:
                try:
                    record_many(records)
                except Exception:
                    logger.exception("A request's counts could not be recorded")
