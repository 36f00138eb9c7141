"""Pages in the portal-wide search (portal/searchables.py): every word of the query, without
diacritics, in the page's folded title or text; title matches first, then by tree order."""

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext

from library.html import plain_text
from portal.searchables import SearchResult
from portal.text import query_words

from .caching import version_key
from .models import Page


def search_pages(site, query, limit):
    words = query_words(query)
    if not words:
        return []
    every_word, in_title = Q(), Q()
    for word in words:
        every_word &= Q(search_title__contains=word) | Q(search_body__contains=word)
        in_title &= Q(search_title__contains=word)
    found = (
        Page.objects.for_site(site)
        .published()
        .filter(every_word)
        .annotate(
            title_match=Case(
                When(in_title, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("title_match", "tree_key")
        .only("title", "slug", "body", "seo_description", "updated_at")[:limit]
    )
    return [
        SearchResult(
            title=page.title,
            url=page.get_absolute_url(),
            text=f"{page.seo_description} {plain_text(page.body)}",
            kind=gettext("Page"),
            date=page.updated_at,
        )
        for page in found
    ]


def depends_on(site):
    return [version_key(site.pk)]
