"""Security codes that are easy to read and type on a phone, and used only once."""

import secrets

from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: letters a reader would confuse in a distorted image.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"


def readable_challenge():
    code = "".join(secrets.choice(ALPHABET) for _ in range(settings.CAPTCHA_LENGTH))
    return code, code


def consume(key, response):
    """Was `response` the code of `key`? The code is gone either way, and of two requests
    racing with one code, only the one whose DELETE removed the row passes."""
    now = timezone.now()
    codes = CaptchaStore.objects.filter(hashkey=key)
    if codes.filter(response=response, expiration__gt=now).delete()[0] == 1:
        return True
    codes.delete()
    return False


class SingleUseCaptchaField(CaptchaField):
    """django-simple-captcha's field reads the code, then deletes it: two requests sent
    together with one code both pass. Here the DELETE itself decides."""

    def clean(self, value):
        forms.MultiValueField.clean(self, value)
        key, response = value[0], (value[1] or "").strip().lower()
        value[1] = ""  # never shown again
        CaptchaStore.remove_expired()
        if not consume(key, response):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return value


def security_code_field():
    """The security code of a reader's form, with the help and messages every form shows."""
    return SingleUseCaptchaField(
        label=_("Security code"),
        # Django links help text only while the field has no error; the code always needs it.
        widget=CaptchaTextInput(attrs={"aria-describedby": "id_captcha_helptext"}),
        help_text=_(
            "Type the letters and digits in the picture; capital or small letters both work. "
            "Cannot read them? Press “Another code”."
        ),
        error_messages={
            "invalid": _("The security code is not correct"),
            "required": _("Please type the security code."),
        },
    )
