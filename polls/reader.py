"""Who the reader is for polls, and what they chose."""

from portal.visitors import keyed_hash, visitor_keys

from .models import Vote


def voter_hashes(request):
    """The reader's voter keys (signed visitor cookie, else address + browser + day), hashed."""
    return [keyed_hash("poll-voter", key) for key in visitor_keys(request)]


def readers_choices(request, poll):
    """The ids of the choices this reader voted for, or None when the reader has not voted."""
    votes = Vote.objects.filter(poll=poll, voter__in=voter_hashes(request))
    rows = list(votes.values_list("choices", flat=True))  # one query; [None]: no choices left
    if not rows:
        return None
    return {choice for choice in rows if choice is not None}
