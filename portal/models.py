"""The portal app's models: what the buffered counters (portal/counters/) keep in the database."""

from django.db import models
from django.utils import timezone


class AppliedBatch(models.Model):
    """A batch of buffered increments whose counts were written, in the same transaction.

    A flush that meets its batch here (it crashed after committing, or another worker applied
    it first) drops the batch instead of adding its counts a second time.
    """

    id = models.CharField(primary_key=True, max_length=32)
    applied_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return self.id


class CounterMember(models.Model):
    """One member of a distinct count (a day's unique visitors), as a keyed hash of the counter
    and the member: never the member itself, and not the same hash under another day's counter.

    The count written into the counter's row is the number of its members here, so it is exact,
    and writing it again after a retried flush, or after Redis lost what it held, changes nothing.
    """

    counter = models.CharField(max_length=255)
    member = models.CharField(max_length=32)
    added_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["counter", "member"], name="counter_member_unique")
        ]

    def __str__(self):
        return f"{self.counter} {self.member}"
