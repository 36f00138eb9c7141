"""Writes of the comments app: posting, moderating, and keeping the targets' counts exact.

Every write locks the rows of the targets whose comments it changes (kind by kind, in order of
id) before it checks a rule or changes a comment: writers of one target's comments then run one
after another, so the rules see every comment committed before, and each recount sees every
change. On SQLite the write transaction (BEGIN IMMEDIATE) serialises writers the same way.
"""

from collections import defaultdict
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from portal.locks import lock_names

from . import targets
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


def lock_targets(keys):
    """Lock the targets named by (content type id, object id) pairs; {Target: [ids]}."""
    grouped = defaultdict(set)
    for content_type_id, object_id in keys:
        grouped[content_type_id].add(object_id)
    locked = {}
    for content_type_id in sorted(grouped):
        target = targets.of_content_type(content_type_id)
        if target is not None:
            locked[target] = sorted(grouped[content_type_id])
            target.lock(locked[target])
    return locked


def key_of(obj):
    return (targets.of(obj).content_type.pk, obj.pk)


def public_count(target):
    """The comments the public sees of the outer row: approved comments whose thread is
    approved too (replies under a rejected comment are not shown)."""
    approved = (
        Comment.objects.approved()
        .filter(Q(parent=None) | Q(parent__status=Comment.Status.APPROVED))
        .filter(content_type=target.content_type, object_id=OuterRef("pk"))
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(approved), 0)


def recount(locked):
    """Set the counts of the targets this transaction has locked ({Target: [ids]}), in one
    UPDATE a kind; their cached pages are rebuilt."""
    for target, ids in locked.items():
        rows = target.model._default_manager.filter(pk__in=ids)
        if target.count_field:
            rows.update(**{target.count_field: public_count(target)})
        if target.changed:
            target.changed(rows)


@transaction.atomic
def refresh_comment_counts(model, ids):
    """Set the count of each row of `model` (a target) to the comments the public sees; the
    rows are locked first, so the count sees every comment committed before."""
    content_type_id = targets.of_model(model).content_type.pk
    recount(lock_targets((content_type_id, pk) for pk in ids))


@transaction.atomic
def recount_comments(fix=True):
    """Compare every counted target's count with its comments; return [(target, stored,
    actual)] and, with `fix`, correct them."""
    drift = []
    for target in targets.registered():
        if not target.count_field:
            continue
        field = target.count_field
        comments = Comment.objects.filter(content_type=target.content_type)
        has_comments = Exists(comments.filter(object_id=OuterRef("pk")))
        counted = target.model._default_manager.filter(Q(**{f"{field}__gt": 0}) | has_comments)
        target.lock(list(counted.values_list("pk", flat=True)))
        drifted = counted.annotate(actual=public_count(target)).exclude(**{field: F("actual")})
        drift += [(row, getattr(row, field), row.actual) for row in drifted.order_by("pk")]
    if fix and drift:
        recount(lock_targets(key_of(row) for row, _, _ in drift))
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


def check_rules(target, address, email, text):
    """Raise CommentRefused if the target is closed, or the flood rules or the duplicate rule
    refuse the comment."""
    kind = targets.of(target)
    if not kind.is_open(target):
        raise CommentRefused(kind.closed_notice, status=403)
    refusal = flood_refusal(target, address, email)
    if refusal:
        raise CommentRefused(refusal, status=429)
    if is_duplicate(target, text):
        raise CommentRefused(_("This comment has already been sent."), field="text")


@transaction.atomic
def post_comment(target, *, name, email, text, parent=None, user=None, address=""):
    """Store a reader's comment, or raise CommentRefused. The rules are checked under locks on
    the writer's address and e-mail (the flood limits span targets) and on the target (the
    duplicate rule), so comments sent at once cannot all pass them."""
    lock_names(f"comment-writer:{value}" for value in (address, email.lower()) if value)
    locked = lock_targets([key_of(target)])
    check_rules(target, address, email, text)
    status, reason = initial_status(user, text)
    comment = Comment.objects.create(
        target=target,
        site_id=target.site_id,
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
        recount(locked)
    else:
        transaction.on_commit(partial(notify_moderators, target.site), robust=True)
    return comment


def targets_of(comments):
    keys = comments.order_by().values_list("content_type_id", "object_id").distinct()
    return lock_targets(keys)


@transaction.atomic
def set_status(comments, status):
    """Move comments to `status` (bulk moderation); the targets' counts follow."""
    locked = targets_of(comments)
    changed = comments.exclude(status=status).update(status=status)
    recount(locked)
    return changed


@transaction.atomic
def save_comment(comment):
    """Save a comment edited by a moderator; its target's count follows."""
    locked = lock_targets([(comment.content_type_id, comment.object_id)])
    comment.save()
    recount(locked)


@transaction.atomic
def delete_comments(comments):
    locked = targets_of(comments)
    deleted = comments.delete()[0]
    recount(locked)
    return deleted


@transaction.atomic
def reply_as_office(comment, text, user, office_name=None):
    """An approved, official reply under the comment's thread, signed by the office."""
    locked = lock_targets([(comment.content_type_id, comment.object_id)])
    reply = Comment.objects.create(
        content_type_id=comment.content_type_id,
        object_id=comment.object_id,
        site_id=comment.site_id,
        parent=comment,
        user=user,
        name=office_name or settings.PORTAL_OFFICE_NAME,
        email="",
        text=text,
        status=Comment.Status.APPROVED,
        is_official=True,
    )
    recount(locked)
    return reply
