import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from guard.contact_fields import (
    clean_phone,
    email_field,
    limit_length,
    phone_field,
    require_email_or_phone,
)
from guard.forms import GuardedForm

from .models import CODE_ALPHABET, CODE_LENGTH

TOO_LONG_TO_KEEP = _(
    "The question is far too long to be kept here: please write at most %(limit)d characters."
)
NOT_A_CODE = re.compile(r"[^0-9A-Z]")


class SectorChoice(forms.ModelChoiceField):
    def label_from_instance(self, sector):
        return sector.name


class AskForm(GuardedForm):
    """A citizen's question: who asks (an e-mail or a phone, never shown), about what."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={"required": _("Please enter your name.")},
    )
    email = email_field()
    phone = phone_field()
    residential_group = forms.CharField(
        label=_("Residential group (tổ dân phố)"), max_length=100, required=False
    )
    sector = SectorChoice(
        label=_("Field of work"),
        queryset=None,
        required=False,
        empty_label=_("Other / not sure"),
        error_messages={"invalid_choice": _("Please choose a field from the list.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Please give your question a short title.")},
    )
    question = forms.CharField(
        label=_("Question"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Please write your question."),
            "max_length": _("The question is too long: at most %(limit_value)d characters."),
        },
    )
    long_field = "question"
    too_long_message = TOO_LONG_TO_KEEP

    def __init__(self, *args, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        limit_length(self.fields["question"], settings.PORTAL_QUESTION_MAX_LENGTH)
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        require_email_or_phone(self)
        return cleaned


def normal_code(value):
    """A code as typed ("acde fghj-km") in the form it is stored ("ACDEFGHJKM")."""
    return NOT_A_CODE.sub("", (value or "").upper())


class LookupForm(forms.Form):
    ma = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        error_messages={"required": _("Please type the tracking code you were given.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_ma(self):
        code = normal_code(self.cleaned_data["ma"])
        if len(code) != CODE_LENGTH or set(code) - set(CODE_ALPHABET):
            raise forms.ValidationError(
                _("A tracking code has %(length)d letters and digits, e.g. ACDE4FGH7K.")
                % {"length": CODE_LENGTH}
            )
        return code
