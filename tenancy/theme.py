"""A site's colour on its pages: a small stylesheet that sets the colours site.css reads, at an
address that changes with the site (so it is cached for a year and never stale)."""

import re

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

DEFAULT_COLOUR = "#b71c1c"
# White text on the colour (the header, buttons) and the colour as text on white (headings).
MINIMUM_CONTRAST = 4.5
DARKER = 0.75
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
YEAR = 365 * 24 * 3600


def channels(colour):
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


def luminance(colour):
    """WCAG 2.1 relative luminance."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (v / 255 for v in channels(colour))
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(colour):
    return 1.05 / (luminance(colour) + 0.05)


def darker(colour, factor=DARKER):
    return "#" + "".join(f"{round(c * factor):02x}" for c in channels(colour))


def validate_contrast(colour):
    if not HEX.match(colour or ""):
        return  # the format validator says what is wrong
    ratio = contrast_with_white(colour)
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            _(
                "This colour is too light: white text on it, and it as text on white, would be "
                "hard to read (contrast %(ratio)s, at least 4.5 is needed). Choose a darker one."
            ),
            code="low_contrast",
            params={"ratio": f"{ratio:.1f}".replace(".", ",")},
        )


def has_own_colour(site):
    return bool(site) and site.theme_colour.lower() != DEFAULT_COLOUR


def stylesheet(site):
    colour = site.theme_colour.lower()
    return f":root {{ --red: {colour}; --red-dark: {darker(colour)}; }}\n"


@require_safe
def theme_css(request, fingerprint):
    """The current site's colours; cached for a year at the address of this fingerprint, only
    briefly at an old one (a page cached before the change)."""
    response = HttpResponse(stylesheet(request.site), content_type="text/css; charset=utf-8")
    current = fingerprint == request.site.fingerprint
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable" if current else "max-age=60"
    return response
