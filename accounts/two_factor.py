"""Two-step verification of staff with a TOTP authenticator app (django-otp)."""

from base64 import b32encode, b64encode

import qrcode
import qrcode.image.svg
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

THROTTLE_NOTICE_AFTER = 3


def authenticator(user):
    """The user's confirmed authenticator, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_authenticator(user):
    """The authenticator being set up: the same secret until it is confirmed."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "TOTP"}
    )
    return device


def accept_code(request, device, code):
    """Verify a sign-in code; a wrong one counts as a failed sign-in for the lockout, and the
    session ends if that locks the account."""
    if verify_token(request.user, device.persistent_id, code):
        otp_login(request, device)
        return True
    user_login_failed.send(
        sender=__name__, credentials={"username": request.user.get_username()}, request=request
    )
    if getattr(request, "axes_locked_out", False):
        logout(request)
    return False


def confirm(request, device, code):
    """Make the pending authenticator the user's only one once it produced a right code."""
    with transaction.atomic():
        if not device.verify_token(code):
            return False
        device.confirmed = True
        device.save()
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    otp_login(request, device)
    return True


def turn_off(user):
    TOTPDevice.objects.filter(user=user).delete()


def is_throttled(device):
    """Whether the app's next code would be refused too, after several wrong ones (django-otp
    makes each wrong code double the wait before the next try)."""
    device.refresh_from_db()
    allowed, _details = device.verify_is_allowed()
    return not allowed and device.throttling_failure_count >= THROTTLE_NOTICE_AFTER


def secret_text(device):
    """The secret as people type it into an app: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code(device):
    """The app's set-up link as a QR code, an SVG data URI for an <img>."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return "data:image/svg+xml;base64," + b64encode(image.to_string()).decode()
