"""Which articles match a search query, and in which order they come.

Matching reads the folded columns Article.save keeps (`search_title`, `search_body`), so the
query is folded the same way: "phu van", "PHÙ VÂN" and "Phu Vân" all find "Phù Vân". PostgreSQL
matches whole words with full-text search over the tsvector column of migration 0006; other
databases fall back to LIKE: every word must appear in the title or the body.

Ranking: matches in the title first; among them the title with the words as typed, accents
included ("đảng bộ" finds "Đảng bộ" before "Đang bố"), then the one with the words side by side
("dang bo": "Đảng bộ" before "đang … bố"); then the others, those with the words side by side
in the text first. Newest first within each of these tiers.
"""

import re
from collections import Counter

from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField
from django.db import connections
from django.db.models import Case, Expression, F, Func, Q, Value, When
from django.db.models.expressions import Col
from django.utils.functional import cached_property

from portal.text import MAX_WORDS, WORD, fold, nfc, query_words

NEWEST = ("-publish_at", "-pk")

NOT_IN_TSQUERY = re.compile(r"['\\\x00]")


def _tsquery(query):
    """`'phu' & 'van'`: each chunk quoted, so PostgreSQL splits it as it split the indexed
    text ("2025-2030", "12/2025/qd-ubnd") and no character of the query is an operator."""
    chunks = NOT_IN_TSQUERY.sub(" ", fold(query)).split()
    terms = [f"'{chunk}'" for chunk in chunks if WORD.search(chunk)][:MAX_WORDS]
    return SearchQuery(" & ".join(terms), search_type="raw", config="simple")


def _document_field():
    field = SearchVectorField()
    field.set_attributes_from_name("search_document")
    return field


class StoredDocument(Expression):
    """The article's `search_document` column, which migration 0006 adds on PostgreSQL.

    Not a model field, so that Django never writes it and other databases do without it.
    """

    field = _document_field()
    output_field = field

    def resolve_expression(self, query=None, *args, **kwargs):
        return Col(query.get_initial_alias(), self.field)


class TitleDocument(Func):
    template = "to_tsvector('simple'::regconfig, COALESCE((%(expressions)s)::text, ''::text))"
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("search_title"))


def _split(condition, refinements):
    """`condition` cut into disjoint parts: meeting the first refinement, else the second...,
    else none of them."""
    parts = []
    for refinement in refinements:
        parts.append(condition & refinement)
        condition &= ~refinement
    return [*parts, condition]


class Match:
    """A query as conditions on an article's row: the filter, and the tiers of the ranking."""

    def __init__(self, db, query):
        self.words = query_words(query)
        self.postgresql = connections[db].vendor == "postgresql"
        folded = WORD.findall(fold(query))[:MAX_WORDS]
        typed = WORD.findall(nfc(query).lower())[:MAX_WORDS]
        # Without accents typed there is no accent to match, and a title written without any
        # is too rare to be worth a tier (counting it reads every title match).
        self.accents = typed != folded
        self.exact = Q(title__iregex=self._phrase_pattern(typed))
        self.phrases = len(folded) > 1
        if self.postgresql:
            tsquery = _tsquery(query)
            self.every_word = Q(SearchVectorExact(StoredDocument(), tsquery))
            self.in_title = Q(SearchVectorExact(TitleDocument(), tsquery))
            phrase = SearchQuery(
                NOT_IN_TSQUERY.sub(" ", fold(query)), search_type="phrase", config="simple"
            )
            self.title_phrase = Q(SearchVectorExact(TitleDocument(), phrase))
            self.text_phrase = Q(SearchVectorExact(StoredDocument(), phrase))
        else:
            self.every_word, self.in_title = Q(), Q()
            for word in self.words:
                self.every_word &= Q(search_title__contains=word) | Q(search_body__contains=word)
                self.in_title &= Q(search_title__contains=word)
            pattern = self._phrase_pattern(folded)
            self.title_phrase = Q(search_title__regex=pattern)
            self.text_phrase = Q(search_body__regex=pattern)

    def _phrase_pattern(self, words):
        """The words one after the other, whole: PostgreSQL writes a word boundary \\y."""
        boundary = r"\y" if self.postgresql else r"\b"
        return boundary + r"\W+".join(words) + boundary

    def filter(self, queryset):
        return queryset.filter(self.every_word) if self.words else queryset.none()

    def title_tiers(self):
        refinements = [self.exact] if self.accents else []
        return _split(self.in_title, refinements + ([self.title_phrase] if self.phrases else []))

    def tiers(self):
        """Every tier, best first; together they are every match."""
        others = _split(~self.in_title, [self.text_phrase]) if self.phrases else [~self.in_title]
        return self.title_tiers() + others


def _rank(tiers):
    """The number of the tier an article is in, for ordering or counting in one query."""
    return Case(
        *(When(tier, then=Value(n)) for n, tier in enumerate(tiers[:-1])),
        default=Value(len(tiers) - 1),
    )


def search_articles(queryset, query):
    """Articles of `queryset` matching every word of `query`, best ranked first, then newest."""
    match = Match(queryset.db, query)
    if not match.words:
        return queryset.none()
    ranked = match.filter(queryset).annotate(search_rank=_rank(match.tiers()))
    return ranked.order_by("search_rank", *NEWEST)


class Ranked:
    """The matches of search_articles() for a paginator, each tier read by its own query,
    newest first: that query walks an index and stops at the page, where ordering by the rank
    would sort every match (the ward's name is in most of its articles).

    Up to `cap` matches, one query reads the tier of each. Beyond, only the title matches are
    ranked (if there are not more than `cap` of them either), then the others come newest first:
    telling them apart would read the text of every match, and counting a rare tier reads every
    match of the tiers around it."""

    def __init__(self, queryset, query, cap):
        self.match = Match(queryset.db, query)
        self.matches = self.match.filter(queryset)
        self.cap = cap

    def tier(self, condition):
        return self.matches.filter(condition).order_by(*NEWEST)

    def capped_count(self, queryset):
        return queryset.order_by()[: self.cap + 1].count()

    def ranked(self, queryset, tiers):
        """[(tier's queryset, number of matches in it)] for the articles of `queryset`."""
        ranks = queryset.annotate(search_rank=_rank(tiers)).order_by()
        found = Counter(ranks.values_list("search_rank", flat=True))
        return [(self.tier(tier), found[n]) for n, tier in enumerate(tiers)]

    @cached_property
    def counted_tiers(self):
        """[(tier's queryset, number of matches in it)], best tier first."""
        if not self.match.words:
            return []
        if self.capped_count(self.matches) <= self.cap:
            return self.ranked(self.matches, self.match.tiers())
        in_title = self.matches.filter(self.match.in_title)
        titles = self.capped_count(in_title)
        if titles > self.cap:
            return [(self.tier(self.match.in_title), titles)]
        others = (self.tier(~self.match.in_title), self.cap + 1 - titles)
        return [*self.ranked(in_title, self.match.title_tiers()), others]

    def count(self):
        return sum(number for _tier, number in self.counted_tiers)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        found, offset = [], 0
        for tier, number in self.counted_tiers:
            if number and start < offset + number and offset < stop:
                found += list(tier[max(start - offset, 0) : min(stop, offset + number) - offset])
            offset += number
        return found
