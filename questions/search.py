"""Published questions in the portal-wide search (portal/searchables.py)."""

from django.utils.translation import gettext

from library.html import plain_text
from portal.searchables import SearchResult
from portal.text import query_words

from .caching import version_key
from .models import Question
from .views import matching


def search_questions(site, query, limit):
    if not query_words(query):
        return []
    found = matching(Question.objects.for_site(site).published(), query).newest_first()
    return [
        SearchResult(
            title=question.title,
            url=question.get_absolute_url(),
            text=f"{question.question} {plain_text(question.answer)}",
            kind=gettext("Questions and answers"),
            date=question.published_at,
        )
        for question in found.only("title", "slug", "question", "answer", "published_at")[:limit]
    ]


def depends_on(site):
    return [version_key(site.pk)]
