"""Messages readers send to the office or one of its units through the contact page."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import nfc
from tenancy.scoping import SiteQuerySet, site_reference

# Reference numbers readers quote: no letters a reader would confuse (0/O, 1/I/L, 2/Z, 5/S, 8/B).
REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
REFERENCE_LENGTH = 8


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class ContactMessageQuerySet(SiteQuerySet):
    def waiting(self):
        """New messages nobody has taken up yet."""
        return self.filter(status=ContactMessage.Status.NEW)

    def open(self):
        return self.filter(status__in=[ContactMessage.Status.NEW, ContactMessage.Status.HANDLING])


class ContactMessage(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        HANDLING = "handling", _("Being handled")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    site = site_reference("contact_messages")
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_messages",
        help_text=_("Empty: the office as a whole."),
    )
    reference = models.CharField(
        _("reference number"), max_length=12, unique=True, default=new_reference, editable=False
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"))
    wants_copy = models.BooleanField(_("asked for a copy"), default=False, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("internal notes"), blank=True, help_text=_("Never sent."))
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # The keyed hash of the sender's address (portal.visitors.address_hash), for the flood
    # limits: never the address itself.
    address = models.CharField(_("address (hashed)"), max_length=64, blank=True, editable=False)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["site", "status", "created_at"], name="contact_inbox_idx"),
            models.Index(fields=["address", "created_at"], name="contact_address_idx"),
            models.Index(fields=["email", "created_at"], name="contact_email_idx"),
        ]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return f"{self.reference}: {self.subject}"

    def save(self, *args, **kwargs):
        self.name, self.subject = nfc(self.name.strip()), nfc(self.subject.strip())
        self.message, self.email = nfc(self.message.strip()), self.email.strip().lower()
        super().save(*args, **kwargs)

    def recipient(self):
        """The address the message goes to: its unit's e-mail, else the site's."""
        return (self.unit.email if self.unit else "") or self.site.email
