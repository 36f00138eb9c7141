from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .two_factor import authenticator

# What a staff member who has not finished signing in may still reach.
OPEN_VIEWS = {
    "accounts:verify",
    "accounts:setup",
    "admin:logout",
    "logout",
    "keep_alive",
    "set_language",
    "healthz",
}


class StaffTwoFactorMiddleware:
    """Hold a signed-in staff member who has not passed two-step verification at its page:
    the code, when they have an authenticator; setting one up, when PORTAL_STAFF_2FA_REQUIRED.

    Readers and other accounts without staff status pass untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        step = pending_step(user)
        if step is None:
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")


def pending_step(user):
    if authenticator(user) is not None:
        return "accounts:verify"
    if settings.PORTAL_STAFF_2FA_REQUIRED:
        return "accounts:setup"
    return None
