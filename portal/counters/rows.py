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
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

APPLIED_BATCH_DAYS = 7
# A distinct counter (a day's) gets its members within a day; they are kept a little longer.
MEMBER_DAYS = 3


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
        if not done and creates and _insert(model, lookup):
            done = rows.update(**updates)
        updated += done
    return updated


def _insert(model, lookup):
    """Create the row a natural key names (if another flush has not). A key that cannot name a
    row (one recorded before a migration added a required column) is dropped, logged, instead
    of failing every flush after it."""
    try:
        with transaction.atomic():
            model._base_manager.bulk_create([model(**lookup)], ignore_conflicts=True)
    except IntegrityError:
        logger.warning("Dropping the counts of %s %s: no such row can be created", model, lookup)
        return False
    return True


def apply_counts(counts):
    """Add {counter_key: n} to the rows, one UPDATE per row. Counters of a model or field that
    no longer exists, of a deleted row named by its primary key, or of a row that cannot be
    created, are dropped."""
    return _write(counts, lambda field, n: F(field) + n)


def apply_members(members):
    """Add {counter_key: members} to each counter's stored members and write their number.

    One transaction per counter, which locks the counter's row first, so two flushes of the same
    counter count one after the other. The number never goes down (members older than
    MEMBER_DAYS are forgotten).
    """
    from portal.models import CounterMember

    updated = 0
    for key, taken in sorted(members.items()):
        try:
            model, lookup, field, creates = parse_key(key)
        except (LookupError, FieldDoesNotExist, ValidationError, ValueError, TypeError):
            logger.warning("Dropping %s members of unknown counter %s", len(taken), key)
            continue
        rows = model._base_manager.filter(**lookup)
        with transaction.atomic():
            if not _lock(rows) and not (creates and _create(model, lookup, rows)):
                continue
            CounterMember.objects.bulk_create(
                [CounterMember(counter=key, member=_hashed(key, m)) for m in taken],
                ignore_conflicts=True,
            )
            size = CounterMember.objects.filter(counter=key).count()
            updated += rows.update(**{field: Greatest(F(field), Value(size))})
    _forget_old(CounterMember, "added_at", MEMBER_DAYS)
    return updated


def _lock(rows):
    return bool(list(rows.select_for_update().values_list("pk", flat=True)))


def _create(model, lookup, rows):
    return _insert(model, lookup) and _lock(rows)


def _hashed(key, member):
    digest = salted_hmac("portal.counters.member", f"{key}\n{member}", algorithm="sha256")
    return digest.hexdigest()[:32]


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
            _forget_old(AppliedBatch, "applied_at", APPLIED_BATCH_DAYS)
            return apply_counts(counts)
    except AlreadyApplied:
        logger.info("Counter batch %s was already applied", batch_id)
        return 0


_cleaned_at = {}


def _forget_old(model, field, days):
    """Once an hour per process and model: a batch left in Redis is retried within seconds, a
    day's members are complete within minutes, neither needs days."""
    now = time.monotonic()
    if now - _cleaned_at.get(model, float("-inf")) < 3600:
        return
    _cleaned_at[model] = now
    model.objects.filter(**{f"{field}__lt": timezone.now() - timedelta(days=days)}).delete()
