"""Vietnamese text helpers: Unicode NFC, slugs and diacritic-free folding."""

import re
import unicodedata

from django.utils.text import slugify

# "đ" is a letter of its own, not "d" with a combining mark, so NFKD alone would drop it.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 10


def nfc(value):
    return unicodedata.normalize("NFC", value) if value else value


def fold(value):
    """Lower-case text without diacritics: "Phù Vân" -> "phu van", "Đảng" -> "dang"."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_D_STROKE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def vietnamese_slugify(value, max_length=200):
    """ASCII slug of a Vietnamese title: "Đại hội Đảng bộ" -> "dai-hoi-dang-bo"."""
    return slugify(fold(value))[:max_length].strip("-")


def query_words(query):
    """The distinct folded words of a query: "Phù Vân, phù" -> ["phu", "van"]."""
    return list(dict.fromkeys(WORD.findall(fold(query))))[:MAX_WORDS]
