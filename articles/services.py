"""Writes of the articles app that touch several rows."""

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.utils import timezone

from library.pictures import normalize_upload, store_picture

from .caching import touch_article
from .models import Article, ArticleRevision, Vote

REVISED_FIELDS = ("title", "summary", "body")


@transaction.atomic
def save_article(article, user):
    """Save `article`, keeping what its title, summary and body were before as a revision."""
    if article.pk:
        previous = (
            Article.objects.select_for_update()
            .filter(pk=article.pk)
            .values(*REVISED_FIELDS)
            .first()
        )
        if previous and any(previous[f] != getattr(article, f) for f in REVISED_FIELDS):
            ArticleRevision.objects.create(article=article, created_by=user, **previous)
    else:
        article.created_by = user
    article.updated_by = user
    article.save()
    return article


@transaction.atomic
def set_status(articles, status, user, publish_at=None):
    """Publish or unpublish articles (each saved with its revision); `publish_at` dates them."""
    articles = list(articles)
    for article in articles:
        article.status = status
        article.publish_at = publish_at or article.publish_at
        save_article(article, user)
    return len(articles)


@transaction.atomic
def restore_revision(revision, user):
    """Put a revision's text back; what it replaces becomes a revision in turn."""
    article = revision.article
    for field in REVISED_FIELDS:
        setattr(article, field, getattr(revision, field))
    return save_article(article, user)


class VoteRefused(Exception):
    """A vote that is not counted; `code` says why (see articles/ratings.py for the messages)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def start_of_local_day():
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


@transaction.atomic
def cast_vote(article_id, score, voters, address, per_address_limit):
    """Count one vote; the article's totals change in the same transaction.

    `voters` are the reader's hashed voter keys (the first one is stored); `address` is the
    hashed client address, of which at most `per_address_limit` votes per article per day count.
    The article row is locked, so concurrent votes on it are counted one after another.
    """
    article = Article.objects.select_for_update().published().filter(pk=article_id).first()
    if article is None:
        raise VoteRefused("not_found")
    if not article.allow_rating:
        raise VoteRefused("closed")
    votes = Vote.objects.filter(article=article)
    if votes.filter(voter__in=voters).exists():
        raise VoteRefused("already_voted")
    if (
        votes.filter(address=address, created_at__gte=start_of_local_day()).count()
        >= per_address_limit
    ):
        raise VoteRefused("address_limit")
    try:
        with transaction.atomic():
            Vote.objects.create(article=article, score=score, voter=voters[0], address=address)
    except IntegrityError:
        raise VoteRefused("already_voted") from None
    Article.objects.filter(pk=article.pk).update(
        rating_sum=F("rating_sum") + score, rating_count=F("rating_count") + 1
    )
    return Article.objects.values("rating_sum", "rating_count").get(pk=article.pk)


def lock_rated(articles):
    """Lock the articles' rows, in order of id, as cast_vote does: votes on them wait."""
    return list(articles.select_for_update().order_by("pk").values_list("pk", flat=True))


def vote_totals(article_ids):
    """{article id: (points, number)} of the votes cast on these articles."""
    votes = Vote.objects.filter(article__in=article_ids).order_by().values("article")
    return {
        row["article"]: (row["points"], row["number"])
        for row in votes.annotate(points=Sum("score"), number=Count("pk"))
    }


@transaction.atomic
def remove_votes(votes):
    """Delete votes; their articles' totals are recounted from the votes left, under the
    articles' locks (two staff deleting the same votes at once take them off once)."""
    voted = votes.order_by().values_list("article", flat=True).distinct()
    article_ids = lock_rated(Article.objects.filter(pk__in=list(voted)))
    deleted = votes.delete()[0]
    actual = vote_totals(article_ids)
    for article_id in article_ids:
        points, number = actual.get(article_id, (0, 0))
        Article.objects.filter(pk=article_id).update(
            rating_sum=F("carried_rating_sum") + points,
            rating_count=F("carried_rating_count") + number,
        )
    return deleted


@transaction.atomic
def recompute_ratings(fix=True):
    """Compare every article's totals with its votes (and the ratings carried over from an
    earlier site); return [(article, stored, actual)].

    The articles are locked before their votes are counted: a vote cast meanwhile waits, and
    is then added to the corrected totals.
    """
    voted = Exists(Vote.objects.filter(article=OuterRef("pk")))
    rated = Article.objects.filter(Q(rating_count__gt=0) | Q(carried_rating_count__gt=0) | voted)
    article_ids = lock_rated(rated)
    actual = vote_totals(article_ids)
    fields = ("title", "rating_sum", "rating_count", "carried_rating_sum", "carried_rating_count")
    drift = []
    for article in Article.objects.filter(pk__in=article_ids).only(*fields).order_by("pk"):
        stored = (article.rating_sum, article.rating_count)
        points, number = actual.get(article.pk, (0, 0))
        truth = (points + article.carried_rating_sum, number + article.carried_rating_count)
        if stored != truth:
            drift.append((article, stored, truth))
            if fix:
                Article.objects.filter(pk=article.pk).update(
                    rating_sum=truth[0], rating_count=truth[1]
                )
    return drift


def covers_outside_library():
    """Articles whose cover was stored as uploaded, before covers went to the picture library."""
    return (
        Article.objects.exclude(cover_image="")
        .exclude(cover_image__startswith="pictures/")
        .only("site", "slug", "cover_image", "cover_alt", "cover_width", "cover_height")
    )


def recode_cover(article):
    """Put an older cover into the picture library (re-encoded, EXIF gone, renditions made),
    point the article at it, and delete the original once no article uses it.

    Raises PictureError or OSError when the original cannot be read as a picture.
    """
    original = article.cover_image.name
    storage = article.cover_image.storage
    with storage.open(original) as handle:
        normalized = normalize_upload(handle)
    picture, _created = store_picture(normalized, site=article.site, alt=article.cover_alt)
    Article.objects.filter(pk=article.pk, cover_image=original).update(
        cover_image=picture.file.name, cover_width=picture.width, cover_height=picture.height
    )
    touch_article(article.site_id, article.slug)
    if not Article.objects.filter(cover_image=original).exists():
        storage.delete(original)
    return picture
