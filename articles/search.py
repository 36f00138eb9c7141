"""Accent-insensitive article search: matching, ranking, highlighting and the search page.

Matching reads the folded columns Article.save keeps (`search_title`, `search_body`), so the
query is folded the same way: "phu van", "PHÙ VÂN" and "Phu Vân" all find "Phù Vân". PostgreSQL
matches whole words with full-text search over the tsvector column of migration 0006; other
databases fall back to LIKE: every word must appear in the title or the body.
"""

import functools
import re
from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchVectorExact,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Case, Expression, F, Func, Q, Value, When
from django.db.models.expressions import Col
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .caching import cached_block
from .html import plain_text
from .models import Article
from .templatetags.articles_tags import category_tree
from .text import fold
from .views import PAGE_SIZE

# What the search page reads from its query string (the page cache keys on these alone).
PARAMETERS = ("q", "category", "from", "to", "page")
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
EXCERPT_LENGTH = 240
EXCERPT_SCAN = 20_000
SIMILAR_COUNT = 5
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(9000, 1, 1)

WORD = re.compile(r"[^\W_]+")
NOT_IN_TSQUERY = re.compile(r"['\\\x00]")


def query_words(query):
    """The distinct folded words of a query: "Phù Vân, phù" -> ["phu", "van"]."""
    return list(dict.fromkeys(WORD.findall(fold(query))))[:MAX_WORDS]


def search_articles(queryset, query):
    """Articles of `queryset` matching every word of `query`: title matches first, then newest."""
    matches, in_title = _matches(queryset, query)
    return matches.annotate(
        title_match=Case(When(in_title, then=Value(1)), default=Value(0))
    ).order_by("-title_match", "-publish_at", "-pk")


def _matches(queryset, query):
    """(the articles matching every word, the condition that they match it in the title)."""
    words = query_words(query)
    if not words:
        return queryset.none(), Q(pk__in=[])
    if connections[queryset.db].vendor == "postgresql":
        return _full_text_match(queryset, query)
    return _every_word_match(queryset, words)


class TitleFirst:
    """The matches of search_articles() for a paginator, read as two queries, each newest
    first: those with every word in the title, then the others. Either one walks an index and
    stops at the page, where ordering by "in the title" would sort every match (the ward's
    name is in most of its articles)."""

    def __init__(self, queryset, query, cap):
        matches, in_title = _matches(queryset, query)
        newest = ("-publish_at", "-pk")
        self.in_title = matches.filter(in_title).order_by(*newest)
        self.elsewhere = matches.exclude(in_title).order_by(*newest)
        self.cap = cap

    def capped_count(self, queryset):
        return queryset.order_by()[: self.cap + 1].count()

    @cached_property
    def title_count(self):
        return self.capped_count(self.in_title)

    @cached_property
    def total(self):
        if self.title_count > self.cap:
            return self.title_count
        return min(self.cap + 1, self.title_count + self.capped_count(self.elsewhere))

    def count(self):
        return self.total

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        first = (
            list(self.in_title[start : min(stop, self.title_count)])
            if start < self.title_count
            else []
        )
        if stop > self.title_count < self.total:
            first += list(
                self.elsewhere[max(start - self.title_count, 0) : stop - self.title_count]
            )
        return first


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


def _full_text_match(queryset, query):
    """`search_document @@ query`, served by the GIN index `article_search_vector_idx`; in the
    title, the index `article_search_title_idx` of migration 0009."""
    tsquery = _tsquery(query)
    in_title = SearchVectorExact(TitleDocument(), tsquery)
    return queryset.filter(SearchVectorExact(StoredDocument(), tsquery)), in_title


class TitleDocument(Func):
    template = "to_tsvector('simple'::regconfig, COALESCE((%(expressions)s)::text, ''::text))"
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("search_title"))


def _every_word_match(queryset, words):
    matches, in_title = Q(), Q()
    for word in words:
        matches &= Q(search_title__contains=word) | Q(search_body__contains=word)
        in_title &= Q(search_title__contains=word)
    return queryset.filter(matches), in_title


def similar_titles(queryset, query, count=SIMILAR_COUNT):
    """Articles whose title looks like the query (a typo): PostgreSQL with pg_trgm only.

    `search_title %> text` is what the GIN index `article_search_title_trgm_idx` serves.
    """
    text = " ".join(query_words(query))
    if not text or not _has_trigram(queryset.db):
        return queryset.none()
    return (
        queryset.filter(TrigramWordSimilar(F("search_title"), Value(text)))
        .annotate(similarity=TrigramWordSimilarity(Value(text), "search_title"))
        .order_by("-similarity", "-publish_at", "-pk")[:count]
    )


