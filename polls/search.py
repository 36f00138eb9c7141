"""Polls in the portal-wide search (portal/searchables.py): every word of the query, without
diacritics, in the question or a choice. A site has few polls: they are folded here, in one
query, rather than kept folded in the table."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext

from portal.searchables import SearchResult
from portal.text import fold, query_words

from .caching import version_key
from .models import Choice, Poll

MOST_POLLS = 500


def search_polls(site, query, limit):
    words = query_words(query)
    if not words:
        return []
    polls = (
        Poll.objects.for_site(site)
        .published()
        .filter(opens_at__lte=timezone.now())
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.only("poll_id", "text")))
        .order_by("-opens_at", "-pk")
        .only("question", "slug", "opens_at")[:MOST_POLLS]
    )
    found = []
    for poll in polls:
        text = " ".join(choice.text for choice in poll.choices.all())
        folded = fold(f"{poll.question} {text}")
        if all(word in folded for word in words):
            found.append(
                SearchResult(
                    title=poll.question,
                    url=poll.get_absolute_url(),
                    text=text,
                    kind=gettext("Poll"),
                    date=poll.opens_at,
                )
            )
            if len(found) == limit:
                break
    return found


def depends_on(site):
    return [version_key(site.pk)]
