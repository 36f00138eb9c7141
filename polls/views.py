"""The public pages of polls: the list with the archive, a poll's page, the vote, and this
reader's state for the script of a page served from the cache."""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.pagecache import is_cacheable_request, keep_until
from portal.visitors import address_hash

from .caching import next_change
from .models import Poll
from .reader import readers_choices, voter_hashes
from .services import VoteRefused, cast_vote
from .tally import tally

ARCHIVE_PAGE_SIZE = 20
HERE = "poll"  # the poll page shows its messages itself, next to the form
NOTICE = "#tham-do-thong-bao"
MAX_FIELDS = 50

REFUSALS = {
    "no_choice": (400, lambda limit: _("Please choose an answer.")),
    "invalid": (400, lambda limit: _("This answer is not one of the poll's choices.")),
    "too_many": (
        400,
        lambda limit: (
            ngettext(
                "You may choose at most %(limit)d answer.",
                "You may choose at most %(limit)d answers.",
                limit,
            )
            % {"limit": limit}
        ),
    ),
    "not_open": (403, lambda limit: _("This poll has not opened yet.")),
    "closed": (403, lambda limit: _("This poll is closed.")),
    "not_found": (404, lambda limit: _("This poll does not exist or is not published.")),
    "already_voted": (409, lambda limit: _("You have already answered this poll.")),
    "address_limit": (
        429,
        lambda limit: _(
            "Too many answers to this poll came from your network today. Please try again tomorrow."
        ),
    ),
}


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def site_polls(request):
    return Poll.objects.for_site(request.site).published()


def bounded(request):
    """A page about polls is cached no longer than until a poll of the site opens or closes."""
    moment = next_change(request.site.pk)
    if moment is not None:
        keep_until(request, moment)


@require_GET
def index(request):
    now = timezone.now()
    polls = site_polls(request)
    archive = Paginator(polls.closed(now).order_by("-closes_at", "-pk"), ARCHIVE_PAGE_SIZE)
    page = archive.get_page(request.GET.get("page"))
    bounded(request)
    context = {
        "open_polls": list(polls.open(now).in_order()) if page.number == 1 else [],
        "page_obj": page,
        "closed_polls": list(page.object_list),
    }
    return TemplateResponse(request, "polls/index.html", context)


def poll_context(poll, chosen, area, form=True):
    """What the poll partial shows: the form (while open and not answered), the results (when
    this reader may see them)."""
    voted = chosen is not None
    status = poll.status()
    visible = poll.results_visible(voted)
    shows_form = form and status == Poll.Status.OPEN and not voted
    choices = list(poll.choices.all()) if visible or shows_form else []
    return {
        "poll": poll,
        "choices": choices,
        "status": status,
        "voted": voted,
        "rows": tally(poll, choices, chosen or ()) if visible else None,
        "area": area,
    }


@require_GET
def poll_page(request, slug):
    poll = get_object_or_404(site_polls(request), slug=slug)
    # A page that may be cached for everyone leaves this reader's vote to the poll script.
    chosen = None if is_cacheable_request(request) else readers_choices(request, poll)
    bounded(request)
    context = poll_context(poll, chosen, "page")
    return TemplateResponse(request, "polls/poll.html", context)


def parse_choices(request):
    values = request.POST.getlist("choice")[:MAX_FIELDS]
    if any(not value.isascii() or not value.isdigit() or len(value) > 12 for value in values):
        raise VoteRefused("invalid")
    return sorted({int(value) for value in values})


@require_POST
def vote(request, slug):
    """Count a vote: JSON for the poll script, a redirect to the poll's page without script."""
    poll = get_object_or_404(site_polls(request).only("pk", "site_id", "slug"), slug=slug)
    try:
        poll = cast_vote(
            poll.pk,
            parse_choices(request),
            voter_hashes(request),
            address_hash(request, "poll-address"),
            settings.PORTAL_POLL_VOTES_PER_ADDRESS,
        )
    except VoteRefused as refusal:
        return refused(request, poll, refusal)
    message = _("Thank you for answering this poll.")
    if wants_json(request):
        return JsonResponse({"message": message, **state(request, poll)})
    messages.success(request, message, extra_tags=HERE)
    return redirect(poll.get_absolute_url() + NOTICE)


@never_cache
@require_GET
def reader_state(request, slug):
    """Whether this reader has answered, and the results if they may see them."""
    poll = get_object_or_404(site_polls(request), slug=slug)
    return JsonResponse(state(request, poll))


def state(request, poll):
    chosen = readers_choices(request, poll)
    context = poll_context(poll, chosen, "page", form=False)
    results = None
    if context["rows"] is not None:
        context["in_block"] = "block" in (request.GET.get("in"), request.POST.get("in"))
        results = render_to_string("polls/includes/results.html", context, request)
    return {
        "voted": chosen is not None,
        "chosen": sorted(chosen or ()),
        "status": str(context["status"]),
        "results": results,
    }


def refused(request, poll, refusal):
    status, message = REFUSALS[refusal.code]
    text = message(refusal.limit)
    if wants_json(request):
        response = JsonResponse({"error": refusal.code, "message": text}, status=status)
        if status == 429:
            response["Retry-After"] = str(seconds_to_midnight())
        return response
    if refusal.code == "not_found":
        raise Http404(text)
    messages.error(request, text, extra_tags=HERE)
    return redirect(poll.get_absolute_url() + NOTICE)


def seconds_to_midnight():
    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, math.ceil((midnight - now).total_seconds()))
