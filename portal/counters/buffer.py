"""What every buffer does: recording, flushing in the background, batches."""

import logging
import threading
import time

from django.conf import settings
from django.db import connections

from .rows import apply_batch, apply_members, counter_key

logger = logging.getLogger(__name__)


class Buffer:
    """Pending increments; subclasses say where they are kept."""

    def __init__(self, flush_seconds):
        self.flush_seconds = flush_seconds
        self._oldest = None  # monotonic time of this process's oldest unflushed increment
        self._flushing = threading.Lock()
        self._thread = None
        self._timer = None
        self._claims = set()  # batches a thread of this process is applying
        self._claims_lock = threading.Lock()
        self.database = settings.DATABASES["default"]["NAME"]

    def increment(self, model, key, field, by=1):
        if isinstance(by, bool) or not isinstance(by, int) or by < 1:
            raise ValueError("A counter grows by a positive whole number.")
        self.record(counts={counter_key(model, key, field): by})

    def record(self, **kwargs):
        """Record one request's counts; return whether it is new (no mark seen within gap).

        counts, counts_if_new: {counter_key: n}; marks: strings; gap: seconds; fixed: a mark
        seen within gap keeps its time (a window from the first sighting) instead of sliding;
        marks_if_new: marks set (not checked) only when the record is new; distinct,
        distinct_if_new: {counter_key: member}; presence: (group, member, groups[, former]) -
        the member is seen now in `group` and in no other, and the former members (names it
        had) are seen nowhere.
        """
        return self.record_many([kwargs])[0]

    def record_many(self, records):
        """Record several `record()`s at once (in one Redis round trip); their results."""
        records = [_normalized(**record) for record in records]
        results = self._record_many(records)
        if any(
            r["counts"]
            or (new and r["counts_if_new"])
            or r["distinct"]
            or (new and r["distinct_if_new"])
            for r, new in zip(records, results, strict=True)
        ):
            self._pending_since()
        return results

    def pending(self, model, key, field):
        return self._get(counter_key(model, key, field))

    def present(self, groups, since):
        """{group: members seen at or after `since`} (a time.time() value)."""
        return self._present(list(groups), since)

    def flush(self):
        """Apply every pending increment; return the number of rows updated."""
        self._oldest = None
        self._take()
        rows = 0
        for batch_id in self._batch_ids():
            rows += self._apply_claimed(batch_id)
        members = self._take_distinct()
        if members:
            try:
                rows += apply_members(members)
            except Exception:
                self._put_back_distinct(members)
                raise
            self._forget_distinct(members)
        return rows

    def wait(self):
        """Wait for this process's background flush, if one is running."""
        thread = self._thread
        if thread is not None:
            thread.join()

    def _apply_claimed(self, batch_id):
        with self._claims_lock:
            if batch_id in self._claims:
                return 0
            self._claims.add(batch_id)
        try:
            counts = self._batch(batch_id)
            rows = apply_batch(batch_id, counts) if counts else 0
            self._forget(batch_id)
            return rows
        finally:
            with self._claims_lock:
                self._claims.discard(batch_id)

    def _pending_since(self):
        now = time.monotonic()
        if self._oldest is None:
            self._oldest = now
            self._start_timer()
        elif now - self._oldest >= self.flush_seconds:
            self._flush_in_background()

    def _start_timer(self):
        """While there is something to flush, check every flush_seconds (a quiet site too)."""
        if self._timer is not None and self._timer.is_alive():
            return
        self._timer = threading.Timer(max(self.flush_seconds, 1), self._on_timer)
        self._timer.daemon = True
        self._timer.start()

    def _on_timer(self):
        self._timer = None
        oldest = self._oldest
        if oldest is None:
            return
        if time.monotonic() - oldest >= self.flush_seconds:
            self._flush_in_background()
        else:
            self._start_timer()

    def _flush_in_background(self):
        if not self._flushing.acquire(blocking=False):
            return
        self._oldest = None
        self._thread = threading.Thread(target=self._background_flush, name="counters-flush")
        self._thread.daemon = True
        self._thread.start()

    def _background_flush(self):
        try:
            self.flush()
        except Exception:
            logger.exception("Flushing counters failed; the increments stay pending")
        finally:
            connections.close_all()
            self._flushing.release()


def _normalized(
    counts=None,
    marks=(),
    gap=0,
    fixed=False,
    counts_if_new=None,
    marks_if_new=(),
    distinct=None,
    distinct_if_new=None,
    presence=None,
    now=None,
):
    return {
        "counts": dict(counts or {}),
        "marks": [str(mark) for mark in marks],
        "gap": gap,
        "fixed": fixed,
        "counts_if_new": dict(counts_if_new or {}),
        "marks_if_new": [str(mark) for mark in marks_if_new],
        "distinct": dict(distinct or {}),
        "distinct_if_new": dict(distinct_if_new or {}),
        "presence": None if presence is None else _presence(*presence),
        "now": time.time() if now is None else now,
    }


def _presence(group, member, groups, former=()):
    return group, member, tuple(groups), tuple(former)
