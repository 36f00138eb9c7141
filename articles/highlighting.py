"""Search results' highlighting: the query's words are found in the folded text and marked
in the original one."""

import functools
import re

from django.utils.html import format_html, format_html_join

from portal.text import fold

EXCERPT_LENGTH = 240
EXCERPT_SCAN = 20_000


@functools.lru_cache(maxsize=4096)
def _fold_char(char):
    return fold(char)


def _folds_one_for_one(text):
    """Whether each character of `text` folds into exactly one (Vietnamese does). Asked of the
    text's distinct characters, not worked out once for every character there is: that took
    0.2 s of a process's first search."""
    return all(len(_fold_char(char)) == 1 for char in set(text))


def match_spans(text, words):
    """(start, end) in `text` of each whole query word, found in its folded form."""
    if not words:
        return []
    folded, positions = _folded_with_positions(text)
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")
    return [
        (positions(found.start()), positions(found.end() - 1) + 1)
        for found in pattern.finditer(folded)
    ]


def _folded_with_positions(text):
    """The folded text, and where each of its characters comes from in `text`. Vietnamese
    folds character for character, so the positions are the same; only a text with a character
    that folds into none or several ("ﬁ", a lone accent) is folded one character at a time."""
    if _folds_one_for_one(text):
        return fold(text), int
    pieces, positions = [], []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        pieces.append(piece)
        positions.extend([index] * len(piece))
    return "".join(pieces), positions.__getitem__


def _marked(text, spans):
    pieces, last = [], 0
    for start, end in spans:
        pieces.append((text[last:start], text[start:end]))
        last = end
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pieces), text[last:])


def highlight(text, words):
    """`text` HTML-escaped, with <mark> around each query word."""
    return _marked(text, match_spans(text, words))


def excerpt(text, words, length=EXCERPT_LENGTH):
    """About `length` characters of `text` around the first query word, highlighted."""
    text = " ".join(text[:EXCERPT_SCAN].split())
    spans = match_spans(text, words)
    start = _word_start(text, spans[0][0] - length // 4) if spans else 0
    end = _word_end(text, start + length)
    inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
    return format_html(
        "{}{}{}",
        "… " if start else "",
        _marked(text[start:end], inside),
        " …" if end < len(text) else "",
    )


def _word_start(text, index):
    if index <= 0:
        return 0
    space = text.rfind(" ", max(0, index - 20), index)
    return space + 1 if space >= 0 else index


def _word_end(text, index):
    space = text.find(" ", index, index + 20)
    return min(len(text), space if space >= 0 else index)
