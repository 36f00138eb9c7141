import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from guard.forms import GuardedForm

PHONE = re.compile(r"^\+?[0-9 .()-]+$")
PHONE_DIGITS = (9, 13)

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
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_("Not shown on the site. Give an e-mail or a phone number, or both."),
        error_messages={"invalid": _("The e-mail address is not valid.")},
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
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
        limit = settings.PORTAL_CONTACT_MAX_LENGTH
        message = self.fields["message"]
        message.max_length = limit
        message.validators.append(forms.fields.validators.MaxLengthValidator(limit))
        message.widget.attrs["maxlength"] = limit
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = sum(character.isdigit() for character in phone)
        if phone and (not PHONE.match(phone) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]):
            raise forms.ValidationError(
                _("The phone number is not valid: use digits only, e.g. 0912 345 678.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        email, phone = cleaned.get("email"), cleaned.get("phone")
        if not email and not phone and not self.has_error("email") and not self.has_error("phone"):
            self.add_error("email", _("Please give an e-mail or a phone number so we can answer."))
        if cleaned.get("send_copy") and not email and not self.has_error("email"):
            self.add_error("email", _("To receive a copy, please give your e-mail."))
        return cleaned
