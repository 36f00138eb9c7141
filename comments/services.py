"""Writes of the comments app: posting, moderating, and keeping the article's count exact.

Every write locks the rows of the articles whose comments it changes (in order of id) before
it checks a rule or changes a comment: writers of one article's comments then run one after
another, so the rules see every comment committed before, and each recount sees every change.
On SQLite the write transaction (BEGIN IMMEDIATE) serialises writers the same way.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from articles.caching import touch_article
from articles.models import Article
from portal.locks import lock_names

from .models import Comment
from .notifications import notify_moderators
from .rules import flood_refusal, held_because, is_duplicate

MODERATE_ALL, MODERATE_GUESTS, MODERATE_NONE = "all", "guests", "none"


class CommentRefused(Exception):
    """A comment the rules refuse: the message, the form field it is about, the HTTP status."""

    def __init__(self, message, field=None, status=400):
        super().__init__(message)
        self.message, self.field, self.status = message, field, status
        self.retry_after = getattr(message, "retry_after", None)


def lock_articles(article_ids):
    ids = sorted(set(article_ids))
    list(Article.objects.select_for_update().filter(pk__in=ids).order_by("pk").values("pk"))
    return ids


def public_count():
    """The comments the public sees of the outer article: approved comments whose thread is
    approved too (replies under a rejected comment are not shown)."""
    approved = (
        Comment.objects.approved()
        .filter(Q(parent=None) | Q(parent__status=Comment.Status.APPROVED), article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(approved), 0)


@transaction.atomic
def refresh_comment_counts(article_ids):
    """Set each article's comment_count to the comments the public sees.

    The articles' rows are locked first, so the count sees every comment committed before.
    """
    recount(lock_articles(article_ids))


def recount(article_ids):
    """Set the counts of articles whose rows this transaction has locked, in one UPDATE; their
    cached pages are rebuilt."""
    articles = Article.objects.filter(pk__in=article_ids)
    articles.update(comment_count=public_count())
    for site_id, slug in articles.values_list("site_id", "slug"):
        touch_article(site_id, slug)


@transaction.atomic
def recount_comments(fix=True):
    """Compare every article's comment_count with its comments; return [(article, stored,
    actual)] and, with `fix`, correct them."""
    has_comments = Exists(Comment.objects.filter(article=OuterRef("pk")))
    commented = Article.objects.filter(Q(comment_count__gt=0) | has_comments)
    lock_articles(commented.values_list("pk", flat=True))
    drifted = (
        commented.annotate(actual=public_count())
        .exclude(comment_count=F("actual"))
        .only("title", "comment_count")
        .order_by("pk")
    )
    drift = [(article, article.comment_count, article.actual) for article in drifted]
    if fix and drift:
        recount([article.pk for article, _, _ in drift])
    return drift


def initial_status(user, text):
    """Approved at once, or held: staff are trusted; links and banned words always wait."""
    if user is not None and user.is_staff:
        return Comment.Status.APPROVED, ""
    reason = held_because(text)
    mode = settings.PORTAL_COMMENT_MODERATION
    if reason or mode == MODERATE_ALL or (mode == MODERATE_GUESTS and user is None):
        return Comment.Status.PENDING, reason
    return Comment.Status.APPROVED, ""


def check_rules(article, address, email, text):
    """Raise CommentRefused if the flood rules or the duplicate rule refuse the comment."""
    refusal = flood_refusal(article, address, email)
    if refusal:
        raise CommentRefused(refusal, status=429)
    if is_duplicate(article, text):
        raise CommentRefused(_("This comment has already been sent."), field="text")


@transaction.atomic
def post_comment(article, *, name, email, text, parent=None, user=None, address=""):
    """Store a reader's comment, or raise CommentRefused. The rules are checked under locks on
    the writer's address and e-mail (the flood limits span articles) and on the article (the
    duplicate rule), so comments sent at once cannot all pass them."""
    lock_names(f"comment-writer:{value}" for value in (address, email.lower()) if value)
    lock_articles([article.pk])
    check_rules(article, address, email, text)
    status, reason = initial_status(user, text)
    comment = Comment.objects.create(
        article=article,
        parent=parent,
        user=user,
        name=name,
        email=email.lower(),
        text=text,
        status=status,
        held_because=reason,
        address=address,
    )
    if status == Comment.Status.APPROVED:
        recount([article.pk])
    else:
        transaction.on_commit(partial(notify_moderators, article.site), robust=True)
    return comment


def articles_of(comments):
    return lock_articles(comments.order_by().values_list("article_id", flat=True).distinct())


@transaction.atomic
def set_status(comments, status):
    """Move comments to `status` (bulk moderation); the articles' counts follow."""
    article_ids = articles_of(comments)
    changed = comments.exclude(status=status).update(status=status)
    recount(article_ids)
    return changed


@transaction.atomic
def save_comment(comment):
    """Save a comment edited by a moderator; its article's count follows."""
    lock_articles([comment.article_id])
    comment.save()
    recount([comment.article_id])


@transaction.atomic
def delete_comments(comments):
    article_ids = articles_of(comments)
    deleted = comments.delete()[0]
    recount(article_ids)
    return deleted


@transaction.atomic
def reply_as_office(comment, text, user, office_name=None):
    """An approved, official reply under the comment's thread, signed by the office."""
    lock_articles([comment.article_id])
    reply = Comment.objects.create(
        article=comment.article,
        parent=comment,
        user=user,
        name=office_name or settings.PORTAL_OFFICE_NAME,
        email="",
        text=text,
        status=Comment.Status.APPROVED,
        is_official=True,
    )
    recount([comment.article_id])
    return reply
