"""The one model of the portal app: which counter batches are already in the database."""

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
