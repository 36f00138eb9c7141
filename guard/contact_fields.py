"""The e-mail and phone a reader leaves so the office can answer (contact, questions): at least
one of them, never shown on the site."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

PHONE = re.compile(r"^\+?[0-9 .()-]+$")
PHONE_DIGITS = (9, 13)


def limit_length(field, limit):
    """A text field of a reader's form limited to `limit` characters, in the browser too."""
    field.max_length = limit
    field.validators.append(forms.fields.validators.MaxLengthValidator(limit))
    field.widget.attrs["maxlength"] = limit


def email_field():
    return forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_("Not shown on the site. Give an e-mail or a phone number, or both."),
        error_messages={"invalid": _("The e-mail address is not valid.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def phone_field():
    return forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )


def clean_phone(value):
    phone = " ".join(value.split())
    digits = sum(character.isdigit() for character in phone)
    if phone and (not PHONE.match(phone) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]):
        raise forms.ValidationError(
            _("The phone number is not valid: use digits only, e.g. 0912 345 678.")
        )
    return phone


def require_email_or_phone(form):
    """In clean(): an error on the e-mail when neither was given (and neither is wrong)."""
    cleaned = form.cleaned_data
    if form.has_error("email") or form.has_error("phone"):
        return
    if not cleaned.get("email") and not cleaned.get("phone"):
        form.add_error("email", _("Please give an e-mail or a phone number so we can answer."))
