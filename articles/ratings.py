"""Star ratings: who the voter is, the vote view, and what the rating block shows."""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.visitors import address_hash, keyed_hash, visitor_keys

from .caching import touch_article
from .models import Article, Vote
from .services import VoteRefused, cast_vote

REFUSALS = {
    "invalid": (400, lambda: _("Invalid rating")),
    "closed": (403, lambda: _("Rating is closed for this article.")),
    "not_found": (404, lambda: _("This article does not exist or is not published.")),
    "already_voted": (409, lambda: _("You have already rated this article")),
    "address_limit": (
        429,
        lambda: _(
            "Too many ratings of this article came from your network today. "
            "Please try again tomorrow."
        ),
    ),
}


def voter_hashes(request):
    """The reader's voter keys (signed visitor cookie, else address + browser + day), hashed."""
    return [keyed_hash("rating-voter", key) for key in visitor_keys(request)]


def readers_score(request, article):
    """The score this reader gave the article, or None."""
    vote = Vote.objects.filter(article=article, voter__in=voter_hashes(request)).first()
    return vote.score if vote else None


def seconds_to_midnight():
    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, math.ceil((midnight - now).total_seconds()))


def parse_score(value):
    if value is None or not value.isascii() or not value.isdigit():
        raise VoteRefused("invalid")
    score = int(value)
    if score not in Vote.Score.values:
        raise VoteRefused("invalid")
    return score


# The rating block shows its messages itself, where the reader is: see rating.html.
HERE = "rating"
NOTICE = "#danh-gia-thong-bao"


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def rating_lines(article):
    """The rendered total and average lines, as the page shows them."""
    return render_to_string("articles/includes/rating_lines.html", {"article": article})


@require_POST
def rate(request, slug):
    """Count a vote: JSON for the page's script, a redirect with a message without script."""
    articles = Article.objects.for_site(request.site).only("pk", "site_id", "slug")
    article = get_object_or_404(articles, slug=slug)
    try:
        totals = cast_vote(
            article.pk,
            parse_score(request.POST.get("score")),
            voter_hashes(request),
            address_hash(request, "rating-address"),
            settings.PORTAL_RATING_VOTES_PER_ADDRESS,
        )
    except VoteRefused as refusal:
        return refused(request, article, refusal.code)
    touch_article(article.site_id, article.slug)
    article.rating_sum, article.rating_count = totals["rating_sum"], totals["rating_count"]
    message = _("Thank you for rating this article.")
    if wants_json(request):
        return JsonResponse({"message": message, "lines": rating_lines(article), **totals})
    messages.success(request, message, extra_tags=HERE)
    return redirect(article.get_absolute_url() + NOTICE)


@never_cache
@require_GET
def my_score(request, slug):
    """The score this reader gave, for the rating script of a page served from the cache."""
    articles = Article.objects.for_site(request.site).published().only("pk")
    article = get_object_or_404(articles, slug=slug)
    return JsonResponse({"score": readers_score(request, article)})


def refused(request, article, code):
    status, message = REFUSALS[code]
    if wants_json(request):
        response = JsonResponse({"error": code, "message": message()}, status=status)
        if status == 429:  # the cap is per local day
            response["Retry-After"] = str(seconds_to_midnight())
        return response
    if code == "not_found":
        raise Http404(message())
    messages.error(request, message(), extra_tags=HERE)
    return redirect(article.get_absolute_url() + NOTICE)
