"""The ward portals this installation serves, and the host names each answers on."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .hosts import normalize_host
from .roles import Role
from .theme import DEFAULT_COLOUR, validate_contrast

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits (#rrggbb).")
)


def validate_logo_size(upload):
    if upload.size > 2 * 1024 * 1024:
        raise ValidationError(_("The picture is larger than 2 MB."), code="too_large")


class SiteQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_host(self, host):
        """The active site answering on `host` (any port or case), or None."""
        return self.active().filter(domains__host=normalize_host(host)).first()


class Site(models.Model):
    LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]

    name = models.CharField(_("portal name"), max_length=200)
    office_name = models.CharField(_("office name"), max_length=200, blank=True)
    office_address = models.CharField(_("office address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="sites/", blank=True, validators=[validate_logo_size]
    )
    favicon = models.ImageField(
        _("favicon"), upload_to="sites/", blank=True, validators=[validate_logo_size]
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    theme_colour = models.CharField(
        _("theme colour"),
        max_length=7,
        default=DEFAULT_COLOUR,
        validators=[colour_validator, validate_contrast],
    )
    language = models.CharField(
        _("default language"), max_length=5, choices=LANGUAGES, default="vi"
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    @property
    def office(self):
        return {
            "name": self.office_name or self.name,
            "address": self.office_address,
            "phone": self.phone,
            "fax": self.fax,
            "email": self.email,
        }

    @cached_property
    def fingerprint(self):
        """Changes with anything of the site that its pages show: part of their cache key, so
        editing one ward rebuilds its pages and no other ward's."""
        values = [str(field.value_from_object(self)) for field in self._meta.concrete_fields]
        return hashlib.sha256("\x1f".join(values).encode()).hexdigest()[:8]

    @cached_property
    def primary_host(self):
        return next((domain.host for domain in self.domains.all() if domain.is_primary), "")

    def base_url(self):
        """https://<primary host> for links made without a request (e-mails)."""
        return f"https://{self.primary_host}" if self.primary_host else ""


class Domain(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="domains", verbose_name=_("site")
    )
    host = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        help_text=_("Without http:// and without a port, e.g. phuvan.example.gov.vn."),
    )
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        verbose_name = _("host name")
        verbose_name_plural = _("host names")
        ordering = ["-is_primary", "host"]
        constraints = [
            models.UniqueConstraint(
                fields=["site"],
                condition=models.Q(is_primary=True),
                name="tenancy_one_primary_domain_per_site",
                violation_error_message=_("A site has exactly one primary host name."),
            ),
            models.CheckConstraint(
                condition=models.Q(host=Lower("host")),
                name="tenancy_domain_host_lower_case",
            ),
        ]

    def __str__(self):
        return self.host

    def clean(self):
        try:
            self.host = normalize_host(self.host, strict=True)
        except ValueError as error:
            raise ValidationError({"host": str(error)}) from error


class MembershipQuerySet(models.QuerySet):
    def role_of(self, user, site):
        """The user's role on `site` (a Role value), or None."""
        if site is None or not user.pk:
            return None
        found = self.filter(user=user, site=site).order_by("pk").values_list("role", flat=True)
        return found.first()


class Membership(models.Model):
    """A staff account's role on one site: what it may do in that site's admin."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("site")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("site role")
        verbose_name_plural = _("site roles")
        ordering = ["site", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "site"],
                name="tenancy_one_membership_per_user_and_site",
                violation_error_message=_("This account already has a role on this site."),
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.site}): {self.get_role_display()}"