def _has_trigram(alias):
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def filter_articles(queryset, category=None, published_from=None, published_to=None):
    """Articles of `category` and its sub-categories, published between the two days."""
    if category:
        in_tree = queryset.model.objects.in_category_tree(category).values("pk")
        queryset = queryset.filter(pk__in=in_tree)
    if published_from:
        queryset = queryset.filter(publish_at__gte=_day_start(published_from))
    if published_to:
        queryset = queryset.filter(publish_at__lt=_day_start(published_to, days_after=1))
    return queryset


def _day_start(day, days_after=0):
    """Midnight in the site's time zone; days no article can have are clamped."""
    day = min(max(day, EARLIEST_DAY), LATEST_DAY)
    return timezone.make_aware(datetime.combine(day, time.min) + timedelta(days=days_after))


# Highlighting: words are found in the folded text and marked in the original one.


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


def mark_matches(articles, query):
    """The articles, each with `marked_title` and an `excerpt` of its summary and body."""
    words = query_words(query)
    articles = list(articles)
    for article in articles:
        article.marked_title = highlight(article.title, words)
        article.excerpt = excerpt(f"{article.summary} {plain_text(article.body_html)}", words)
    return articles


# The search page.


def category_options():
    """Active categories in navigation order, sub-categories after their parent."""
    options = []
    for root in cached_block("nav", category_tree):
        options.append((root, root.name))
        options.extend((child, f"\u00a0\u00a0\u00a0{child.name}") for child in root.subcategories)
    return options


class DayField(forms.DateField):
    """A date typed as dd/mm/yyyy or sent by <input type=date>, shown back as the latter."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = DATE_FORMATS
    default_error_messages = {"invalid": _("Enter the date as dd/mm/yyyy.")}

    def bound_data(self, data, initial):
        try:
            return self.to_python(data)
        except forms.ValidationError:
            return data


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={
            "max_length": _("Please type at most %(limit_value)d characters."),
            "null_characters_not_allowed": _(
                "The keywords contain characters that are not allowed."
            ),
        },
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {category.slug: category for category, _label in categories}
        self.fields["category"] = forms.ChoiceField(
            label=_("Category"),
            required=False,
            choices=[("", _("All categories"))]
            + [(category.slug, label) for category, label in categories],
            error_messages={"invalid_choice": _("This category does not exist.")},
        )
        self.fields["from"] = DayField(label=_("From date"), required=False)
        self.fields["to"] = DayField(label=_("To date"), required=False)

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(WORD.findall(fold(query))) > MAX_WORDS:
            raise forms.ValidationError(
                _("Please type at most %(limit)d words."), params={"limit": MAX_WORDS}
            )
        return query

    def clean(self):
        data = super().clean()
        if data.get("from") and data.get("to") and data["from"] > data["to"]:
            self.add_error("to", _("The end date must not be before the start date."))
        return data

    def candidates(self):
        """The published articles the filters leave, before matching the keywords."""
        data = self.cleaned_data
        return filter_articles(
            Article.objects.published(),
            category=self.categories.get(data["category"]),
            published_from=data["from"],
            published_to=data["to"],
        )


class CappedPaginator(Paginator):
    """Pages of TitleFirst matches, which count at most MAX_RESULTS + 1: counting every article
    that mentions the ward's name costs more than finding the first page, and nobody reads past
    page 100."""

    MAX_RESULTS = 1000

    @cached_property
    def is_capped(self):
        return self.count > self.MAX_RESULTS

    @cached_property
    def num_pages(self):
        return super().num_pages if not self.is_capped else self.MAX_RESULTS // self.per_page


class SearchView(TemplateView):
    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None, categories=category_options())
        context = super().get_context_data(form=form, **kwargs)
        if form.is_valid() and form.cleaned_data["q"]:
            context.update(self.results(form))
        return context

    def results(self, form):
        query = form.cleaned_data["q"]
        candidates = form.candidates()
        listed = candidates.for_listing().annotate(body_html=F("body"))
        found = TitleFirst(listed, query, cap=CappedPaginator.MAX_RESULTS)
        page = CappedPaginator(found, PAGE_SIZE).get_page(self.request.GET.get("page"))
        articles = mark_matches(page.object_list, query)
        other_parameters = QueryDict(mutable=True)
        for name in PARAMETERS:
            if name != "page" and form.data.get(name):
                other_parameters[name] = form.data[name]
        return {
            "searched": True,
            "query": query,
            "page_obj": page,
            "articles": articles,
            "page_query": other_parameters.urlencode(),
            "similar": [] if articles else list(similar_titles(candidates.for_listing(), query)),
        }
