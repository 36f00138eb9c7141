from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import two_factor
from .forms import CodeForm


@never_cache
@staff_member_required
def verify(request):
    """Second step of signing in: the code from the authenticator app."""
    device = two_factor.authenticator(request.user)
    if device is None or request.user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.accept_code(request, device, form.cleaned_data["code"]):
            return redirect(next_url(request))
        if not request.user.is_authenticated:
            return redirect("admin:login")
        form.add_error("code", code_error(device))
    context = page_context(request, _("Two-step verification"), form=form)
    return render(request, "accounts/verify.html", context)


@never_cache
@staff_member_required
def setup(request):
    """The "Xác thực hai bước" page: set up an authenticator app, or turn it off."""
    if two_factor.authenticator(request.user) is not None:
        return enabled(request)
    device = two_factor.pending_authenticator(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.confirm(request, device, form.cleaned_data["code"]):
            messages.success(request, _("Two-step verification is on."))
            return redirect(next_url(request))
        form.add_error("code", code_error(device))
    context = page_context(
        request,
        _("Two-step verification"),
        form=form,
        qr_code=two_factor.qr_code(device),
        secret=two_factor.secret_text(device),
    )
    return render(request, "accounts/setup.html", context)


def enabled(request):
    if request.method == "POST" and can_turn_off(request):
        two_factor.turn_off(request.user)
        messages.success(request, _("Two-step verification is off."))
        return redirect("accounts:setup")
    context = page_context(request, _("Two-step verification"), can_turn_off=can_turn_off(request))
    return render(request, "accounts/enabled.html", context)


def can_turn_off(request):
    return request.user.is_verified() and not settings.PORTAL_STAFF_2FA_REQUIRED


def code_error(device):
    if two_factor.is_throttled(device):
        return _("Too many wrong codes: wait a few seconds, then enter the newest code.")
    return _("This code is wrong or has expired: enter the code the app shows now.")


def page_context(request, title, **extra):
    return {
        **admin.site.each_context(request),
        "title": title,
        "next": next_url(request),
        "required": settings.PORTAL_STAFF_2FA_REQUIRED,
        **extra,
    }


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")
