"""Applying counts to database rows: one UPDATE per row, batches recorded once."""

import json
import logging
import time
from datetime import timedelta

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

logger = logging.getLogger(__name__)

APPLIED_BATCH_DAYS = 7


def counter_key(model, key, field):
    model._meta.get_field(field)
    if isinstance(key, dict):
        key = json.dumps({name: _plain(value) for name, value in key.items()}, sort_keys=True)
    return f"{model._meta.label_lower}:{field}:{key}"


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def parse_key(key):
    """(model, lookup, field, creates) of a counter key; LookupError etc. if it names nothing."""
    label, field, raw = key.split(":", 2)
    model = apps.get_model(label)
    model_field = model._meta.get_field(field)
    if raw.startswith("{"):
        lookup = {
            name: model._meta.get_field(name).to_python(value)
            for name, value in json.loads(raw).items()
        }
        return model, lookup, model_field.name, True
    return model, {"pk": model._meta.pk.to_python(raw)}, model_field.name, False


def _rows(counts):
    """{(label, raw key): (model, lookup, creates, {field: n})}, dropping unknown counters."""
    rows = {}
    for key, n in counts.items():
        try:
            model, lookup, field, creates = parse_key(key)
        except (LookupError, FieldDoesNotExist, ValidationError, ValueError, TypeError):
            logger.warning("Dropping %s pending increments of unknown counter %s", n, key)
            continue
        label, _field, raw = key.split(":", 2)
        rows.setdefault((label, raw), (model, lookup, creates, {}))[3][field] = n
    return rows


def _write(counts, expression):
    """Update each row in a fixed order, creating rows named by a natural key if missing.

    Each row is locked by its UPDATE (or its INSERT) before the next one, always in the same
    order, so concurrent flushes cannot deadlock.
    """
    updated = 0
    for _key, (model, lookup, creates, fields) in sorted(_rows(counts).items()):
        updates = {field: expression(field, n) for field, n in fields.items()}
        rows = model._base_manager.filter(**lookup)
        done = rows.update(**updates)
        if not done and creates:
            model._base_manager.bulk_create([model(**lookup)], ignore_conflicts=True)
            done = rows.update(**updates)
        updated += done
    return updated


def apply_counts(counts):
    """Add {counter_key: n} to the rows, one UPDATE per row. Counters of a model or field that
    no longer exists, or of a deleted row named by its primary key, are dropped."""
    return _write(counts, lambda field, n: F(field) + n)


def apply_maximums(counts):
    """Raise each field to at least n."""
    return _write(counts, lambda field, n: Greatest(F(field), Value(n)))


class AlreadyApplied(Exception):
    pass


def apply_batch(batch_id, counts):
    """Apply a taken batch once: its id is recorded in the transaction that adds its counts."""
    from portal.models import AppliedBatch

    try:
        with transaction.atomic():
            try:
                AppliedBatch.objects.create(id=batch_id)
            except IntegrityError:
                raise AlreadyApplied from None
            _forget_old_batches(AppliedBatch)
            return apply_counts(counts)
    except AlreadyApplied:
        logger.info("Counter batch %s was already applied", batch_id)
        return 0


_cleaned_at = None


def _forget_old_batches(model):
    """Once an hour per process: a batch left in Redis is retried within seconds, not days."""
    global _cleaned_at
    if _cleaned_at is not None and time.monotonic() - _cleaned_at < 3600:
        return
    _cleaned_at = time.monotonic()
    model.objects.filter(
        applied_at__lt=timezone.now() - timedelta(days=APPLIED_BATCH_DAYS)
    ).delete()
