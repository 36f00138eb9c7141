from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Domain, Site


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
        (_("Office"), {"fields": ["office_name", "office_address", "phone", "email"]}),
        (_("Appearance"), {"fields": ["logo", "favicon", "theme_colour", "footer_text"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("domains")

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission

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
