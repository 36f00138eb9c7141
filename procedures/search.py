"""Procedures in the portal-wide search (portal/searchables.py): every word of the query,
without diacritics, in the procedure's name or code."""

from django.utils.translation import gettext

from library.html import plain_text
from portal.searchables import SearchResult
from portal.text import query_words

from .caching import version_key
from .models import Procedure


def search_procedures(site, query, limit):
    if not query_words(query):
        return []
    found = (
        Procedure.objects.for_site(site)
        .published()
        .matching(query)
        .in_order()
        .only("name", "code", "slug", "steps", "updated_at")
    )
    return [
        SearchResult(
            title=procedure.name,
            url=procedure.get_absolute_url(),
            text=f"{procedure.code} {plain_text(procedure.steps)}".strip(),
            kind=gettext("Administrative procedure"),
            date=procedure.updated_at,
        )
        for procedure in found[:limit]
    ]


def depends_on(site):
    return [version_key(site.pk)]
