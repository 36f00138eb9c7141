"""Text as the search reads it: folded words (no diacritics, no case) separated by single
spaces, punctuation dropped, so "123/QĐ-UBND" is stored and matched as "123 qd ubnd"."""

from portal.text import WORD, fold


def folded_words(text):
    return " ".join(WORD.findall(fold(text or "")))
