from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from guard.forms import GuardedForm

from .models import Comment

TOO_LONG_TO_KEEP = _(
    "The comment is far too long to be kept here: please write at most %(limit)d characters."
)


class CommentForm(GuardedForm):
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
    long_field = "text"
    too_long_message = TOO_LONG_TO_KEEP

    def __init__(self, *args, target, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        self.fields["text"].max_length = settings.PORTAL_COMMENT_MAX_LENGTH
        self.fields["text"].validators.append(
            forms.fields.validators.MaxLengthValidator(settings.PORTAL_COMMENT_MAX_LENGTH)
        )
        self.fields["text"].widget.attrs["maxlength"] = settings.PORTAL_COMMENT_MAX_LENGTH
        if user is not None and user.is_authenticated:
            for name in ("name", "email", "captcha"):
                del self.fields[name]

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        parent = Comment.objects.approved().for_target(self.target).filter(pk=parent_id).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you reply to no longer exists."))
        return parent
