"""What an import from NukeViet remembers: which old row became which object, and which visits
it added to the statistics. These records make a second run skip what the first one did, let an
interrupted run continue, and let the old NukeViet addresses redirect to the new pages."""

from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Category
from comments.models import Comment

MODULES_KEY = "nukeviet:modules"


def imported_modules():
    """The NukeViet modules imported here, into any site (cached: asked by every unknown
    address; the redirects then look only at the request's site)."""
    return cache.get_or_set(
        MODULES_KEY,
        lambda: sorted(set(LegacyObject.objects.values_list("module", flat=True))),
        3600,
    )


def forget_imported_modules():
    cache.delete(MODULES_KEY)


class LegacyObjectQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def for_module(self, module, lang=None):
        found = self.filter(module=module)
        return found.filter(lang=lang) if lang else found

    def old_ids(self, source, kind):
        """{old id: id of the new object} of what was imported from `source`."""
        column = {"category": "category_id", "article": "article_id", "comment": "comment_id"}
        rows = self.filter(source=source, kind=kind).values_list("old_id", column[kind])
        return dict(rows)


class LegacyObject(models.Model):
    """A NukeViet category, article or comment, and what it became here."""

    class Kind(models.TextChoices):
        CATEGORY = "category", _("category")
        ARTICLE = "article", _("article")
        COMMENT = "comment", _("comment")

    site = models.ForeignKey(
        "tenancy.Site",
        on_delete=models.CASCADE,
        related_name="legacy_objects",
        verbose_name=_("site"),
    )
    source = models.CharField(_("imported from"), max_length=120)
    lang = models.CharField(_("language"), max_length=8)
    module = models.CharField(_("module"), max_length=55)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    old_id = models.PositiveBigIntegerField(_("old id"))
    old_alias = models.CharField(_("old alias"), max_length=255, blank=True)
    # The object it became; null once staff delete it (a later run does not bring it back).
    category = models.ForeignKey(
        Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)

    objects = LegacyObjectQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "source", "kind", "old_id"], name="legacy_once_per_site"
            )
        ]
        indexes = [
            models.Index(fields=["site", "module", "kind", "old_id"], name="legacy_by_id_idx"),
            models.Index(
                fields=["site", "module", "kind", "old_alias"], name="legacy_by_alias_idx"
            ),
        ]
        verbose_name = _("imported NukeViet object")
        verbose_name_plural = _("imported NukeViet objects")

    def __str__(self):
        return f"{self.source} {self.kind} #{self.old_id}"


class ImportedVisits(models.Model):
    """Visits an import added to one statistics row (a day or an hour), so that the next run
    adds only the difference."""

    class Period(models.TextChoices):
        DAY = "day", _("day")
        HOUR = "hour", _("hour")

    site = models.ForeignKey(
        "tenancy.Site",
        on_delete=models.CASCADE,
        related_name="imported_visits",
        verbose_name=_("site"),
    )
    source = models.CharField(_("imported from"), max_length=120)
    period = models.CharField(_("period"), max_length=4, choices=Period.choices)
    start = models.CharField(_("start"), max_length=32)
    visits = models.PositiveBigIntegerField(_("visits"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "source", "period", "start"], name="imported_visits_once"
            )
        ]
        verbose_name = _("imported visits")
        verbose_name_plural = _("imported visits")

    def __str__(self):
        return f"{self.source} {self.period} {self.start}: {self.visits}"
