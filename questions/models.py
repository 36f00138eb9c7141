"""Questions citizens ask the office ("Hỏi đáp"), the office's answers, and each site's time
limit for answering them."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from library.html import EDITOR_EXTENSIONS, plain_text, sanitize_html
from portal.text import fold, nfc, vietnamese_slugify
from tenancy.scoping import SiteQuerySet, site_reference

from .names import NameShown, shown_name

# Tracking codes: random, no letters a reader would confuse (0/O, 1/I/L, 2/Z, 5/S, 8/B);
# 25^10 codes, so that trying them (besides the rate limit) finds nothing.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 10
DEFAULT_ANSWER_DAYS = 10


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class QuestionSettings(models.Model):
    """One row per site; a site without one uses the defaults."""

    site = models.OneToOneField(
        "tenancy.Site",
        on_delete=models.CASCADE,
        related_name="question_settings",
        verbose_name=_("site"),
    )
    answer_days = models.PositiveSmallIntegerField(
        _("working days to answer"),
        default=DEFAULT_ANSWER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Monday to Friday; each new question's due date counts from the day it came."),
    )

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("question settings")
        verbose_name_plural = _("question settings")

    def __str__(self):
        return _("Question settings of %(site)s") % {"site": self.site.name}

    @classmethod
    def of(cls, site):
        return cls.objects.filter(site=site).first() or cls(site=site)


class QuestionQuerySet(SiteQuerySet):
    def published(self):
        return self.filter(status=Question.Status.PUBLISHED)

    def open(self):
        """Waiting for an answer: new or assigned."""
        return self.filter(status__in=Question.OPEN)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def newest_first(self):
        return self.order_by("-published_at", "-pk")


class Question(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", _("Answered")
        PUBLISHED = "published", _("Published")
        REFUSED = "refused", _("Refused")

    OPEN = (Status.NEW, Status.ASSIGNED)

    site = site_reference("questions")
    code = models.CharField(
        _("tracking code"), max_length=16, unique=True, default=new_code, editable=False
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    residential_group = models.CharField(_("residential group"), max_length=100, blank=True)
    sector = models.ForeignKey(
        "sectors.Sector",
        verbose_name=_("field"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, blank=True, editable=False)
    question = models.TextField(_("question"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now, db_index=True)
    due_on = models.DateField(_("answer due on"), null=True, blank=True, editable=False)
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answer = ProseEditorField(
        _("answer"), blank=True, config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    name_shown = models.CharField(
        _("asker's name on the site"),
        max_length=8,
        choices=NameShown.choices,
        default=NameShown.SHORT,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    refusal_reason = models.TextField(_("reason for refusing"), blank=True)
    refused_at = models.DateTimeField(_("refused at"), null=True, blank=True, editable=False)
    # The keyed hash of the asker's address (portal.visitors.address_hash), for the limits.
    address = models.CharField(_("address (hashed)"), max_length=64, blank=True, editable=False)
    search_title = models.TextField(blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["site", "status", "due_on"], name="questions_queue_idx"),
            models.Index(fields=["site", "status", "published_at"], name="questions_public_idx"),
            models.Index(fields=["address", "created_at"], name="questions_address_idx"),
            models.Index(fields=["email", "created_at"], name="questions_email_idx"),
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return f"{self.code}: {self.title}"

    def save(self, *args, **kwargs):
        self.name, self.title = nfc(self.name.strip()), nfc(self.title.strip())
        self.question, self.email = nfc(self.question.strip()), self.email.strip().lower()
        self.residential_group = nfc(self.residential_group.strip())
        self.answer = Question._meta.get_field("answer").sanitize(self.answer)
        self.slug = vietnamese_slugify(self.title, max_length=100) or "cau-hoi"
        self.search_title = fold(self.title)
        self.search_text = fold(f"{self.question} {plain_text(self.answer)}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("questions:detail", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def public_name(self):
        return shown_name(self.name, self.name_shown)

    @property
    def is_open(self):
        return self.status in self.OPEN

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status in self.OPEN and self.due_on is not None and self.due_on < today
