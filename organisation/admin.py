"""The organisation in the admin: units in tree order with their people inline, people on
their own list, the organisation's profile; English fields in a collapsed "Tiếng Anh" group."""

from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db.models import Case, IntegerField, Value, When
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tenancy.admin import SiteScopedAdmin

from .models import Organisation, Person, Unit


def in_english(*fields):
    return (_("English"), {"classes": ["collapse"], "fields": list(fields)})


def unit_tree(request):
    """The site's units in tree order, once per request: (position, depth) expressions."""
    if not hasattr(request, "_unit_tree"):
        ordered = Unit.objects.for_site(request.site).tree_order()
        request._unit_tree = tuple(
            Case(
                *(When(pk=unit.pk, then=Value(value(n, unit))) for n, unit in enumerate(ordered)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for value in (lambda n, unit: n, lambda n, unit: unit.depth)
        )
    return request._unit_tree


class UnitChangeList(ChangeList):
    """The units' list in tree order, each with its depth (other views need neither)."""

    def get_queryset(self, request, exclude_parameters=None):
        units = super().get_queryset(request, exclude_parameters)
        return units.annotate(tree_depth=unit_tree(request)[1])

    def get_ordering(self, request, queryset):
        return [unit_tree(request)[0], "pk"]


class PersonInline(admin.TabularInline):
    model = Person
    fields = [
        "name",
        "position_vi",
        "position_en",
        "phone",
        "email",
        "photo",
        "order",
        "is_contact_point",
    ]
    extra = 1
    ordering = ["order", "pk"]


@admin.register(Unit)
class UnitAdmin(SiteScopedAdmin, admin.ModelAdmin):
    inlines = [PersonInline]
    list_display = ["indented_name", "kind", "order", "phone", "email", "public_link"]
    list_editable = ["order"]
    list_filter = ["kind"]
    search_fields = ["name_vi", "name_en"]
    sortable_by = []
    fieldsets = [
        (None, {"fields": ["name_vi", "slug", "parent", "order", "kind", "other_kind_vi"]}),
        (_("Functions and tasks"), {"fields": ["functions_vi"]}),
        (_("Contact"), {"fields": ["address_vi", "phone", "fax", "email"]}),
        in_english("name_en", "other_kind_en", "functions_en", "address_en"),
    ]

    def get_changelist(self, request, **kwargs):
        return UnitChangeList

    @admin.display(description=_("name"))
    def indented_name(self, unit):
        return format_html("{}{}", "— " * getattr(unit, "tree_depth", 0), unit.name)

    @admin.display(description=_("On the site"))
    def public_link(self, unit):
        return format_html('<a href="{}">{}</a>', unit.get_absolute_url(), _("View"))

    def save_formset(self, request, form, formset, change):
        for person in formset.save(commit=False):
            person.site_id = form.instance.site_id
            person.save()
        for person in formset.deleted_objects:
            person.delete()
        formset.save_m2m()


@admin.register(Person)
class PersonAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "position", "unit", "phone", "email", "is_contact_point", "order"]
    list_editable = ["is_contact_point", "order"]
    list_filter = ["unit", "is_contact_point"]
    list_select_related = ["unit"]
    search_fields = ["name", "position_vi", "position_en", "email", "phone"]
    ordering = ["unit__order", "unit", "order", "pk"]
    fieldsets = [
        (None, {"fields": ["name", "unit", "position_vi", "order", "is_contact_point"]}),
        (_("Contact"), {"fields": ["phone", "email", "photo"]}),
        in_english("position_en"),
    ]


class OrganisationForm(forms.ModelForm):
    site = None  # the request's (tenancy.admin.SiteForm)

    def validate_unique(self):
        """A second profile is refused with a message, not as an error on the hidden site."""
        others = Organisation.objects.filter(site=self.site).exclude(pk=self.instance.pk)
        if others.exists():
            self.add_error(None, _("This site has its organisation profile already: edit it."))
            return
        super().validate_unique()


@admin.register(Organisation)
class OrganisationAdmin(SiteScopedAdmin, admin.ModelAdmin):
    form = OrganisationForm
    list_display = ["__str__", "site"]
    fieldsets = [
        (None, {"fields": ["name_vi", "address_vi", "introduction_vi"]}),
        in_english("name_en", "address_en", "introduction_en"),
    ]
