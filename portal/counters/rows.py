"""Applying counts to database rows: a few statements per model, batches recorded once."""

import json
import logging
import time
from datetime import timedelta

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

APPLIED_BATCH_DAYS = 7
# A distinct counter (a day's) gets its members within a day; they are kept a little longer.
MEMBER_DAYS = 3
ROWS_PER_STATEMENT = 400
UPDATE_FROM_VALUES = (
    "UPDATE {table} AS t SET {assignments} "
    "FROM (WITH v(k, {names}) AS (VALUES {values}) SELECT * FROM v) AS v WHERE t.{key} = v.k"
)


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


def _write(counts, combine):
    """Add the counts: per model, one SELECT ... FOR UPDATE of its rows (in primary key order,
    creating rows named by a natural key if missing) and one UPDATE of them all.

    Every flush locks the rows of a model in the same order, and the models in the same order,
    so concurrent flushes cannot deadlock. A flush touches as many statements as models, not as
    rows: with two hundred sites it writes each site's visit rows in one statement.
    """
    updated = 0
    for (_label, model, creates), rows in _by_model(_rows(counts).values()):
        pks = _locked_rows(model, creates, [lookup for lookup, _fields in rows])
        amounts = {}
        for lookup, fields in rows:
            if (pk := pks.get(_lookup_values(lookup))) is not None:
                for field, n in fields.items():
                    amounts.setdefault(field, {})[pk] = n
        updated += _update(model, amounts, combine)
    return updated


def _by_model(rows):
    """[((label, model, creates), [(lookup, {field: n}), ...]), ...] in a fixed order, lookups
    of one shape together (a primary key, a natural key), at most
    ROWS_PER_STATEMENT rows a group (SQLite takes at most 32,766 parameters a statement)."""
    groups = {}
    for model, lookup, creates, fields in rows:
        group = (model._meta.label_lower, tuple(sorted(lookup)), creates)
        groups.setdefault(group, (model, []))[1].append((lookup, fields))
    return [
        ((label, model, creates), rows[start : start + ROWS_PER_STATEMENT])
        for (label, _names, creates), (model, rows) in sorted(groups.items())
        for start in range(0, len(rows), ROWS_PER_STATEMENT)
    ]


def _lookup_values(lookup):
    return tuple(sorted(lookup.items()))


def _locked_rows(model, creates, lookups):
    """{lookup values: primary key} of the rows named, locked; missing ones created first when
    they are named by a natural key (a row deleted meanwhile, named by its key, is left out)."""
    found = _select_for_update(model, lookups)
    missing = [lookup for lookup in lookups if _lookup_values(lookup) not in found]
    if creates and missing:
        _insert_all(model, missing)
        found.update(_select_for_update(model, missing))
    return found


def _select_for_update(model, lookups):
    """Each field named in `lookups` filtered by the values it takes (cheap to build, unlike an
    OR of every lookup); the rows that are not wanted (the other combinations) are left out
    here, though locked too."""
    names = sorted({name for lookup in lookups for name in lookup})
    wanted = {_lookup_values(lookup) for lookup in lookups}
    filters = {f"{name}__in": {lookup[name] for lookup in lookups} for name in names}
    rows = model._base_manager.filter(**filters).select_for_update().order_by("pk")
    found = {}
    for values in rows.values_list("pk", *names):
        if (key := tuple(zip(names, values[1:], strict=True))) in wanted:
            found[key] = values[0]
    return found


def _insert_all(model, lookups):
    """Create the rows that natural keys name (if another flush has not), in one INSERT; when
    that fails (a key recorded before a migration added a required column), one by one, so
    that only the rows that cannot exist are dropped."""
    try:
        with transaction.atomic():
            model._base_manager.bulk_create(
                [model(**lookup) for lookup in lookups], ignore_conflicts=True
            )
    except IntegrityError:
        for lookup in lookups:
            _insert(model, lookup)


def _update(model, amounts, combine):
    """One UPDATE setting each field of each row to `combine(column, its amount)`, the
    amounts joined as a table of (primary key, amount per field); an amount a row lacks is 0,
    which neither adding nor GREATEST changes. Written in SQL: Django's CASE WHEN per row
    costs milliseconds of Python per hundred rows."""
    if not amounts:
        return 0
    fields = sorted(amounts)
    pks = sorted({pk for by_pk in amounts.values() for pk in by_pk})
    quote = connection.ops.quote_name
    columns = [quote(model._meta.get_field(field).column) for field in fields]
    names = ", ".join(f"c{n}" for n in range(len(fields)))
    row = "(" + ", ".join(["%s"] * (len(fields) + 1)) + ")"
    assignments = ", ".join(
        f"{column} = {combine(f't.{column}', f'v.c{n}')}" for n, column in enumerate(columns)
    )
    # Identifiers come from the models, quoted; every value is a parameter.
    sql = UPDATE_FROM_VALUES.format(
        names=names,
        values=", ".join([row] * len(pks)),
        table=quote(model._meta.db_table),
        assignments=assignments,
        key=quote(model._meta.pk.column),
    )
    params = [value for pk in pks for value in (pk, *(amounts[f].get(pk, 0) for f in fields))]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def _add(column, amount):
    return f"{column} + {amount}"


def _at_least(column, amount):
    largest = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    return f"{largest}({column}, {amount})"


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
    """Add {counter_key: n} to the rows. Counters of a model or field that no longer exists, of
    a deleted row named by its primary key, or of a row that cannot be created, are dropped."""
    return _write(counts, _add)


def apply_members(members):
    """Add {counter_key: members} to each counter's stored members and write their number.

    One transaction, which locks the counters' rows first, so two flushes of the same counter
    count one after the other. The number never goes down (members older than MEMBER_DAYS are
    forgotten). Statements per flush: a few per model, not per counter.
    """
    from portal.models import CounterMember

    parsed = _parsed_members(members)
    updated = 0
    with transaction.atomic():
        for (_label, model, creates), rows in _by_model(parsed.values()):
            pks = _locked_rows(model, creates, [lookup for lookup, _fields in rows])
            kept = {}
            for lookup, fields in rows:
                if (pk := pks.get(_lookup_values(lookup))) is not None:
                    kept.update({key: (field, pk) for field, key in fields.items()})
            CounterMember.objects.bulk_create(
                [
                    CounterMember(counter=key, member=_hashed(key, m))
                    for key in kept
                    for m in members[key]
                ],
                ignore_conflicts=True,
            )
            sizes = dict(
                CounterMember.objects.filter(counter__in=list(kept))
                .values_list("counter")
                .annotate(size=Count("pk"))
                .order_by()
            )
            amounts = {}
            for key, (field, pk) in kept.items():
                amounts.setdefault(field, {})[pk] = sizes.get(key, 0)
            updated += _update(model, amounts, _at_least)
    _forget_old(CounterMember, "added_at", MEMBER_DAYS)
    return updated


def _parsed_members(members):
    """{key: (model, lookup, creates, {field: key})}, dropping unknown counters."""
    parsed = {}
    for key, taken in sorted(members.items()):
        try:
            model, lookup, field, creates = parse_key(key)
        except (LookupError, FieldDoesNotExist, ValidationError, ValueError, TypeError):
            logger.warning("Dropping %s members of unknown counter %s", len(taken), key)
            continue
        parsed[key] = (model, lookup, creates, {field: key})
    return parsed


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
