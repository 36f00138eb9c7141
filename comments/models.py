import hashlib
import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import fold, nfc
from tenancy.scoping import SiteQuerySet, site_reference

SPACES = re.compile(r"\s+")


def same_text(text):
    """The text as the duplicate rule compares it: case, accents and spacing ignored."""
    return SPACES.sub(" ", fold(text)).strip()


def text_key(text):
    return hashlib.sha256(same_text(text).encode()).hexdigest()


class CommentQuerySet(SiteQuerySet):
    def for_target(self, target):
        content_type = ContentType.objects.get_for_model(target)
        return self.filter(content_type=content_type, object_id=target.pk)

    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def threads(self, target, oldest_first=False):
        """The approved first-level comments on a target, newest first unless asked."""
        order = ["created_at", "pk"] if oldest_first else ["-created_at", "-pk"]
        return self.approved().for_target(target).filter(parent=None).order_by(*order)

    def replies_to(self, roots):
        return self.approved().filter(parent__in=roots).order_by("created_at", "pk")


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    site = site_reference("comments")
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of page"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("page id"))
    target = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email"), blank=True)
    text = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    is_official = models.BooleanField(_("official reply of the office"), default=False)
    held_because = models.CharField(_("held because"), max_length=200, blank=True)
    address = models.CharField(_("address (hashed)"), max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    # What the duplicate rule looks up: the SHA-256 of same_text(text), set on save.
    text_key = models.CharField(max_length=64, editable=False, default="")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "status", "created_at"],
                name="comment_target_thread_idx",
            ),
            models.Index(fields=["email", "created_at"], name="comment_email_idx"),
            models.Index(
                fields=["content_type", "object_id", "text_key"], name="comment_target_text_idx"
            ),
            models.Index(fields=["site", "status", "created_at"], name="comment_site_status_idx"),
        ]
        permissions = [("moderate_comment", _("Can moderate reader comments"))]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.name, self.text = nfc(self.name.strip()), nfc(self.text.strip())
        self.text_key = text_key(self.text)
        if self.site_id is None and self.object_id is not None:
            self.site_id = self.target.site_id
        if self.parent_id and self.parent.parent_id:
            self.parent_id = self.parent.parent_id
        super().save(*args, **kwargs)
