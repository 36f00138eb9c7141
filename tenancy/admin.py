from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .admin_memberships import MembershipInline
from .models import Domain, Site
from .overview import overview


def has_site_field(model):
    return any(field.name == "site" for field in model._meta.concrete_fields)


class SiteScopedAdmin:
    """A content admin showing only the rows of the request's site (the admin runs on each
    site's own host): lists, search, filters, autocomplete, object ids typed into URLs (a
    missing object), the choices of related rows; a new row gets the request's site.

    `site_path` is the lookup from the model to its site: "site", or e.g. "article__site"."""

    site_path = "site"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(**{self.site_path: request.site})

    def get_list_filter(self, request):
        """A filter on a related row offers only those that the site's rows use."""
        return [self.scoped_filter(entry) for entry in super().get_list_filter(request)]

    def scoped_filter(self, entry):
        if isinstance(entry, str) and "__" not in entry:
            field = self.model._meta.get_field(entry)
            if field.is_relation:
                return (entry, admin.RelatedOnlyFieldListFilter)
        return entry

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return self.scoped_choices(
            super().formfield_for_foreignkey(db_field, request, **kwargs), request
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return self.scoped_choices(
            super().formfield_for_manytomany(db_field, request, **kwargs), request
        )

    def scoped_choices(self, formfield, request):
        queryset = getattr(formfield, "queryset", None)
        if queryset is not None and has_site_field(queryset.model):
            formfield.queryset = queryset.filter(site=request.site)
        return formfield

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        return [*exclude, "site"] if self.site_path == "site" else exclude

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if self.site_path != "site":
            return form
        return type(form)(form.__name__, (SiteForm, form), {"site": request.site})


class SiteForm:
    """A model form whose instance gets the request's site before it is validated, so that
    uniqueness per site (a slug) is checked by the form, not met as a database error."""

    site = None

    def _get_validation_exclusions(self):
        return super()._get_validation_exclusions() - {"site"}

    def _post_clean(self):
        if self.instance.site_id is None:
            self.instance.site = self.site
        super()._post_clean()


class DomainFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if sum(bool(form.cleaned_data.get("is_primary")) for form in kept) != 1:
            raise ValidationError(_("Mark exactly one host name as primary."))


class DomainInline(admin.TabularInline):
    model = Domain
    formset = DomainFormSet
    extra = 1


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    inlines = [DomainInline]
    list_display = ["name", "primary_host", "colour", "logo_preview", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "domains__host"]
    fieldsets = [
        (None, {"fields": ["name", "is_active", "language"]}),
        (_("Office"), {"fields": ["office_name", "office_address", "phone", "fax", "email"]}),
        (_("Appearance"), {"fields": ["logo", "favicon", "theme_colour", "footer_text"]}),
    ]

    def get_urls(self):
        overview = path(
            "tong-quan/",
            self.admin_site.admin_view(self.overview_view),
            name="tenancy_site_overview",
        )
        return [overview, *super().get_urls()]

    def overview_view(self, request):
        return overview(request, self.admin_site, self.get_queryset(request))

    def get_queryset(self, request):
        sites = super().get_queryset(request).prefetch_related("domains")
        return sites if request.user.is_superuser else sites.filter(pk=request.site.pk)

    def get_inlines(self, request, obj):
        """Roles are given on a site that exists; its host names are the province's to set."""
        domains = [DomainInline] if request.user.is_superuser else []
        return [*domains, MembershipInline] if obj else domains

    def get_readonly_fields(self, request, obj=None):
        return [] if request.user.is_superuser else ["is_active"]

    def has_module_permission(self, request):
        return request.user.is_superuser or request.user.has_perm("tenancy.change_site")

    def has_view_permission(self, request, obj=None):
        """A site administrator edits the settings of the site whose admin they are in."""
        if request.user.is_superuser:
            return True
        own = obj is None or obj.pk == request.site.pk
        return own and request.user.has_perm("tenancy.change_site")

    has_change_permission = has_view_permission

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    @admin.display(description=_("primary host name"))
    def primary_host(self, site):
        return site.primary_host

    @admin.display(description=_("theme colour"))
    def colour(self, site):
        return format_html(
            '<span class="site-colour" data-colour="{0}">{0}</span>', site.theme_colour
        )

    @admin.display(description=_("logo"))
    def logo_preview(self, site):
        if not site.logo:
            return "-"
        return format_html('<img src="{}" alt="" height="32">', site.logo.url)
