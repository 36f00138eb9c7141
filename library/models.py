from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import fold, query_words
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site


def staff_reference(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


class Picture(models.Model):
    """An uploaded picture of the media library, stored under its content hash.

    Its table keeps the name it had in the articles app, where the library began."""

    site = site_reference("pictures")
    file = models.ImageField(
        _("file"), upload_to="pictures/", width_field="width", height_field="height"
    )
    sha256 = models.CharField(max_length=64, editable=False)
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    byte_size = models.PositiveIntegerField(editable=False, default=0)
    alt = models.CharField(_("description (alt text)"), max_length=250, blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    uploaded_by = staff_reference(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    objects = SiteQuerySet.as_manager()

    class Meta:
        db_table = "articles_picture"
        ordering = ["-uploaded_at", "-pk"]
        constraints = [unique_per_site("articles_picture", "sha256")]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def __str__(self):
        return self.alt or self.caption or self.file.name


class AttachmentQuerySet(SiteQuerySet):
    def without_text(self):
        """Rows without their (up to 200,000 characters) texts, for lists and downloads."""
        return self.defer("text", "search_text")

    def matching(self, query):
        """Those whose title, file name or text holds every word of `query`, diacritics or not
        ("quyet dinh" finds "Quyết định"); none for a query without words."""
        words = query_words(query)
        if not words:
            return self.none()
        return self.filter(*(models.Q(search_text__contains=word) for word in words))


class Attachment(models.Model):
    """A document (PDF, Word, Excel, OpenDocument) that texts link to, stored under a generated
    name and downloaded under its original one.

    `text` is the plain text read from the file when it was stored (library/extraction.py);
    `search_text` is its title, file name and text folded (portal.text.fold) for search."""

    site = site_reference("attachments")
    file = models.FileField(_("file"), upload_to="attachments/", max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    title = models.CharField(_("title"), max_length=255, blank=True)
    byte_size = models.PositiveBigIntegerField(_("size"), editable=False, default=0)
    sha256 = models.CharField(max_length=64, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, editable=False)
    uploaded_by = staff_reference(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    text = models.TextField(_("text content"), blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [unique_per_site("library_attachment", "sha256")]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.original_name

    def save(self, *args, update_fields=None, **kwargs):
        self.search_text = searchable(self)
        if update_fields is not None:
            update_fields = {*update_fields, "search_text"}
        super().save(*args, update_fields=update_fields, **kwargs)

    def get_absolute_url(self):
        return reverse("library:attachment", args=[self.pk])


def searchable(attachment):
    return fold(f"{attachment.title} {attachment.original_name} {attachment.text}")
