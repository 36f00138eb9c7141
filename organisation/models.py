"""The office and its people: the units of a ward's political system (Party committee,
People's Council, People's Committee, Fatherland Front and the offices under them) as a tree,
and the people who work in them, some of them the agency's points of contact (Decree 42/2022,
article 6). Names, functions and positions are kept in English too (translation.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from library.html import EDITOR_EXTENSIONS, sanitize_html
from library.picture_fields import PictureField
from library.renditions import with_renditions
from portal.text import nfc
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site, unique_slug

# How deep the structure goes: a committee, its offices, their teams, and one more.
TREE_DEPTH = 4


def rich_text(verbose_name):
    return ProseEditorField(
        verbose_name, blank=True, config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )


def localized_names(field):
    """`field` and its column in each language (name, name_vi, name_en)."""
    return [field] + [build_localized_fieldname(field, code) for code, _name in settings.LANGUAGES]


def normalize(instance, *fields):
    for name in fields:
        for attname in localized_names(name):
            value = instance.__dict__.get(attname)
            if isinstance(value, str):
                instance.__dict__[attname] = nfc(value.strip())


def sanitize(instance, field):
    for attname in localized_names(field):
        value = instance.__dict__.get(attname)
        if value:
            instance.__dict__[attname] = sanitize_html(nfc(value))


def in_default_language(instance, field):
    return getattr(instance, build_localized_fieldname(field, settings.LANGUAGE_CODE))


class Organisation(models.Model):
    """What the organisation page says of the office as a whole, beside the site's own office
    name and address (tenancy.Site), which an empty field here falls back to."""

    site = models.OneToOneField(
        "tenancy.Site",
        on_delete=models.CASCADE,
        related_name="organisation",
        verbose_name=_("site"),
    )
    name = models.CharField(_("name of the office"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    introduction = rich_text(_("introduction"))

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")

    def __str__(self):
        return self.name or self.site.office_name or self.site.name

    def save(self, *args, **kwargs):
        normalize(self, "name", "address")
        sanitize(self, "introduction")
        super().save(*args, **kwargs)

    @property
    def safe_introduction(self):
        return with_renditions(sanitize_html(self.introduction))


class UnitQuerySet(SiteQuerySet):
    def tree_order(self):
        """Units with `depth`, parents before their children, siblings by order then name:
        how the chart and the admin list show them. Evaluates the query."""
        units = list(self)
        children = {}
        for unit in units:
            children.setdefault(unit.parent_id, []).append(unit)
        known = {unit.pk for unit in units}
        roots = [unit for unit in units if unit.parent_id not in known]
        ordered = []

        def walk(unit, depth):
            unit.depth = depth
            ordered.append(unit)
            for child in children.get(unit.pk, []):
                walk(child, depth + 1)

        for root in roots:
            walk(root, 0)
        return ordered


class Unit(models.Model):
    class Kind(models.TextChoices):
        PARTY_COMMITTEE = "party_committee", _("Party committee")
        PEOPLES_COUNCIL = "peoples_council", _("People's Council")
        PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
        FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front committee")
        OFFICE = "office", _("Office or division")
        OTHER = "other", _("Other")

    site = site_reference("units")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=210,
        blank=True,
        help_text=_("The unit's address on the site; empty: made from the Vietnamese name."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OFFICE)
    other_kind = models.CharField(
        _("other kind"), max_length=100, blank=True, help_text=_("When the kind is “Other”.")
    )
    functions = rich_text(_("functions and tasks"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(
        _("official e-mail"), blank=True, help_text=_("Contact messages to the unit go here.")
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [unique_per_site("organisation_unit", "slug")]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        normalize(self, "name", "other_kind", "address", "phone", "fax")
        sanitize(self, "functions")
        if not self.slug:
            name = in_default_language(self, "name") or self.name
            self.slug = unique_slug(self, name, max_length=210, fallback="don-vi")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organisation:unit", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.parent.site_id != self.site_id:
            raise ValidationError({"parent": _("The parent unit belongs to another site.")})
        ancestor, depth = self.parent, 1
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A unit cannot be placed under itself.")})
            ancestor, depth = ancestor.parent, depth + 1
        if depth > TREE_DEPTH:
            raise ValidationError(
                {"parent": _("Units go at most %(depth)d levels deep.") % {"depth": TREE_DEPTH}}
            )

    @property
    def kind_label(self):
        return self.other_kind if self.kind == self.Kind.OTHER and self.other_kind else ""

    @property
    def safe_functions(self):
        return with_renditions(sanitize_html(self.functions))


class PersonQuerySet(SiteQuerySet):
    def contact_points(self):
        return self.filter(is_contact_point=True)


class Person(models.Model):
    site = site_reference("people")
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="people"
    )
    name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("official e-mail"), blank=True)
    photo = PictureField(
        _("photo"),
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        alt_field="name",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_contact_point = models.BooleanField(
        _("point of contact"),
        default=False,
        help_text=_("An official the public may contact for the agency (Decree 42/2022, art. 6)."),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["site", "unit", "order"], name="person_unit_order_idx")]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        normalize(self, "name", "position", "phone")
        if self.site_id is None and self.unit_id is not None:
            self.site_id = self.unit.site_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.unit_id and self.site_id and self.unit.site_id != self.site_id:
            raise ValidationError({"unit": _("The unit belongs to another site.")})
