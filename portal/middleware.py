import time

from django.conf import settings
from django.contrib import auth, messages
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

IDLE_SESSION_KEY = "_portal_last_activity"
# Recording activity writes the session; once a minute is precise enough for a 30-minute limit.
ACTIVITY_RESOLUTION = 60


class CookieLocaleMiddleware:
    """Activate the language the reader chose with the language switch, else the site's
    default language (`request.site.language`), else Vietnamese.

    Unlike Django's LocaleMiddleware it ignores Accept-Language and needs no URL prefix, so
    Vietnamese stays the default for everybody and URLs never change with the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in self.supported:
            site = getattr(request, "site", None)
            language = site.language if site else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


def is_passive(view_func):
    """Views marked with @passive_request (polling endpoints) do not count as activity."""
    return getattr(view_func, "passive_request", False)


def passive_request(view_func):
    view_func.passive_request = True
    return view_func


class IdleSessionMiddleware:
    """Log a signed-in user out after PORTAL_IDLE_TIMEOUT seconds without a request.

    The browser's idle notice (static/portal/js/idle.js) pings the keep-alive view while the
    person is active, so someone writing a long article is never logged out by the server.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        now = int(time.time())
        last_activity = request.session.get(IDLE_SESSION_KEY)
        if last_activity is not None and now - last_activity > settings.PORTAL_IDLE_TIMEOUT:
            auth.logout(request)
            messages.info(request, _("You were signed out after a period of inactivity."))
            return None
        if is_passive(view_func):
            return None
        if last_activity is None or now - last_activity >= ACTIVITY_RESOLUTION:
            request.session[IDLE_SESSION_KEY] = now
        return None


def record_activity(request):
    """Mark the session active now (used by the keep-alive view)."""
    request.session[IDLE_SESSION_KEY] = int(time.time())
