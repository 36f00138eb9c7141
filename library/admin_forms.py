"""The picture library's forms keep pictures accessible: none is saved without a text for
readers who cannot see it (WCAG 1.1.1)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Picture

PICTURE_ALT_MISSING = _(
    "Describe the picture for readers who cannot see it (alt text), or give it a caption, "
    "which is then used as the description."
)


class PictureAltTextForm(forms.ModelForm):
    """A library picture needs alt text; without one its caption serves as alt text."""

    class Meta:
        model = Picture
        fields = ["alt", "caption"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("alt", "").strip():
            caption = cleaned.get("caption", "").strip()
            if caption and "caption" not in self.errors:
                cleaned["alt"] = caption[: Picture._meta.get_field("alt").max_length]
            elif "alt" not in self.errors:
                self.add_error("alt", PICTURE_ALT_MISSING)
        return cleaned
