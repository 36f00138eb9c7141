"""What a revision of a text written in the editor keeps (articles, pages); an app's revision
model adds the key to what it revises and the other fields it keeps. Its admin:
admin_revisions.py."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .html import sanitize_html
from .models import staff_reference


class Revision(models.Model):
    """The title and body a text had before one of its saves."""

    title = models.CharField(_("title"), max_length=250)
    body = models.TextField(_("body"), blank=True)
    created_at = models.DateTimeField(_("saved at"), default=timezone.now, db_index=True)
    created_by = staff_reference(_("saved by"))

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.created_at):%d/%m/%Y %H:%M})"

    @property
    def safe_body(self):
        return sanitize_html(self.body)
