"""Demo polls: one open (the ward's administrative procedures) with votes, one in the archive."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import Choice, Poll, Vote

OPEN = (
    "Bạn đánh giá thế nào về thủ tục hành chính tại phường?",
    ["Rất hài lòng", "Hài lòng", "Bình thường", "Chưa hài lòng"],
    [46, 71, 18, 9],
)
CLOSED = (
    "Bạn thường theo dõi thông tin của phường qua kênh nào?",
    ["Cổng thông tin điện tử", "Trang Zalo của phường", "Loa phát thanh", "Họp tổ dân phố"],
    [38, 52, 21, 14],
)


def make_poll(site, question, texts, counts, **fields):
    """The poll with its choices and demo votes (keyed hashes of made-up readers)."""
    poll = Poll.objects.create(site=site, question=question, **fields)
    choices = [
        Choice.objects.create(poll=poll, text=text, position=10 * (n + 1))
        for n, text in enumerate(texts)
    ]
    at = poll.opens_at + timedelta(hours=1)
    for choice, count in zip(choices, counts, strict=True):
        for n in range(count):
            vote = Vote.objects.create(
                poll=poll, voter=f"demo-{choice.pk}-{n}", address=f"demo-{n % 7}", created_at=at
            )
            vote.choices.add(choice)
        Choice.objects.filter(pk=choice.pk).update(vote_count=count)
    Poll.objects.filter(pk=poll.pk).update(vote_count=sum(counts))
    return poll


@transaction.atomic
def seed(site, second_ward=False):
    """The demo polls the site does not have yet (by question); returns how many were added."""
    known = set(Poll.objects.for_site(site).values_list("question", flat=True))
    now = timezone.now()
    added = 0
    if OPEN[0] not in known:
        make_poll(
            site, *OPEN, opens_at=now - timedelta(days=10), closes_at=now + timedelta(days=50)
        )
        added += 1
    if CLOSED[0] not in known:
        make_poll(
            site,
            *CLOSED,
            opens_at=now - timedelta(days=120),
            closes_at=now - timedelta(days=60),
            results=Poll.Results.WHEN_CLOSED,
            position=10,
        )
        added += 1
    return added
