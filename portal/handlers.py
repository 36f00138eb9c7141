"""The site's WSGI handler: Django's, with one request fix."""

from django.core.exceptions import TooManyFieldsSent
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest


class PortalRequest(WSGIRequest):
    """Django 5.2 reads the query string while it builds a request whose Content-Type names a
    charset, before any error handling: too many fields there answered 500. The fields are now
    refused when the view reads them, with Django's 400."""

    def _set_content_type_params(self, meta):
        try:
            super()._set_content_type_params(meta)
        except TooManyFieldsSent:
            self.__dict__.pop("GET", None)
            self._encoding = self.content_params["charset"]


class PortalWSGIHandler(WSGIHandler):
    request_class = PortalRequest
