"""From NukeViet rows to the fields of this site's objects, without touching the database.

The rows are those of NukeViet 4.4 / 4.5 (the 4.x branch of github.com/nukeviet/nukeviet):
modules/news/action_mysql.php for `{prefix}_{lang}_news_cat`, `_rows`, `_detail`, `_sources`,
`_tags`, `_tags_id`; modules/comment/action_mysql.php for `{prefix}_{lang}_comment`; the
installer's `{prefix}_counter`. Times are Unix seconds, 0 meaning "none".
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import unescape

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.html import strip_tags

from articles.models import Article, Category, Tag
from comments.models import Comment
from library.html import plain_text

# news_rows.status: 1 published, 2 scheduled (NukeViet's cron publishes it at publtime),
# 3 expired; 0 waiting for review, 4 draft, 5 declined, 6+ in the editors' workflow.
PUBLISHED_STATUSES = {1, 2, 3}
# comment.status: 1 shown, 0 waiting for a moderator.
COMMENT_STATUSES = {1: Comment.Status.APPROVED, 0: Comment.Status.PENDING}
LAST_TIMESTAMP = 2**32 - 1
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
SPACES = re.compile(r"[ \t\r\f\v]+")


class BadRow(Exception):
    """A row that cannot be imported; the message says why."""


def text(value):
    """A string of a column's value, without the NUL characters PostgreSQL refuses."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return str(value).replace("\0", "").strip()


def fit(value, model, name):
    """`value` cut to the length the model's field allows."""
    limit = model._meta.get_field(name).max_length
    return value[:limit].rstrip() if limit else value


def integer(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def timestamp(value):
    """The moment of a NukeViet time column, or None for 0 and values out of range."""
    seconds = integer(value)
    if not 0 < seconds <= LAST_TIMESTAMP:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC)


def id_list(value):
    """[2, 5] of "2,5" (listcatid and the like), without zeros and duplicates."""
    found = (integer(part) for part in text(value).split(","))
    return list(dict.fromkeys(n for n in found if n > 0))


def plain(value):
    """The text of a column that may hold HTML (summaries)."""
    return SPACES.sub(" ", plain_text(LINE_BREAK.sub("\n", text(value)))).strip()


@dataclass
class CategoryData:
    old_id: int
    parent_id: int
    alias: str
    fields: dict


def category_data(row):
    old_id = integer(row.get("catid"))
    name = text(row.get("title"))
    if old_id <= 0:
        raise BadRow("no category id")
    if not name:
        raise BadRow("the category has no title")
    return CategoryData(
        old_id=old_id,
        parent_id=integer(row.get("parentid")),
        alias=text(row.get("alias")),
        fields={
            "name": fit(name, Category, "name"),
            "description": plain(row.get("description")),
            "order": min(max(integer(row.get("weight")), 0), 32767),
            "is_active": integer(row.get("status"), 1) != 0,
        },
    )


@dataclass
class ArticleData:
    old_id: int
    category_ids: list
    alias: str
    fields: dict
    body: str
    cover: str
    keywords: list
    added_at: datetime | None
    edited_at: datetime | None
    warnings: list = field(default_factory=list)


def article_data(row, detail, keywords, sources):
    """The article of a news_rows row, its news_detail row and its news_tags_id rows."""
    old_id = integer(row.get("id"))
    title = text(row.get("title"))
    if not title:
        raise BadRow("the article has no title")
    if detail is None:
        raise BadRow("no news_detail row (the body is missing)")
    category_ids = id_list(row.get("catid")) + id_list(row.get("listcatid"))
    if not category_ids:
        raise BadRow("the article has no category")
    warnings = []
    added, edited = timestamp(row.get("addtime")), timestamp(row.get("edittime"))
    publish_at = timestamp(row.get("publtime")) or added or edited
    if publish_at is None:
        warnings.append("no publish, add or edit time: publish time set to the import time")
    expire_at = timestamp(row.get("exptime"))
    status = integer(row.get("status"), -1)
    published = status in PUBLISHED_STATUSES and not (status == 3 and expire_at is None)
    fields = {
        "title": fit(title, Article, "title"),
        "summary": plain(row.get("hometext")),
        "cover_alt": fit(text(row.get("homeimgalt")), Article, "cover_alt"),
        "author_byline": fit(text(row.get("author")), Article, "author_byline"),
        "source": fit(source_name(row, detail, sources), Article, "source"),
        "status": Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        "expire_at": expire_at,
        "allow_comments": bool(id_list(row.get("allowed_comm"))),
        "allow_rating": integer(row.get("allowed_rating")) > 0,
        "view_count": max(integer(row.get("hitstotal")), 0),
        "rating_sum": max(integer(row.get("total_rating")), 0),
        "rating_count": max(integer(row.get("click_rating")), 0),
    }
    fields["carried_rating_sum"] = fields["rating_sum"]
    fields["carried_rating_count"] = fields["rating_count"]
    if publish_at is not None:
        fields["publish_at"] = publish_at
    return ArticleData(
        old_id=old_id,
        category_ids=list(dict.fromkeys(category_ids)),
        alias=text(row.get("alias")),
        fields=fields,
        body=text(detail.get("bodyhtml")),
        cover=text(row.get("homeimgfile")),
        keywords=keyword_names(keywords),
        added_at=added,
        edited_at=edited,
        warnings=warnings,
    )


def source_name(row, detail, sources):
    """What the editor typed as the source, else the name of the news_sources row."""
    return text(detail.get("sourcetext")) or sources.get(integer(row.get("sourceid")), "")


def keyword_names(rows):
    names = {}
    for row in rows:
        name = fit(SPACES.sub(" ", text(row.get("keyword"))), Tag, "name")
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())


@dataclass
class CommentData:
    old_id: int
    article_id: int
    parent_id: int
    posted_at: datetime | None
    address: str
    fields: dict


def comment_text(value):
    """NukeViet keeps comments as escaped text with <br />: back to plain text."""
    return unescape(strip_tags(LINE_BREAK.sub("\n", text(value)))).replace("\0", "").strip()


def comment_data(row, default_name):
    body = comment_text(row.get("content"))
    if not body:
        raise BadRow("the comment is empty")
    name = text(unescape(text(row.get("post_name")))) or default_name
    return CommentData(
        old_id=integer(row.get("cid")),
        article_id=integer(row.get("id")),
        parent_id=integer(row.get("pid")),
        posted_at=timestamp(row.get("post_time")),
        address=text(row.get("post_ip")),
        fields={
            "name": fit(name, Comment, "name"),
            "email": email(row.get("post_email")),
            "text": body,
            "status": COMMENT_STATUSES.get(integer(row.get("status"), -1), Comment.Status.PENDING),
        },
    )


def email(value):
    address = text(value).lower()
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return fit(address, Comment, "email")
