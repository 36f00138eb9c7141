"""Admin forms that keep article pictures accessible (WCAG 1.1.1)."""

from django import forms
from django.utils.translation import gettext_lazy as _

COVER_ALT_MISSING = _("Describe the cover picture for readers who cannot see it.")


class ArticleAdminForm(forms.ModelForm):
    """An article's cover picture needs its description (the admin gives the model and fields)."""

    def clean(self):
        cleaned = super().clean()
        cover_described = cleaned.get("cover_alt", "").strip()
        if cleaned.get("cover_image") and not cover_described and "cover_alt" in self.fields:
            self.add_error("cover_alt", COVER_ALT_MISSING)
        return cleaned
