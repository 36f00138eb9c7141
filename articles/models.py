from django.contrib.contenttypes.fields import GenericRelation
from django.db import connections, models
from django.db.models import Case, ExpressionWrapper, F, Q, Subquery, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from library.html import EDITOR_EXTENSIONS, plain_text, sanitize_html
from library.models import staff_reference
from library.picture_fields import PictureField
from library.renditions import with_renditions
from library.revisions import Revision
from portal.text import fold, nfc
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site, unique_slug


def search_text(article):
    """The folded title and the folded rest of an article, as search matches them."""
    rest = " ".join(
        [article.summary, plain_text(article.body), article.author_byline, article.source]
    )
    return fold(article.title), fold(rest)


# How many levels of the category tree hiding reaches down (a category and its ancestors).
TREE_DEPTH = 4


class CategoryQuerySet(SiteQuerySet):
    def active(self):
        """Categories the public sees: ticked "active", and so is every category above them."""
        return self.exclude(pk__in=Category.objects.hidden().values("pk"))

    def hidden(self):
        """Categories unticked, or under an unticked one: their articles are not public."""
        condition, path = Q(is_active=False), ""
        for _level in range(TREE_DEPTH - 1):
            path += "parent__"
            condition |= Q(**{f"{path}is_active": False})
        return self.filter(condition)


class CategoryManager(models.Manager.from_queryset(CategoryQuerySet)):
    """A category's name shows its parent's (`__str__`): every list of categories (the admin's,
    its filters, the forms' choices) reads both in one query."""

    def get_queryset(self):
        return super().get_queryset().select_related("parent")


class Category(models.Model):
    site = site_reference("categories")
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    description = models.TextField(_("description"), blank=True)

    objects = CategoryManager()

    class Meta:
        ordering = ["order", "name"]
        constraints = [unique_per_site("articles_category", "slug")]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return f"{self.parent} › {self.name}" if self.parent_id else self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.description = nfc(self.description)
        if not self.slug:
            self.slug = unique_slug(self, self.name, max_length=160, fallback="chuyen-muc")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:category", kwargs={"slug": self.slug})


class Tag(models.Model):
    site = site_reference("tags")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=110, blank=True)

    objects = SiteQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            unique_per_site("articles_tag", "name"),
            unique_per_site("articles_tag", "slug"),
        ]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name.strip())
        if not self.slug:
            self.slug = unique_slug(self, self.name, max_length=110, fallback="the")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:tag", kwargs={"slug": self.slug})


