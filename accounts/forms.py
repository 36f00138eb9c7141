import re

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the authenticator app"),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "maxlength": 7,
                "autofocus": True,
            }
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(_("The code has 6 digits."))
        return code
