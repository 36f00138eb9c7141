"""What the results show: each choice's count and a whole percentage, from the exact counts."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    choice: object
    count: int
    percent: int
    chosen: bool = False


def shares(counts, total):
    """Whole percentages of `total` that add up to exactly 100 (largest remainders get the
    points that rounding down left over); all 0 when nobody voted."""
    if total <= 0:
        return [0] * len(counts)
    exact = [count * 100 / total for count in counts]
    floors = [int(value) for value in exact]
    left = 100 - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda n: (floors[n] - exact[n], n))
    for n in by_remainder[:left]:
        floors[n] += 1
    return floors


def tally(poll, choices, chosen=()):
    """[Row] of the poll's choices. One answer each: shares of the votes, adding up to 100.
    Several answers: each choice's share of the voters, rounded (they add up to more)."""
    counts = [choice.vote_count for choice in choices]
    if poll.several_answers:
        total = poll.vote_count
        percents = [round(count * 100 / total) if total else 0 for count in counts]
    else:
        percents = shares(counts, sum(counts))
    return [
        Row(choice, count, percent, choice.pk in chosen)
        for choice, count, percent in zip(choices, counts, percents, strict=True)
    ]
