"""What every form a reader sends shares: a honeypot field, the security code, and showing
the form again with what was typed when it is refused."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .captcha import security_code_field

# A refused form is shown again with what was typed, except a value this many times longer than
# its field takes (a 1 MB "message" is not echoed back); fields without a length take SHORT.
ECHO_FACTOR = 2
SHORT = 100
# The honeypot's name: a field people leave empty (it is hidden), bots that fill every field
# give themselves away.
HONEYPOT = "website"


def honeypot_field():
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


def caught_in_honeypot(request):
    """Did this request fill the honeypot? Answer it as if it had been accepted."""
    return bool(request.POST.get(HONEYPOT))


class GuardedForm(forms.Form):
    """A reader's form with the honeypot and the security code (as `captcha`, named so by
    django-simple-captcha's widget). `long_field` is the free text a reader may paste far too
    much of: when it is too long to echo back, `too_long_message` says so."""

    website = honeypot_field()
    captcha = security_code_field()
    long_field = None
    too_long_message = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in (HONEYPOT, "captcha"):  # after the fields of the form itself
            self.fields[name] = self.fields.pop(name)

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.errors:
            self.data = self.echoed(self.data)

    def echoed(self, data):
        """The data to show back: without the values far too long to be anything typed."""
        echoed = data.copy()
        for key in data:
            limit = ECHO_FACTOR * (getattr(self.fields.get(key), "max_length", None) or SHORT)
            values = data.getlist(key) if hasattr(data, "getlist") else [data[key]]
            if any(len(str(value)) > limit for value in values):
                del echoed[key]
        name = self.long_field
        if name and name in data and name not in echoed:
            limit = self.fields[name].max_length
            self.errors[name] = self.error_class([self.too_long_message % {"limit": limit}])
        return echoed

    def typed(self, data, names):
        """Without JavaScript the security code is made when asked for: a fresh form showing
        what the reader had typed in `names`, and the code."""
        self.initial = self.echoed({name: data.get(name, "") for name in names})
        self.show_captcha = True
        return self
