from captcha.fields import CaptchaTextInput
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .captcha import SingleUseCaptchaField
from .models import Comment

# A refused form is shown again with what was typed, except a value this many times longer than
# its field takes (a 1 MB "comment" is not echoed back); fields without a length take SHORT.
ECHO_FACTOR = 2
SHORT = 100


TOO_LONG_TO_KEEP = _(
    "The comment is far too long to be kept here: please write at most %(limit)d characters."
)


class CommentForm(forms.Form):
    """A reader's comment. Guests give a name, an e-mail and the security code."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        error_messages={"required": _("Please enter your name.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("Not shown on the site."),
        error_messages={
            "required": _("Please enter your e-mail."),
            "invalid": _("The e-mail address is not valid."),
        },
    )
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Please write your comment."),
            "max_length": _("The comment is too long: at most %(limit_value)d characters."),
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Left empty by people (it is hidden); bots that fill every field give themselves away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    captcha = SingleUseCaptchaField(
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

    def __init__(self, *args, article, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.fields["text"].max_length = settings.PORTAL_COMMENT_MAX_LENGTH
        self.fields["text"].validators.append(
            forms.fields.validators.MaxLengthValidator(settings.PORTAL_COMMENT_MAX_LENGTH)
        )
        self.fields["text"].widget.attrs["maxlength"] = settings.PORTAL_COMMENT_MAX_LENGTH
        if user is not None and user.is_authenticated:
            for name in ("name", "email", "captcha"):
                del self.fields[name]

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
        if "text" in data and "text" not in echoed:
            limit = self.fields["text"].max_length
            self.errors["text"] = self.error_class([TOO_LONG_TO_KEEP % {"limit": limit}])
        return echoed

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        parent = Comment.objects.approved().filter(pk=parent_id, article=self.article).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you reply to no longer exists."))
        return parent
