"""Admin forms that keep pictures accessible: none is saved without a text for readers who
cannot see it (WCAG 1.1.1)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Picture

PICTURE_ALT_MISSING = _(
    "Describe the picture for readers who cannot see it (alt text), or give it a caption, "
    "which is then used as the description."
)
COVER_ALT_MISSING = _("Describe the cover picture for readers who cannot see it.")


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


class ArticleAdminForm(forms.ModelForm):
    """An article's cover picture needs its description (the admin gives the model and fields)."""

    def clean(self):
        cleaned = super().clean()
        cover_described = cleaned.get("cover_alt", "").strip()
        if cleaned.get("cover_image") and not cover_described and "cover_alt" in self.fields:
            self.add_error("cover_alt", COVER_ALT_MISSING)
        return cleaned
