"""What an import run tells its operator: a progress line per table, then a summary."""

import time
from collections import defaultdict
from dataclasses import dataclass, field

LISTED = 20  # rows listed under one reason; the rest are counted


@dataclass
class TableReport:
    name: str
    imported: int = 0
    existing: int = 0
    skipped: list = field(default_factory=list)  # (old id, reason)
    failed: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def line(self):
        parts = [f"{self.imported} imported", f"{self.existing} already imported"]
        parts += [f"{len(self.skipped)} skipped", f"{len(self.failed)} failed"]
        if self.warnings:
            parts.append(f"{len(self.warnings)} warnings")
        return f"{self.name}: " + ", ".join(parts)


class Report:
    def __init__(self):
        self.tables = {}

    def __getitem__(self, name):
        if name not in self.tables:
            self.tables[name] = TableReport(name)
        return self.tables[name]

    @property
    def failures(self):
        return sum(len(table.failed) for table in self.tables.values())

    def lines(self):
        yield "Summary"
        for table in self.tables.values():
            yield "  " + table.line()
            for title, rows in (("skipped", table.skipped), ("failed", table.failed)):
                yield from grouped(title, rows)
            yield from grouped("warning", table.warnings)
            for note in table.notes:
                yield f"    note: {note}"


def grouped(title, rows):
    """One line per reason, with the ids of the rows it concerns."""
    by_reason = defaultdict(list)
    for old_id, reason in rows:
        by_reason[reason].append(old_id)
    for reason, ids in by_reason.items():
        shown = ", ".join(f"#{old_id}" for old_id in ids[:LISTED])
        more = f" and {len(ids) - LISTED} more" if len(ids) > LISTED else ""
        yield f"    {title}: {reason} ({shown}{more})"


class Progress:
    """`label: n/total (p%)`, rewritten in place on a terminal, else a line every tenth."""

    def __init__(self, stream, label, total, interactive):
        self.stream, self.label, self.total = stream, label, total
        self.interactive = interactive
        self.done = 0
        self.shown_at = 0.0
        self.shown_tenth = -1

    def text(self):
        percent = 100 * self.done // self.total if self.total else 100
        return f"{self.label}: {self.done}/{self.total} ({percent}%)"

    def step(self):
        self.done += 1
        if self.interactive:
            now = time.monotonic()
            if now - self.shown_at >= 0.1 or self.done == self.total:
                self.shown_at = now
                self.stream.write("\r" + self.text(), ending="")
                self.stream.flush()
        else:
            tenth = 10 * self.done // self.total if self.total else 10
            if tenth > self.shown_tenth and (tenth < 10 or self.done == self.total):
                self.shown_tenth = tenth
                self.stream.write(self.text())

    def finish(self):
        if self.interactive:
            self.stream.write("\r" + self.text())
        elif self.shown_tenth < 10:
            self.stream.write(self.text())
