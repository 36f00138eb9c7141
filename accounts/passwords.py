"""A password check for what Vietnamese staff tend to choose: "matkhau123", "Anhyeuem@",
the ward's own name."""

import functools
import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.text import fold

WORDS_FILE = Path(__file__).with_name("common_passwords_vi.txt")
AROUND = re.compile(r"^[\W\d_]+|[\W\d_]+$")
MIN_CORE = 4


class VietnameseCommonPasswordValidator:
    """Reject a common Vietnamese password or the portal's own name, whatever the diacritics,
    capitals, spaces, digits or symbols around it."""

    def validate(self, password, user=None):
        if core(password) in common_words():
            raise ValidationError(
                _("This password is too easy to guess: a common password or the ward's name."),
                code="password_too_common",
            )

    def get_help_text(self):
        return _("Your password can't be a common password or the ward's name.")


def core(password):
    """The password folded, without spaces, and without the digits and symbols around it."""
    return AROUND.sub("", fold(password).replace(" ", ""))


def common_words():
    return _listed_words() | _name_words(settings.PORTAL_SITE_NAME, settings.PORTAL_OFFICE_NAME)


@functools.cache
def _listed_words():
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(core(line) for line in lines if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=4)
def _name_words(*names):
    """Every tail of each name's words run together: "Ủy ban nhân dân phường Phù Vân" gives
    "phuvan", "phuongphuvan", ... "uybannhandanphuongphuvan"."""
    tails = set()
    for name in names:
        words = re.findall(r"\w+", fold(name))
        tails.update("".join(words[start:]) for start in range(len(words)))
    return frozenset(tail for tail in tails if len(tail) >= MIN_CORE)
