"""Legal and administrative documents a ward issues ("văn bản", Decree 42/2022/NĐ-CP art. 6):
type, issuing body, number and symbol, dates, status, abstract and files; drafts put out for
public opinion carry a deadline (`opinion_until`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import nfc
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site, unique_slug

from .folding import folded_words

# Addresses under /van-ban/ that are not documents.
RESERVED_SLUGS = {"du-thao", "rss"}
NEWEST = ("-issued_on", "-pk")  # drafts, which have no date, first on PostgreSQL


class OrderedQuerySet(SiteQuerySet):
    def in_order(self):
        return self.order_by("position", "name", "pk")


class DocumentType(models.Model):
    site = site_reference("document_types")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address"), max_length=110, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name", "pk"]
        constraints = [
            unique_per_site("documents_documenttype", "name"),
            unique_per_site("documents_documenttype", "slug"),
        ]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name.strip())
        if not self.slug:
            self.slug = unique_slug(self, self.name, 110, "loai")
        super().save(*args, **kwargs)


class IssuingBody(models.Model):
    site = site_reference("issuing_bodies")
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveIntegerField(_("order"), default=0)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name", "pk"]
        constraints = [unique_per_site("documents_issuingbody", "name")]
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name.strip())
        super().save(*args, **kwargs)


class DocumentQuerySet(SiteQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def issued(self):
        """Documents proper, not drafts put out for opinion."""
        return self.filter(opinion_until__isnull=True)

    def drafts(self):
        return self.filter(opinion_until__isnull=False)

    def newest_first(self):
        return self.order_by(*NEWEST)

    def with_status(self, status, today=None):
        """`status` as readers filter it: in force, not yet in force, partly or wholly out."""
        today = today or timezone.localdate()
        if status == Document.PENDING:
            return self.filter(status=Document.Status.IN_FORCE, effective_on__gt=today)
        if status == Document.Status.IN_FORCE:
            not_future = models.Q(effective_on__isnull=True) | models.Q(effective_on__lte=today)
            return self.filter(not_future, status=status)
        return self.filter(status=status)

    def listed(self):
        return self.select_related("document_type", "issuing_body")


class Document(models.Model):
    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        PARTLY = "partly", _("Partly out of force")
        EXPIRED = "expired", _("Wholly out of force")

    PENDING = "pending"

    site = site_reference("documents")
    document_type = models.ForeignKey(
        DocumentType, models.PROTECT, related_name="documents", verbose_name=_("type")
    )
    number = models.CharField(
        _("number and symbol"), max_length=100, blank=True, help_text=_("E.g. 123/QĐ-UBND")
    )
    issuing_body = models.ForeignKey(
        IssuingBody, models.PROTECT, related_name="documents", verbose_name=_("issuing body")
    )
    signer = models.CharField(_("signed by"), max_length=150, blank=True)
    sector = models.ForeignKey(
        "sectors.Sector",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("field of work"),
    )
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    effective_on = models.DateField(_("effective on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.IN_FORCE
    )
    replaces = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    amends = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="amended_by", verbose_name=_("amends")
    )
    abstract = models.TextField(_("abstract"))
    body = models.TextField(_("content or notes"), blank=True)
    slug = models.SlugField(_("address"), max_length=200, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    opinion_until = models.DateTimeField(
        _("opinions until"),
        null=True,
        blank=True,
        help_text=_("Only for a draft put out for public opinion: the deadline for opinions."),
    )
    show_opinions = models.BooleanField(_("show opinions publicly"), default=False)
    related_articles = models.ManyToManyField(
        "articles.Article", blank=True, related_name="documents", verbose_name=_("related articles")
    )
    files = models.ManyToManyField(
        "library.Attachment",
        through="DocumentFile",
        related_name="documents",
        verbose_name=_("files"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    search_number = models.CharField(max_length=100, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    search_files = models.TextField(blank=True, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        constraints = [unique_per_site("documents_document", "slug")]
        # NEWEST within a site: a list or a search of a common word walks it and stops at a page.
        # effective_on: "not yet in force" is a filter on a date to come.
        indexes = [
            models.Index(fields=["site", "-issued_on", "-id"], name="document_newest_idx"),
            models.Index(fields=["site", "effective_on"], name="document_effective_idx"),
        ]
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")

    def __str__(self):
        return self.number or self.abstract[:80]

    def save(self, *args, **kwargs):
        self.number = nfc(self.number.strip())
        self.abstract = nfc(self.abstract.strip())
        self.signer = nfc(self.signer.strip())
        if not self.slug or self.slug in RESERVED_SLUGS:
            text = f"{folded_words(self.number)} {self.abstract[:80]}"
            self.slug = unique_slug(self, text, 200, "van-ban")
            if self.slug in RESERVED_SLUGS:
                self.slug = unique_slug(self, f"van ban {text}", 200, "van-ban")
        self.fill_search_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.opinion_until is None:
            missing = {
                name: _("A document (not a draft for opinion) needs this.")
                for name in ("number", "issued_on")
                if not getattr(self, name)
            }
            if missing:
                raise ValidationError(missing)

    def fill_search_text(self):
        self.search_number = folded_words(self.number)[:100]
        self.search_text = folded_words(f"{self.abstract} {self.signer} {self.body}")

    def title(self):
        kind = self.document_type.name
        return f"{kind} {self.number}" if self.number else kind

    def is_draft(self):
        return self.opinion_until is not None

    def comments_open(self):
        return self.opinion_until is not None and timezone.now() < self.opinion_until

    def comments_public(self):
        return self.show_opinions

    def current_status(self):
        """(code, label) of the status readers see: "not yet in force" before the effective
        date of a document in force."""
        future = self.effective_on and self.effective_on > timezone.localdate()
        if self.status == self.Status.IN_FORCE and future:
            return self.PENDING, _("Not yet in force")
        return self.status, self.get_status_display()


class DocumentFile(models.Model):
    document = models.ForeignKey(
        Document, models.CASCADE, related_name="document_files", verbose_name=_("legal document")
    )
    attachment = models.ForeignKey(
        "library.Attachment",
        models.PROTECT,
        related_name="document_files",
        verbose_name=_("file"),
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return str(self.attachment)
