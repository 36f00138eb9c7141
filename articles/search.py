"""The search page: keyword, category and date filters, similar titles, and the results of
other kinds (pages, documents) that apps register in portal/searchables.py.

Which articles match and in which order: articles/matching.py; highlighting: highlighting.py.
"""

from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import F, Value
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from library.html import plain_text
from portal import searchables
from portal.pagecache import cached_page
from portal.text import fold

from .caching import cached_block
from .highlighting import excerpt, highlight
from .matching import MAX_WORDS, WORD, Ranked, query_words
from .models import Article
from .navigation import category_tree
from .views import PAGE_SIZE, listing_depends_on, until_next_change

# What the search page reads from its query string (the page cache keys on these alone).
PARAMETERS = ("q", "category", "from", "to", "page")
# How many results of each other kind (pages, documents...) the first page of results shows.
OTHER_KINDS_LIMIT = 5
MAX_QUERY_LENGTH = 200
SIMILAR_COUNT = 5
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(9000, 1, 1)


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


def mark_matches(articles, query):
    """The articles, each with `marked_title` and an `excerpt` of its summary and body."""
    words = query_words(query)
    articles = list(articles)
    for article in articles:
        article.marked_title = highlight(article.title, words)
        article.excerpt = excerpt(f"{article.summary} {plain_text(article.body_html)}", words)
    return articles


# The search page.


def category_options(site):
    """The site's active categories in navigation order, sub-categories after their parent."""
    options = []
    for root in cached_block(site, "nav", category_tree):
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

    def __init__(self, *args, site, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
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
            Article.objects.for_site(self.site).published(),
            category=self.categories.get(data["category"]),
            published_from=data["from"],
            published_to=data["to"],
        )


class CappedPaginator(Paginator):
    """Pages of Ranked matches, which count at most MAX_RESULTS + 1: counting every article
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
        site = self.request.site
        form = SearchForm(self.request.GET or None, site=site, categories=category_options(site))
        context = super().get_context_data(form=form, **kwargs)
        if form.is_valid() and form.cleaned_data["q"]:
            context.update(self.results(form))
        return context

    def results(self, form):
        query = form.cleaned_data["q"]
        candidates = form.candidates()
        listed = candidates.for_listing().annotate(body_html=F("body"))
        found = Ranked(listed, query, cap=CappedPaginator.MAX_RESULTS)
        page = CappedPaginator(found, PAGE_SIZE).get_page(self.request.GET.get("page"))
        articles = mark_matches(page.object_list, query)
        others = self.other_kinds(form, page.number)
        other_parameters = QueryDict(mutable=True)
        for name in PARAMETERS:
            if name != "page" and form.data.get(name):
                other_parameters[name] = form.data[name]
        return {
            "searched": True,
            "query": query,
            "page_obj": page,
            "articles": articles,
            "others": others,
            "page_query": other_parameters.urlencode(),
            "similar": []
            if articles or others
            else list(similar_titles(candidates.for_listing(), query)),
        }

    def other_kinds(self, form, page_number):
        """Pages, documents... that match, on the first page of results of a search that
        filters nothing only articles have (a category, dates): [(label, [marked results])]."""
        data = form.cleaned_data
        if page_number > 1 or data["category"] or data["from"] or data["to"]:
            return []
        words = query_words(data["q"])
        found = searchables.search_all(self.request.site, data["q"], OTHER_KINDS_LIMIT)
        return [
            (label, [mark_result(result, words) for result in results]) for label, results in found
        ]


def mark_result(result, words):
    return {
        "result": result,
        "marked_title": highlight(result.title, words),
        "excerpt": excerpt(result.text, words),
    }


def search_depends_on(request, view_kwargs):
    """The articles, and what the other kinds of result depend on."""
    return [*listing_depends_on(request, view_kwargs), *searchables.cache_keys(request.site)]


search_view = cached_page(search_depends_on, parameters=PARAMETERS)(
    until_next_change(SearchView.as_view())
)
