"""One import run: the tables in order (categories, articles, comments, counters), each row
imported on its own so that a bad one is reported and the others go on."""

import logging
from itertools import islice

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from articles.models import Article
from comments.models import Comment

from . import services
from .mapping import BadRow, article_data, category_data, comment_data, integer, text
from .models import LegacyObject, forget_imported_modules
from .visits import plan_visits

logger = logging.getLogger(__name__)
ARTICLE_BATCH = 100
REQUIRED = ("categories", "rows", "details")


class MissingTables(Exception):
    pass


class Importer:
    def __init__(self, site, source, tables, uploads, report, progress):
        self.site = site
        self.source, self.tables, self.uploads = source, tables, uploads
        self.report, self.progress = report, progress
        self.kinds = LegacyObject.Kind

    def run(self):
        missing = [getattr(self.tables, n) for n in REQUIRED if not self.present(n)]
        if missing:
            raise MissingTables(", ".join(missing))
        try:
            self.import_tables()
        finally:
            forget_imported_modules()  # The old addresses of this module redirect from now on.
        if self.uploads.not_copied:
            self.report["articles"].notes.append(
                f"{self.uploads.not_copied} pictures keep their old links: no --uploads folder"
            )
        return self.report

    def import_tables(self):
        self.import_categories()
        self.import_articles()
        if self.present("comments"):
            self.import_comments()
        if self.present("counter"):
            self.import_visits()

    def present(self, name):
        table = getattr(self.tables, name)
        if self.source.exists(table):
            return True
        if name not in REQUIRED:
            self.report[name].notes.append(f"table {table} not found: nothing imported from it")
        return False

    def done(self, kind):
        records = LegacyObject.objects.for_site(self.site)
        return records.old_ids(self.tables.source_key, kind)

    def attempt(self, table, old_id, action):
        """Run `action` for one row: the row is imported, skipped (BadRow) or failed."""
        report = self.report[table]
        try:
            warnings = action() or []
        except BadRow as reason:
            report.skipped.append((old_id, str(reason)))
            return False
        except Exception as error:  # One broken row must not stop the run.
            logger.exception("Importing %s #%s failed", table, old_id)
            report.failed.append((old_id, f"{type(error).__name__}: {error}"))
            return False
        report.imported += 1
        report.warnings += [(old_id, warning) for warning in warnings]
        return True

    # Categories: parents before children.

    def import_categories(self):
        rows = list(self.source.rows(self.tables.categories, key="catid"))
        progress = self.progress("categories", len(rows))
        imported = self.done(self.kinds.CATEGORY)
        pending = {integer(row.get("catid")): row for row in rows}
        while pending:
            ready = [
                old_id
                for old_id, row in pending.items()
                if integer(row.get("parentid")) in imported or parent_gone(row, pending)
            ]
            if not ready:  # A cycle of parents: the rest become top-level categories.
                ready = list(pending)
            for old_id in ready:
                self.import_category(pending.pop(old_id), imported)
                progress.step()
        progress.finish()

    def import_category(self, row, imported):
        old_id = integer(row.get("catid"))
        if old_id in imported:
            self.report["categories"].existing += 1
            return

        def action():
            data = category_data(row)
            warnings = []
            parent_id = imported.get(data.parent_id) if data.parent_id else None
            if data.parent_id and parent_id is None:
                warnings.append(f"parent category {data.parent_id} not imported: top level")
            imported[old_id] = services.import_category(self.site, data, self.tables, parent_id).pk
            return warnings

        self.attempt("categories", old_id, action)

    # Articles, in batches: their detail and keyword rows are read per batch.

    def import_articles(self):
        table = self.tables.rows
        progress = self.progress("articles", self.source.count(table))
        categories = self.done(self.kinds.CATEGORY)
        imported = self.done(self.kinds.ARTICLE)
        sources = self.source_names()
        for batch in batched(self.source.rows(table, key="id"), ARTICLE_BATCH):
            ids = [integer(row.get("id")) for row in batch]
            details = {integer(r.get("id")): r for r in self.rows_in("details", ids)}
            keywords = {}
            for row in self.rows_in("article_tags", ids):
                keywords.setdefault(integer(row.get("id")), []).append(row)
            for row in batch:
                old_id = integer(row.get("id"))
                if old_id in imported:
                    self.report["articles"].existing += 1
                else:
                    data_of = (row, details.get(old_id), keywords.get(old_id, []), sources)
                    self.import_article(old_id, data_of, categories)
                progress.step()
        progress.finish()

    def import_article(self, old_id, data_of, categories):
        def action():
            data = article_data(*data_of)
            _article, warnings = services.import_article(
                self.site, data, self.tables, categories, self.uploads
            )
            return warnings

        self.attempt("articles", old_id, action)

    def rows_in(self, name, ids):
        table = getattr(self.tables, name)
        return self.source.rows_in(table, "id", ids) if self.source.exists(table) else []

    def source_names(self):
        if not self.source.exists(self.tables.sources):
            return {}
        rows = self.source.rows(self.tables.sources)
        return {integer(row.get("sourceid")): text(row.get("title")) for row in rows}

    # Comments of the news module, in the order they were written: threads before replies.

    def import_comments(self):
        table, where = self.tables.comments, {"module": self.tables.module}
        progress = self.progress("comments", self.source.count(table, where))
        articles = self.done(self.kinds.ARTICLE)
        imported = self.done(self.kinds.COMMENT)
        with translation.override(settings.LANGUAGE_CODE):
            reader = _("Reader")
        for row in self.source.rows(table, key="cid", where=where):
            old_id = integer(row.get("cid"))
            if old_id in imported:
                self.report["comments"].existing += 1
            else:
                self.import_comment(row, reader, articles, imported)
            progress.step()
        progress.finish()
        services.refresh_counts(article_id for article_id in articles.values() if article_id)

    def import_comment(self, row, reader, articles, imported):
        def action():
            data = comment_data(row, reader)
            article_id = articles.get(data.article_id)
            if article_id is None:
                raise BadRow(f"article {data.article_id} was not imported")
            warnings, parent = [], None
            if data.parent_id:
                parents = Comment.objects.for_site(self.site)
                parent = parents.filter(pk=imported.get(data.parent_id)).first()
                if parent is None:
                    warnings.append(f"reply to comment {data.parent_id}, which is not here")
            if data.posted_at is None:
                warnings.append("no time: dated at the article's publish time")
            article = Article.objects.for_site(self.site).get(pk=article_id)
            comment = services.import_comment(data, self.tables, article, parent)
            imported[data.old_id] = comment.pk
            return warnings

        self.attempt("comments", integer(row.get("cid")), action)

    # Visitor counters.

    def import_visits(self):
        rows = list(self.source.rows(self.tables.counter))
        progress = self.progress("counter", len(rows))
        plan = plan_visits(rows)
        report = self.report["counter"]
        report.notes += plan.notes
        try:
            changed = services.import_visits(plan, self.tables.prefix, self.site)
        except Exception as error:
            logger.exception("Importing the counters failed")
            report.failed.append(("counter", f"{type(error).__name__}: {error}"))
        else:
            report.imported = changed
            report.notes.append(
                f"{plan.total} visits in all, on {len(plan.days)} days and {len(plan.hours)}"
                f" hours; {changed} statistics rows changed by this run"
            )
        for _row in rows:
            progress.step()
        progress.finish()


def batched(rows, size):
    rows = iter(rows)
    while batch := list(islice(rows, size)):
        yield batch


def parent_gone(row, pending):
    """True when the row's parent will never be imported (none, or not in the table)."""
    parent = integer(row.get("parentid"))
    return parent == 0 or parent not in pending