class ArticleQuerySet(SiteQuerySet):
    def published(self, at=None):
        """What the public may see, on every page, feed and sitemap: published, publish time
        passed, not expired, and its category not hidden (CategoryQuerySet.hidden)."""
        at = at or timezone.now()
        return (
            self.filter(status=Article.Status.PUBLISHED, publish_at__lte=at)
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=at))
            .exclude(category__in=Category.objects.hidden().values("pk"))
        )

    def next_change(self, at):
        """The first time after `at` when a scheduled article appears or a published one
        expires, i.e. when published() changes by itself (None: nothing is due). One query of
        two index lookups (on publish_at, and article_expiry_idx)."""
        published = self.filter(status=Article.Status.PUBLISHED)
        appears = published.filter(publish_at__gt=at).order_by("publish_at")
        expires = published.filter(expire_at__gt=at).order_by("expire_at")
        row = (
            self.model.objects.annotate(
                appears=Subquery(appears.values("publish_at")[:1]),
                expires=Subquery(expires.values("expire_at")[:1]),
            )
            .values_list("appears", "expires")
            .first()
        )
        return min(filter(None, row or ()), default=None)

    def in_category_tree(self, category):
        """Articles of the category, its sub-categories, or listing it as an extra category."""
        tree = Category.objects.filter(Q(pk=category.pk) | Q(parent=category)).values("pk")
        extra = Article.extra_categories.through.objects.filter(category__in=tree)
        return self.filter(Q(category__in=tree) | Q(pk__in=extra.values("article_id")))

    def newest_per_section(self, sections, per_section):
        """The newest `per_section` articles of each section ({section id: its category ids}),
        each with `section_id`, in one query. On PostgreSQL a UNION ALL of one small
        index-served query per section: ranking every article with a window function read the
        whole table (0.7 s at 100,000 articles). Elsewhere (SQLite, small sites) the window."""
        if not sections:
            return []
        if not connections[self.db].features.supports_slicing_ordering_in_compound:
            return list(self._ranked_per_section(sections, per_section))
        parts = [
            self.filter(category_id__in=ids)
            .annotate(section_id=Value(section_id))
            .order_by("-publish_at", "-pk")[:per_section]
            for section_id, ids in sections.items()
        ]
        return list(parts[0].union(*parts[1:], all=True)) if parts else []

    def _ranked_per_section(self, sections, per_section):
        section = Case(
            *(When(category_id__in=ids, then=Value(pk)) for pk, ids in sections.items()),
            default=None,
            output_field=models.BigIntegerField(),
        )
        return self.annotate(
            section_id=section,
            section_rank=Window(
                RowNumber(), partition_by=[section], order_by=[F("publish_at").desc(), "-pk"]
            ),
        ).filter(section_rank__lte=per_section, section_id__isnull=False)

    def most_viewed(self, since=None):
        articles = self.filter(publish_at__gte=since) if since else self
        return articles.order_by("-view_count", "-publish_at")

    def neighbours(self, article):
        """Newer and older articles of the same category, nearest first."""
        same = self.filter(category_id=article.category_id).exclude(pk=article.pk)
        newer = same.filter(publish_at__gt=article.publish_at).order_by("publish_at", "pk")
        older = same.filter(publish_at__lte=article.publish_at).order_by("-publish_at", "-pk")
        return newer, older

    def search(self, query):
        from .matching import search_articles  # matching.py imports this module

        return search_articles(self, query)

    def best_rated(self, min_votes):
        average = ExpressionWrapper(
            F("rating_sum") * 1.0 / F("rating_count"), output_field=models.FloatField()
        )
        return (
            self.filter(rating_count__gte=max(min_votes, 1))
            .annotate(average_score=average)
            .order_by("-average_score", "-rating_count", "-publish_at")
        )

    def most_rated(self):
        return self.filter(rating_count__gt=0).order_by("-rating_count", "-publish_at")

    def for_listing(self):
        return self.select_related("category").only(
            "title",
            "slug",
            "summary",
            "cover_image",
            "cover_alt",
            "cover_width",
            "cover_height",
            "publish_at",
            "category__name",
            "category__slug",
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    site = site_reference("articles")
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = ProseEditorField(
        _("body"), blank=True, config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )
    cover_image = PictureField(
        _("cover image"),
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        alt_field="cover_alt",
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_alt = models.CharField(_("cover image description"), max_length=250, blank=True)
    author_byline = models.CharField(_("author"), max_length=250, blank=True)
    source = models.CharField(_("source"), max_length=250, blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="articles"
    )
    extra_categories = models.ManyToManyField(
        Category, verbose_name=_("extra categories"), blank=True, related_name="extra_articles"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(_("publish at"), default=timezone.now, db_index=True)
    expire_at = models.DateTimeField(_("expire at"), null=True, blank=True)
    allow_comments = models.BooleanField(_("allow comments"), default=True)
    allow_rating = models.BooleanField(_("allow rating"), default=True)
    is_featured = models.BooleanField(_("featured"), default=False)
    view_count = models.PositiveBigIntegerField(_("views"), default=0, editable=False)
    rating_sum = models.PositiveIntegerField(_("rating points"), default=0, editable=False)
    rating_count = models.PositiveIntegerField(_("ratings"), default=0, editable=False)
    # Ratings carried over from the site this one replaced (nukeviet), which kept totals but no
    # votes: recompute_ratings counts them with the votes.
    carried_rating_sum = models.PositiveIntegerField(default=0, editable=False)
    carried_rating_count = models.PositiveIntegerField(default=0, editable=False)
    # Kept by the comments app: how many comments of this article the public sees.
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    # The comments on this article (Comment.objects.filter(article=...) reads them too).
    comments = GenericRelation("comments.Comment", related_query_name="article")
    # Lower-case text without diacritics, kept by save(): what search matches against.
    search_title = models.TextField(editable=False, default="")
    search_body = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = staff_reference(_("created by"))
    updated_by = staff_reference(_("updated by"))

    objects = ArticleQuerySet.as_manager()
    COUNTER_FIELDS = frozenset({"view_count", "rating_sum", "rating_count", "comment_count"})

    class Meta:
        ordering = ["-publish_at", "-pk"]
        constraints = [unique_per_site("articles_article", "slug")]
        indexes = [
            models.Index(fields=["site", "status", "-publish_at"], name="article_public_idx"),
            models.Index(
                fields=["site", "-publish_at"],
                condition=Q(is_featured=True),
                name="article_featured_idx",
            ),
            # Listings (articles.views.IdsFirst) count and skip on it alone (PostgreSQL).
            models.Index(
                fields=["site", "-publish_at", "-id"],
                include=["status", "expire_at", "category"],
                name="article_listing_idx",
            ),
            # The next expiry (ArticleQuerySet.next_change), among the few articles that expire.
            models.Index(
                fields=["expire_at"],
                condition=Q(expire_at__isnull=False),
                name="article_expiry_idx",
            ),
        ]
        permissions = [("publish_article", _("Can publish, schedule and unpublish articles"))]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        for field in ("title", "summary", "cover_alt", "author_byline", "source"):
            setattr(self, field, nfc(getattr(self, field)))
        self.body = sanitize_html(nfc(self.body))
        self.search_title, self.search_body = search_text(self)
        if not self.slug:
            self.slug = unique_slug(self, self.title, max_length=255, fallback="bai-viet")
        if not self._state.adding and kwargs.get("update_fields") is None:
            # The counters are written only by buffered F() updates (portal/counters/).
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in self.COUNTER_FIELDS
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def is_public(self, at=None):
        at = at or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at <= at
            and (self.expire_at is None or self.expire_at > at)
        )

    @property
    def rating_average(self):
        return self.rating_sum / self.rating_count if self.rating_count else None

    @property
    def safe_body(self):
        """Cleaned again on render, so HTML that reached the table another way stays inert."""
        return with_renditions(sanitize_html(self.body))


class Vote(models.Model):
    """One reader's star rating of an article. Voter and address are keyed hashes, never raw."""

    class Score(models.IntegerChoices):
        VERY_POOR = 1, _("Very poor article")
        POOR = 2, _("Poor article")
        FAIR = 3, _("Fair article")
        GOOD = 4, _("Good article")
        VERY_GOOD = 5, _("Very good article")

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="votes"
    )
    score = models.PositiveSmallIntegerField(_("score"), choices=Score.choices)
    voter = models.CharField(_("voter (hashed)"), max_length=64)
    address = models.CharField(_("address (hashed)"), max_length=64)
    created_at = models.DateTimeField(_("voted at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "voter"], name="one_vote_per_voter"),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="vote_score_1_to_5"
            ),
        ]
        indexes = [
            models.Index(fields=["article", "address", "created_at"], name="vote_address_idx")
        ]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")

    def __str__(self):
        return f"{self.article_id}: {self.score}"


class ArticleRevision(Revision):
    """The title, summary and body an article had before one of its saves."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    summary = models.TextField(_("summary"), blank=True)

    class Meta(Revision.Meta):
        pass
