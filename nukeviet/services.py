"""Writes of an import: each NukeViet object, with all that belongs to it and the record of its
import, in one transaction, so an interrupted run leaves nothing half-imported."""

from django.db import transaction

from articles.models import Article, Category, Tag
from comments.models import Comment
from comments.services import refresh_comment_counts
from portal.counters import apply_counts, counter_key
from portal.text import nfc
from portal.visitors import keyed_hash
from stats.models import DailyVisits, HourlyVisits
from tenancy.scoping import unique_slug

from .images import ImageProblem, NotCopied, cover_file, with_local_pictures
from .mapping import BadRow
from .models import ImportedVisits, LegacyObject
from .visits import as_keys, start_of

COMMENT_ADDRESS = "comment-address"  # the purpose comments/views.py hashes addresses with
REFRESH_CHUNK = 500


def record(tables, kind, old_id, alias="", *, site, **target):
    return LegacyObject.objects.create(
        site=site,
        source=tables.source_key,
        lang=tables.lang,
        module=tables.module,
        kind=kind,
        old_id=old_id,
        old_alias=alias[:255],
        **target,
    )


@transaction.atomic
def import_category(site, data, tables, parent_id):
    category = Category(site=site, parent_id=parent_id, **data.fields)
    category.slug = unique_slug(category, data.alias or category.name, 160, "chuyen-muc")
    category.save()
    record(
        tables, LegacyObject.Kind.CATEGORY, data.old_id, data.alias, site=site, category=category
    )
    return category


@transaction.atomic
def import_article(site, data, tables, categories, uploads):
    """The article with its categories, tags, pictures and counters; returns its warnings."""
    category_ids = [categories[old] for old in data.category_ids if categories.get(old)]
    if not category_ids:
        raise BadRow(f"category {data.category_ids[0]} was not imported")
    warnings = list(data.warnings)
    article = Article(site=site, category_id=category_ids[0], **data.fields)
    article.slug = unique_slug(article, data.alias or article.title, 255, "bai-viet")
    article.body = with_local_pictures(site, data.body, uploads, warnings)
    add_cover(article, data.cover, uploads, warnings)
    article.save()  # An insert: the counters (views, rating) are written as they are.
    article.extra_categories.set(category_ids[1:])
    article.tags.set(tags(site, data.keywords))
    created = data.added_at or article.publish_at
    Article.objects.filter(pk=article.pk).update(
        created_at=created, updated_at=data.edited_at or created
    )
    record(tables, LegacyObject.Kind.ARTICLE, data.old_id, data.alias, site=site, article=article)
    return article, warnings


def add_cover(article, value, uploads, warnings):
    if not value:
        return
    try:
        article.cover_image = cover_file(uploads, value)
    except NotCopied:
        return
    except ImageProblem as problem:
        warnings.append(f"cover: {problem}")


def tags(site, names):
    return [Tag.objects.get_or_create(site=site, name=nfc(name))[0] for name in names]


@transaction.atomic
def import_comment(data, tables, article, parent):
    """A comment; its address is kept only as the keyed hash comments use, never in clear."""
    comment = Comment(
        target=article,
        site=article.site,
        parent=parent,
        address=keyed_hash(COMMENT_ADDRESS, data.address) if data.address else "",
        created_at=data.posted_at or article.publish_at,
        **data.fields,
    )
    comment.save()
    record(tables, LegacyObject.Kind.COMMENT, data.old_id, site=article.site, comment=comment)
    return comment


def refresh_counts(article_ids):
    """Every imported article's public comment count, from its comments."""
    article_ids = sorted(article_ids)
    for start in range(0, len(article_ids), REFRESH_CHUNK):
        with transaction.atomic():
            refresh_comment_counts(Article, article_ids[start : start + REFRESH_CHUNK])


ROW_OF_PERIOD = {"day": (DailyVisits, "day"), "hour": (HourlyVisits, "hour")}


@transaction.atomic
def import_visits(plan, source_key, site):
    """Make the visits this source added to the site's statistics rows equal the plan: add what
    is new, take back what NukeViet no longer counts there. Returns the rows changed."""
    imported = ImportedVisits.objects.filter(site=site, source=source_key)
    done = {(row.period, row.start): row for row in imported.select_for_update()}
    wanted = as_keys(plan)
    counts = {}
    for period, start in sorted(set(done) | set(wanted)):
        before = done[period, start].visits if (period, start) in done else 0
        delta = wanted.get((period, start), 0) - before
        if delta:
            model, field = ROW_OF_PERIOD[period]
            lookup = {"site_id": site.pk, field: start_of(period, start)}
            key = counter_key(model, lookup, "visits")
            counts[key] = delta
    apply_counts(counts)
    imported.exclude(pk__in=[done[key].pk for key in done if key in wanted]).delete()
    for (period, start), visits in wanted.items():
        ImportedVisits.objects.update_or_create(
            site=site, source=source_key, period=period, start=start, defaults={"visits": visits}
        )
    return len(counts)
