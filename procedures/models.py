"""Administrative procedures ("thủ tục hành chính") a ward handles, published as Decree
42/2022/NĐ-CP art. 6 asks, in line with the National Public Service Portal
(dichvucong.gov.vn): each with its code on the national procedures database, field, level of
online service, steps, papers, time limit, fees, legal basis and the forms to download."""

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from library.html import EDITOR_EXTENSIONS, sanitize_html
from portal.text import fold, nfc, query_words
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site, unique_slug

# The plain-text fields the import and the admin both normalise (NFC, trimmed).
TEXT_FIELDS = (
    "name",
    "code",
    "submission_place",
    "time_limit",
    "fees",
    "applicants",
    "result",
    "legal_basis",
    "national_url",
)
RICH_FIELDS = ("steps", "papers")


def rich_text(verbose_name):
    return ProseEditorField(
        verbose_name, blank=True, config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )


class ProcedureQuerySet(SiteQuerySet):
    def published(self):
        return self.filter(status=Procedure.Status.PUBLISHED)

    def matching(self, query):
        """Every folded word of the query in the procedure's folded name or code."""
        condition = Q()
        for word in query_words(query):
            condition &= Q(search_name__contains=word) | Q(search_code__contains=word)
        return self.filter(condition)

    def in_order(self):
        return self.order_by("search_name", "pk")


class Procedure(models.Model):
    class Level(models.TextChoices):
        FULL = "full", _("Full online public service")
        PARTIAL = "partial", _("Partial online public service")
        INFORMATION = "information", _("Information only")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    site = site_reference("procedures")
    name = models.CharField(_("name of the procedure"), max_length=500)
    code = models.CharField(
        _("code"),
        max_length=40,
        blank=True,
        help_text=_("Its code on the national procedures database, e.g. 1.001193."),
    )
    sector = models.ForeignKey(
        "sectors.Sector",
        verbose_name=_("field of work"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="procedures",
    )
    level = models.CharField(
        _("level of online service"),
        max_length=16,
        choices=Level.choices,
        default=Level.INFORMATION,
    )
    submission_place = models.TextField(_("where to submit"), blank=True)
    steps = rich_text(_("steps"))
    time_limit = models.TextField(_("time limit"), blank=True)
    fees = models.TextField(_("fees and charges"), blank=True)
    papers = rich_text(_("required papers"))
    applicants = models.TextField(_("who may request"), blank=True)
    result = models.TextField(_("result"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    legal_documents = models.ManyToManyField(
        "documents.Document",
        blank=True,
        related_name="procedures",
        verbose_name=_("documents of the office it rests on"),
    )
    national_url = models.URLField(
        _("address on the National Public Service Portal"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Its page on dichvucong.gov.vn, starting with https://."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_("The address: /thu-tuc-hanh-chinh/<slug>/. Made from the name when empty."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PUBLISHED
    )
    search_name = models.TextField(editable=False, default="")
    search_code = models.CharField(max_length=40, editable=False, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        ordering = ["search_name", "pk"]
        constraints = [
            unique_per_site("procedures_procedure", "slug"),
            models.UniqueConstraint(
                fields=["site", "code"],
                condition=~Q(code=""),
                name="procedures_procedure_code_per_site",
                violation_error_message=_("This site already has a procedure with this code."),
            ),
        ]
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")

    def __str__(self):
        return f"{self.code} - {self.name}" if self.code else self.name

    def save(self, *args, **kwargs):
        for name in TEXT_FIELDS:
            setattr(self, name, nfc((getattr(self, name) or "").strip()))
        for name in RICH_FIELDS:
            setattr(self, name, sanitize_html(nfc(getattr(self, name) or "")))
        self.search_name = fold(self.name)
        self.search_code = fold(self.code)
        if not self.slug:
            self.slug = unique_slug(self, self.name, max_length=255, fallback="thu-tuc")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("procedures:detail", kwargs={"slug": self.slug})

    @property
    def safe_steps(self):
        return sanitize_html(self.steps)

    @property
    def safe_papers(self):
        return sanitize_html(self.papers)


class ProcedureForm(models.Model):
    """A form (tờ khai, mẫu đơn) of a procedure, to download: a document of the site's library."""

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("procedure"), on_delete=models.CASCADE, related_name="forms"
    )
    attachment = models.ForeignKey(
        "library.Attachment",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="procedure_forms",
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("The document's title when empty.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("form to download")
        verbose_name_plural = _("forms to download")

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.title or str(self.attachment)
