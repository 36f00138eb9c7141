"""Visitor statistics kept for good: one row per day and per hour, and daily breakdowns.

Monthly and all-time figures are sums of the daily rows, so nothing is ever reset. The rows are
written only by the buffered counters' flush (stats/counting.py), never inside a request. Each
row is one site's: its figures are counted and shown per site.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyVisits(models.Model):
    site = models.ForeignKey(
        "tenancy.Site",
        on_delete=models.CASCADE,
        related_name="daily_visits",
        verbose_name=_("site"),
    )
    day = models.DateField(_("day"))
    visits = models.PositiveBigIntegerField(_("visits"), default=0)
    page_views = models.PositiveBigIntegerField(_("page views"), default=0)
    unique_visitors = models.PositiveBigIntegerField(_("unique visitors"), default=0)
    bot_hits = models.PositiveBigIntegerField(_("search engine hits"), default=0)

    class Meta:
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["site", "day"], name="daily_visits_unique")]
        permissions = [("view_reports", _("Can view visitor statistics reports"))]
        verbose_name = _("visitor report")
        verbose_name_plural = _("visitor reports")

    def __str__(self):
        return f"{self.day:%d/%m/%Y}"


class HourlyVisits(models.Model):
    """One local hour (Asia/Ho_Chi_Minh), for the report of today and the last days."""

    site = models.ForeignKey(
        "tenancy.Site",
        on_delete=models.CASCADE,
        related_name="hourly_visits",
        verbose_name=_("site"),
    )
    hour = models.DateTimeField(_("hour"))
    visits = models.PositiveBigIntegerField(_("visits"), default=0)
    page_views = models.PositiveBigIntegerField(_("page views"), default=0)
    bot_hits = models.PositiveBigIntegerField(_("search engine hits"), default=0)

    class Meta:
        ordering = ["-hour"]
        constraints = [
            models.UniqueConstraint(fields=["site", "hour"], name="hourly_visits_unique")
        ]
        verbose_name = _("hour of visits")
        verbose_name_plural = _("hours of visits")

    def __str__(self):
        return f"{self.hour:%d/%m/%Y %H:00}"


class DailyBreakdown(models.Model):
    """How many visits (or bot hits, for `bot`) of a day had this browser, OS, device..."""

    class Dimension(models.TextChoices):
        BROWSER = "browser", _("Browser")
        OS = "os", _("Operating system")
        DEVICE = "device", _("Device")
        REFERRER = "referrer", _("Referrer")
        BOT = "bot", _("Search engine")

    site = models.ForeignKey(
        "tenancy.Site",
        on_delete=models.CASCADE,
        related_name="daily_breakdowns",
        verbose_name=_("site"),
    )
    day = models.DateField(_("day"))
    dimension = models.CharField(_("dimension"), max_length=10, choices=Dimension.choices)
    value = models.CharField(_("value"), max_length=100)
    count = models.PositiveBigIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["-day", "dimension", "-count"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "day", "dimension", "value"], name="breakdown_unique"
            )
        ]
        verbose_name = _("breakdown")
        verbose_name_plural = _("breakdowns")

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.dimension}={self.value}: {self.count}"
