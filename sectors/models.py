"""The fields of work of a ward ("lĩnh vực": land, civil status, construction...): one list per
site, shared by the kinds of content that are filed under a field (documents, procedures,
questions), so that a citizen finds everything about one field under the same name."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text import nfc
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site, unique_slug


class SectorQuerySet(SiteQuerySet):
    def in_order(self):
        return self.order_by("position", "name", "pk")


class Sector(models.Model):
    site = site_reference("sectors")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("address"), max_length=130, blank=True, allow_unicode=False)
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = SectorQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name", "pk"]
        constraints = [
            unique_per_site("sectors_sector", "name"),
            unique_per_site("sectors_sector", "slug"),
        ]
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name.strip())
        if not self.slug:
            self.slug = unique_slug(self, self.name, 130, "linh-vuc")
        super().save(*args, **kwargs)
