"""Which documents match a search: every word of the query, folded and without punctuation,
in the number, the abstract, the signer, the notes or the text of the files. "123 qd ubnd",
"123/qđ-ubnd" and "123/QĐ-UBND" are the same query.

PostgreSQL matches whole words through the `search_document` tsvector column of migration 0002
(generated from the folded columns, GIN-indexed); other databases use LIKE. A query with a digit
in it looks for a number: the documents whose number is exactly those words come first."""

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField
from django.db import connections
from django.db.models import Case, Expression, IntegerField, Q, Value, When
from django.db.models.expressions import Col
from django.utils.translation import gettext

from portal.searchables import SearchResult
from portal.text import query_words

from .caching import version_key
from .models import NEWEST, Document

COLUMN = "search_document"


def _column_field():
    field = SearchVectorField()
    field.set_attributes_from_name(COLUMN)
    return field


class StoredDocument(Expression):
    """The `search_document` column that only exists on PostgreSQL: not a model field, so
    Django never writes it."""

    field = _column_field()
    output_field = field

    def resolve_expression(self, query=None, *args, **kwargs):
        return Col(query.get_initial_alias(), self.field)


def matching(queryset, query):
    """The documents of `queryset` with every word of `query`, best first (then newest)."""
    words = query_words(query)
    if not words:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        terms = " & ".join(f"'{word}'" for word in words)
        tsquery = SearchQuery(terms, search_type="raw", config="simple")
        found = queryset.filter(SearchVectorExact(StoredDocument(), tsquery))
    else:
        every_word = Q()
        for word in words:
            every_word &= (
                Q(search_number__contains=word)
                | Q(search_text__contains=word)
                | Q(search_files__contains=word)
            )
        found = queryset.filter(every_word)
    if not any(re.search(r"\d", word) for word in words):
        return found.newest_first()
    number = " ".join(words)
    rank = Case(
        When(search_number=number, then=Value(0)),
        When(search_number__startswith=number, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return found.annotate(number_rank=rank).order_by("number_rank", *NEWEST)


def search_documents(site, query, limit):
    """The portal-wide search (portal/searchables.py)."""
    documents = Document.objects.for_site(site).published().listed()
    found = matching(documents, query)[:limit]
    return [
        SearchResult(
            title=document.title(),
            url=document.get_absolute_url(),
            text=document.abstract,
            kind=gettext("Document"),
            date=document.updated_at,
        )
        for document in found
    ]


def depends_on(site):
    return [version_key(site.pk)]
