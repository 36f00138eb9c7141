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

TOO_LONG_TO_KEEP = _(
    "The message is far too long to be kept here: please write at most %(limit)d characters."
)


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return unit.name


class ContactForm(GuardedForm):
    """A reader's message to the office or one of its units (those with an e-mail)."""

    unit = UnitChoice(
        label=_("Send to"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("Please choose a unit from the list.")},
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={"required": _("Please enter your name.")},
    )
    email = email_field()
    phone = phone_field()
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        error_messages={"required": _("Please enter the subject of your message.")},
    )
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Please write your message."),
            "max_length": _("The message is too long: at most %(limit_value)d characters."),
        },
    )
    send_copy = forms.BooleanField(label=_("Send me a copy by e-mail"), required=False)
    long_field = "message"
    too_long_message = TOO_LONG_TO_KEEP

    def __init__(self, *args, units, office_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = office_name
        limit_length(self.fields["message"], settings.PORTAL_CONTACT_MAX_LENGTH)
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        require_email_or_phone(self)
        if cleaned.get("send_copy") and not email and not self.has_error("email"):
            self.add_error("email", _("To receive a copy, please give your e-mail."))
        return cleaned
