"""What every model that belongs to one site shares: its site key, a `for_site` filter,
constraints and slugs unique within the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text import vietnamese_slugify


def site_reference(related_name):
    return models.ForeignKey(
        "tenancy.Site",
        on_delete=models.CASCADE,
        related_name=related_name,
        verbose_name=_("site"),
    )


def unique_per_site(label, *fields):
    """A constraint named `<label>_<fields>_per_site`, e.g. label "articles_category"."""
    return models.UniqueConstraint(
        fields=["site", *fields], name=f"{label}_{'_'.join(fields)}_per_site"
    )


class SiteQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)


def unique_slug(instance, text, max_length, fallback):
    """A slug of `text` not used by another row of the instance's model and site ("-2"...)."""
    base = vietnamese_slugify(text, max_length=max_length - 6) or fallback
    others = type(instance)._default_manager.filter(site_id=instance.site_id)
    others = others.exclude(pk=instance.pk)
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
