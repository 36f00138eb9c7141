"""Pending counts in this process's memory (without Redis)."""

import logging
import threading
import uuid
from collections import Counter, defaultdict

from .buffer import Buffer

logger = logging.getLogger(__name__)


class MemoryBuffer(Buffer):
    """This process's increments, under a lock."""

    def __init__(self, flush_seconds):
        super().__init__(flush_seconds)
        self._lock = threading.Lock()
        self._counts = Counter()
        self._batches = {}
        self._marks = {}
        self._distinct = defaultdict(set)  # members not yet in the database, per counter
        self._presence = defaultdict(dict)
        self._swept = 0.0
        self._longest_gap = 0

    def _record_many(self, records):
        with self._lock:
            return [self._record(record) for record in records]

    def _record(self, record):
        """Under the lock."""
        now, gap = record["now"], record["gap"]
        marks = record["marks"]
        seen = {mark for mark in marks if now - self._marks.get(mark, float("-inf")) < gap}
        new = not seen
        self._marks.update((mark, now) for mark in marks if not (record["fixed"] and mark in seen))
        self._longest_gap = max(self._longest_gap, gap)
        self._counts.update(record["counts"])
        distinct = list(record["distinct"].items())
        if new:
            self._counts.update(record["counts_if_new"])
            self._marks.update((mark, now) for mark in record["marks_if_new"])
            distinct += record["distinct_if_new"].items()
        for key, member in distinct:
            self._distinct[key].add(member)
        if record["presence"] is not None:
            self._seen(*record["presence"], now)
        if now - self._swept >= 60:
            self._sweep(now)
        return new

    def _seen(self, group, member, groups, former, now):
        for other in groups:
            self._presence[other].pop(member, None)
            for name in former:
                self._presence[other].pop(name, None)
        self._presence[group][member] = now

    def _sweep(self, now):
        """Drop marks and presence too old to matter (amortized: once a minute)."""
        self._swept = now
        gap = self._longest_gap
        self._marks = {mark: seen for mark, seen in self._marks.items() if now - seen < gap}
        for members in self._presence.values():
            for member in [m for m, seen in members.items() if now - seen > 3600]:
                del members[member]

    def _get(self, key):
        with self._lock:
            return self._counts.get(key, 0) + sum(b.get(key, 0) for b in self._batches.values())

    def _present(self, groups, since):
        with self._lock:
            return {
                group: sum(seen >= since for seen in self._presence[group].values())
                for group in groups
            }

    def _take(self):
        with self._lock:
            if self._counts:
                self._batches[uuid.uuid4().hex] = self._counts
                self._counts = Counter()

    def _batch_ids(self):
        with self._lock:
            return list(self._batches)

    def _batch(self, batch_id):
        with self._lock:
            return dict(self._batches.get(batch_id, {}))

    def _forget(self, batch_id):
        with self._lock:
            self._batches.pop(batch_id, None)

    def _take_distinct(self):
        """{counter_key: members} recorded since the last flush."""
        with self._lock:
            members, self._distinct = self._distinct, defaultdict(set)
        return dict(members)

    def _put_back_distinct(self, members):
        with self._lock:
            for key, taken in members.items():
                self._distinct[key] |= taken

    def _forget_distinct(self, members):
        pass
