"""A site's menus (header navigation, footer links), its link blocks ("Liên kết website"), and
the layout of the blocks its home page and sidebar show."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _

from library.picture_fields import PictureField
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site

from . import blocks, registry
from .addresses import validate_address, validate_web_address


class Menu(models.Model):
    class Place(models.TextChoices):
        HEADER = "header", _("header navigation")
        FOOTER = "footer", _("footer links")

    site = site_reference("menus")
    place = models.CharField(_("place"), max_length=20, choices=Place.choices)

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        ordering = ["place"]
        constraints = [unique_per_site("menus_menu", "place")]

    def __str__(self):
        return str(self.get_place_display()).capitalize()


class MenuItem(models.Model):
    """An item pointing to a registered kind of row (`kind` and `target`: "category", "12"), a
    list of the portal ("list", "home"), an address ("url"), or nothing: a heading over its
    sub-items."""

    menu = models.ForeignKey(
        Menu, on_delete=models.CASCADE, related_name="items", verbose_name=_("menu")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("under"),
        help_text=_("Leave empty for a top-level item; one level of sub-items."),
    )
    label = models.CharField(_("label"), max_length=100)
    kind = models.CharField(_("kind of link"), max_length=40, blank=True)
    target = models.CharField(_("target"), max_length=100, blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True, validators=[validate_address])
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("shown"), default=True)

    class Meta:
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label

    def clean(self):
        if self.kind == registry.URL and not self.url:
            raise ValidationError({"url": _("Enter the address this item leads to.")})
        parent = self.parent
        if parent is None:
            return
        if parent.parent_id or parent.pk == self.pk:
            raise ValidationError({"parent": _("Choose a top-level item: one level only.")})
        if parent.menu_id != self.menu_id:
            raise ValidationError({"parent": _("Choose an item of the same menu.")})
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("This item has sub-items of its own: it stays at the top level.")}
            )


class LinkQuerySet(SiteQuerySet):
    def shown(self, now):
        started = Q(starts_at__isnull=True) | Q(starts_at__lte=now)
        not_ended = Q(ends_at__isnull=True) | Q(ends_at__gt=now)
        return self.filter(started, not_ended, is_active=True)

    def next_change(self, now):
        """When a link next appears or leaves by itself (None: nothing is due)."""
        active = self.filter(is_active=True)
        found = [
            active.filter(starts_at__gt=now).aggregate(moment=Min("starts_at"))["moment"],
            active.filter(ends_at__gt=now).aggregate(moment=Min("ends_at"))["moment"],
        ]
        found = [moment for moment in found if moment]
        return min(found) if found else None


class Link(models.Model):
    """A link of the "Liên kết website" blocks: text, or a logo picture with the title as its
    alternative text."""

    class Placement(models.TextChoices):
        SIDEBAR = "sidebar", _("sidebar")
        HOME = "home", _("home page")
        FOOTER = "footer", _("footer")

    site = site_reference("links")
    title = models.CharField(_("title"), max_length=200)
    url = models.CharField(_("address"), max_length=500, validators=[validate_web_address])
    logo = PictureField(
        _("logo"),
        blank=True,
        alt_field="title",
        width_field="logo_width",
        height_field="logo_height",
        help_text=_("Optional: a picture shown instead of the title (the title is its text)."),
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    placement = models.CharField(
        _("placement"), max_length=20, choices=Placement.choices, default=Placement.SIDEBAR
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    starts_at = models.DateTimeField(_("shown from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("shown until"), null=True, blank=True)
    is_active = models.BooleanField(_("shown"), default=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("website link")
        verbose_name_plural = _("website links")
        ordering = ["placement", "order", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})


class Placement(models.Model):
    """A block shown in an area (home page, sidebar) of a site, in an order."""

    class Area(models.TextChoices):
        HOME = blocks.HOME, _("home page")
        SIDEBAR = blocks.SIDEBAR, _("sidebar")

    site = site_reference("block_placements")
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    block = models.CharField(_("block"), max_length=50)
    option = models.CharField(_("option"), max_length=100, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_enabled = models.BooleanField(_("shown"), default=True)

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("block of the layout")
        verbose_name_plural = _("layout of blocks")
        ordering = ["area", "order", "pk"]
        constraints = [unique_per_site("menus_placement", "area", "block", "option")]

    def __str__(self):
        found = blocks.block(self.block)
        return str(found.label) if found else self.block

    def clean(self):
        found = blocks.block(self.block)
        if found is None or self.area not in found.areas:
            raise ValidationError({"block": _("This block cannot be placed in this area.")})
        if self.option and (
            found.options is None or self.option not in dict(found.options(self.site))
        ):
            raise ValidationError({"option": _("Choose one of the options of this block.")})
