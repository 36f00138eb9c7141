"""The addresses staff may type into a menu item or a link: a web address (http or https) or a
path of this site ("/van-ban/"); nothing a browser would run (javascript:, data:)."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

web_address = URLValidator(schemes=["http", "https"])
MESSAGE = _(
    "Enter a web address starting with http:// or https://, or a path of this portal starting "
    "with / (e.g. /lien-he/)."
)


def validate_address(value):
    value = value.strip()
    if is_local_path(value):
        return
    try:
        web_address(value)
    except ValidationError as error:
        raise ValidationError(MESSAGE, code="invalid_address") from error


def validate_web_address(value):
    try:
        web_address(value.strip())
    except ValidationError as error:
        raise ValidationError(
            _("Enter a web address starting with http:// or https://."), code="invalid_address"
        ) from error


def is_local_path(value):
    """ "/lien-he/" but not "//other.example" (another host) nor a path with a backslash or
    spaces that a browser would read otherwise."""
    parts = urlsplit(value)
    return (
        value.startswith("/")
        and not value.startswith("//")
        and not parts.scheme
        and not parts.netloc
        and not any(character.isspace() or character == "\\" for character in value)
    )
