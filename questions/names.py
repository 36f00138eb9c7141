"""How the asker's name is shown with a published question."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class NameShown(models.TextChoices):
    FULL = "full", _("In full")
    SHORT = "short", _("Shortened (family name and initials)")
    HIDDEN = "hidden", _("Hidden")


def shortened(name):
    """The family name and the initials of the other names: "Nguyễn Văn An" -> "Nguyễn V. A."
    (a single name gives its initial only)."""
    words = name.split()
    if not words:
        return ""
    initials = " ".join(f"{word[0]}." for word in words[1:])
    return f"{words[0]} {initials}" if initials else f"{words[0][0]}."


def shown_name(name, shown):
    if shown == NameShown.FULL:
        return name
    if shown == NameShown.SHORT:
        return shortened(name)
    return gettext("Name withheld")
