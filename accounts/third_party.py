"""The sign-in lockout (django-axes) and TOTP (django-otp) apps under Vietnamese names in the
admin's list of applications."""

from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class LockoutConfig(AxesConfig):
    verbose_name = _("Sign-in protection")


class TwoFactorConfig(TOTPConfig):
    verbose_name = _("Two-step verification")


# django-axes ships no Vietnamese: its admin's words are translated in this project's catalogue,
# and named here so that makemessages keeps them.
AXES_ADMIN_WORDS = (
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Logout Time"),
    gettext_noop("Access lock out"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Expires At"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Locked Out"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Not set"),
    gettext_noop("Clean up expired attempts"),
)
