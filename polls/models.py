"""Polls ("thăm dò ý kiến"): a question of one site, its choices with exact counts, and one vote
per reader. Voter and address are keyed hashes (portal.visitors), never stored in clear."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.text import nfc
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site, unique_slug


class PollQuerySet(SiteQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open(self, at=None):
        at = at or timezone.now()
        return self.published().filter(opens_at__lte=at).exclude(closes_at__lte=at)

    def closed(self, at=None):
        return self.published().filter(closes_at__lte=at or timezone.now())

    def in_order(self):
        return self.order_by("position", "-opens_at", "-pk")


class Poll(models.Model):
    class Results(models.TextChoices):
        AFTER_VOTING = "after_voting", _("after voting (and to everyone once closed)")
        ALWAYS = "always", pgettext_lazy("poll", "always")
        WHEN_CLOSED = "when_closed", _("only when the poll is closed")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", pgettext_lazy("poll", "upcoming")
        OPEN = "open", pgettext_lazy("poll", "open")
        CLOSED = "closed", pgettext_lazy("poll", "closed")

    site = site_reference("polls")
    question = models.CharField(pgettext_lazy("poll", "question"), max_length=300)
    slug = models.SlugField(_("address"), max_length=120, blank=True)
    several_answers = models.BooleanField(
        _("several answers"), default=False, help_text=_("A reader may pick more than one choice.")
    )
    max_answers = models.PositiveSmallIntegerField(
        _("most answers"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("With several answers: how many a reader may pick at most (empty: any)."),
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    results = models.CharField(
        _("results shown"), max_length=20, choices=Results.choices, default=Results.AFTER_VOTING
    )
    is_published = models.BooleanField(pgettext_lazy("poll", "published"), default=True)
    position = models.PositiveIntegerField(pgettext_lazy("poll", "position"), default=0)
    vote_count = models.PositiveIntegerField(
        pgettext_lazy("poll", "votes"), default=0, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PollQuerySet.as_manager()

    class Meta:
        ordering = ["position", "-opens_at", "-pk"]
        constraints = [
            unique_per_site("polls_poll", "slug"),
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="poll_closes_after_opening",
            ),
        ]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.question = nfc(self.question.strip())
        if not self.slug:
            self.slug = unique_slug(self, self.question, 120, "tham-do")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("polls:poll", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A poll closes after it opens.")})
        if self.max_answers and not self.several_answers:
            raise ValidationError(
                {"max_answers": _("Only a poll with several answers has a most number.")}
            )

    def status(self, at=None):
        at = at or timezone.now()
        if at < self.opens_at:
            return self.Status.UPCOMING
        if self.closes_at is not None and at >= self.closes_at:
            return self.Status.CLOSED
        return self.Status.OPEN

    @property
    def answer_limit(self):
        """How many choices one vote may name."""
        if not self.several_answers:
            return 1
        return self.max_answers or None

    def results_visible(self, voted, at=None):
        if self.results == self.Results.ALWAYS:
            return True
        closed = self.status(at) == self.Status.CLOSED
        return closed or (voted and self.results == self.Results.AFTER_VOTING)


class Choice(models.Model):
    poll = models.ForeignKey(
        Poll, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="choices"
    )
    text = models.CharField(pgettext_lazy("poll", "text"), max_length=200)
    position = models.PositiveIntegerField(pgettext_lazy("poll", "position"), default=0)
    vote_count = models.PositiveIntegerField(
        pgettext_lazy("poll", "votes"), default=0, editable=False
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = pgettext_lazy("poll", "choice")
        verbose_name_plural = pgettext_lazy("poll", "choices")

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        self.text = nfc(self.text.strip())
        super().save(*args, **kwargs)


class Vote(models.Model):
    """One reader's answer to a poll: the choices it named, who (hashed) and from where (hashed)."""

    poll = models.ForeignKey(
        Poll, verbose_name=_("poll"), on_delete=models.CASCADE, related_name="votes"
    )
    choices = models.ManyToManyField(
        Choice, verbose_name=pgettext_lazy("poll", "choices"), related_name="votes"
    )
    voter = models.CharField(pgettext_lazy("poll", "voter (hashed)"), max_length=64)
    address = models.CharField(_("address (hashed)"), max_length=64)
    created_at = models.DateTimeField(pgettext_lazy("poll", "voted at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name="one_poll_vote_per_voter")
        ]
        indexes = [
            models.Index(fields=["poll", "address", "created_at"], name="poll_vote_address_idx")
        ]
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")

    def __str__(self):
        return f"{self.poll_id}: {self.voter[:8]}"
