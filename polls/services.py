"""Counting a vote: the poll's row is locked, so votes on one poll are counted one after another
and the counts stay exact; the unique (poll, voter) constraint stops a double vote that slips
past the check."""

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone

from .caching import touch_results
from .models import Choice, Poll, Vote


class VoteRefused(Exception):
    """A vote that is not counted; `code` says why (polls/views.py has the messages)."""

    def __init__(self, code, limit=None):
        super().__init__(code)
        self.code = code
        self.limit = limit


def start_of_local_day():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def check_answers(poll, choice_ids):
    """The poll's choices named by `choice_ids` (already parsed to distinct integers)."""
    if not choice_ids:
        raise VoteRefused("no_choice")
    limit = poll.answer_limit
    if limit is not None and len(choice_ids) > limit:
        raise VoteRefused("too_many", limit)
    choices = list(Choice.objects.filter(poll=poll, pk__in=choice_ids).values_list("pk", flat=True))
    if len(choices) != len(choice_ids):
        raise VoteRefused("invalid")
    return choices


def check_open(poll, at):
    status = poll.status(at)
    if status == Poll.Status.UPCOMING:
        raise VoteRefused("not_open")
    if status == Poll.Status.CLOSED:
        raise VoteRefused("closed")


@transaction.atomic
def cast_vote(poll_id, choice_ids, voters, address, per_address_limit):
    """Count one vote for the choices `choice_ids` of a published poll; returns the poll.

    `voters` are the reader's hashed voter keys (the first is stored); `address` is the hashed
    client address, from which at most `per_address_limit` votes per poll per day count.
    """
    poll = Poll.objects.select_for_update().published().filter(pk=poll_id).first()
    if poll is None:
        raise VoteRefused("not_found")
    check_open(poll, timezone.now())
    choices = check_answers(poll, choice_ids)
    votes = Vote.objects.filter(poll=poll)
    if votes.filter(voter__in=voters).exists():
        raise VoteRefused("already_voted")
    today = votes.filter(address=address, created_at__gte=start_of_local_day())
    if today.count() >= per_address_limit:
        raise VoteRefused("address_limit")
    try:
        with transaction.atomic():
            vote = Vote.objects.create(poll=poll, voter=voters[0], address=address)
    except IntegrityError:
        raise VoteRefused("already_voted") from None
    vote.choices.add(*choices)
    Choice.objects.filter(pk__in=choices).update(vote_count=F("vote_count") + 1)
    Poll.objects.filter(pk=poll.pk).update(vote_count=F("vote_count") + 1)
    touch_results(poll.site_id, poll.slug)
    poll.vote_count += 1
    return poll


@transaction.atomic
def recount(poll):
    """Make the poll's counts those of its votes again (after votes were deleted); returns
    whether they had drifted. The poll is locked, as cast_vote locks it."""
    Poll.objects.select_for_update().filter(pk=poll.pk).first()
    counted = Count("votes")
    actual = dict(Choice.objects.filter(poll=poll).annotate(n=counted).values_list("pk", "n"))
    stored = dict(Choice.objects.filter(poll=poll).values_list("pk", "vote_count"))
    total = Vote.objects.filter(poll=poll).count()
    drifted = actual != stored or Poll.objects.get(pk=poll.pk).vote_count != total
    for pk, number in actual.items():
        Choice.objects.filter(pk=pk).update(vote_count=number)
    Poll.objects.filter(pk=poll.pk).update(vote_count=total)
    touch_results(poll.site_id, poll.slug)
    return drifted
