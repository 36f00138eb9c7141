"""Everything an import wrote, keyed by NukeViet ids (not by this site's primary keys), so two
imports can be compared."""

from articles.models import Article, Category, Tag
from comments.models import Comment
from library.models import Picture
from nukeviet.models import ImportedVisits, LegacyObject
from stats.models import DailyVisits, HourlyVisits

from .nukeviet_site import ZERO_DATE_IDS

ARTICLE_FIELDS = [
    "title",
    "slug",
    "summary",
    "body",
    "cover_alt",
    "cover_width",
    "cover_height",
    "author_byline",
    "source",
    "status",
    "publish_at",
    "expire_at",
    "allow_comments",
    "allow_rating",
    "view_count",
    "rating_sum",
    "rating_count",
    "comment_count",
    "created_at",
    "updated_at",
]
COMMENT_FIELDS = ["name", "email", "text", "status", "address", "created_at", "is_official"]


def snapshot():
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in (Article, Category, Comment, Tag, Picture, LegacyObject, ImportedVisits)
        },
        "categories": categories(),
        "articles": articles(),
        "comments": comments(),
        "days": list(DailyVisits.objects.order_by("day").values_list("day", "visits")),
        "hours": list(HourlyVisits.objects.order_by("hour").values_list("hour", "visits")),
    }


def records(kind):
    return LegacyObject.objects.filter(kind=kind).select_related(kind).order_by("old_id")


def categories():
    found = {}
    for record in records("category"):
        category = record.category
        found[record.old_id] = {
            "name": category.name,
            "slug": category.slug,
            "parent": category.parent.slug if category.parent else None,
            "order": category.order,
            "is_active": category.is_active,
            "description": category.description,
        }
    return found


def articles():
    found = {}
    for record in records("article"):
        article = record.article
        fields = {name: getattr(article, name) for name in ARTICLE_FIELDS}
        if record.old_id in ZERO_DATE_IDS:  # Dated at the time of the import.
            for name in ("publish_at", "created_at", "updated_at"):
                del fields[name]
        fields["cover_image"] = article.cover_image.name
        fields["category"] = article.category.slug
        fields["extra_categories"] = sorted(c.slug for c in article.extra_categories.all())
        fields["tags"] = sorted(tag.name for tag in article.tags.all())
        found[record.old_id] = fields
    return found


def comments():
    old_ids = {record.comment_id: record.old_id for record in records("comment")}
    found = {}
    for record in records("comment"):
        comment = record.comment
        fields = {name: getattr(comment, name) for name in COMMENT_FIELDS}
        fields["article"] = comment.target.slug
        fields["parent"] = old_ids.get(comment.parent_id)
        found[record.old_id] = fields
    return found
