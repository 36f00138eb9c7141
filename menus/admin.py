from django.contrib import admin, messages
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from tenancy.admin import SiteScopedAdmin

from . import blocks, services
from .admin_forms import MenuItemForm, PlacementForm
from .models import Link, Menu, MenuItem, Placement

SORTABLE = "menus/js/sortable-inline.js"


class MenuItemInline(admin.TabularInline):
    """Rows dragged by their handle are renumbered (sortable-inline.js); without JavaScript
    staff type the order numbers."""

    model = MenuItem
    form = MenuItemForm
    extra = 1
    fields = ["handle", "label", "destination", "url", "parent", "order", "is_active"]
    readonly_fields = ["handle"]

    class Media:
        js = [SORTABLE]
        css = {"all": ["menus/css/admin.css"]}

    @admin.display(description=_("move"))
    def handle(self, item):
        return format_html(
            '<button type="button" class="sortable-handle" aria-label="{}">⇅</button>',
            _("Move this row (drag it, or use the up and down arrow keys)"),
        )

    def get_queryset(self, request):
        """Each top-level item followed by its sub-items, as the menu shows them."""
        items = super().get_queryset(request).filter(menu__site=request.site)
        return items.select_related("parent").order_by(
            Coalesce("parent__order", "order"),
            Coalesce("parent_id", "id"),
            F("parent_id").asc(nulls_first=True),
            "order",
            "pk",
        )

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        form = type(formset.form)(
            formset.form.__name__, (formset.form,), {"site": request.site, "menu": obj}
        )
        formset.form = form
        return formset


@admin.register(Menu)
class MenuAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["__str__", "item_labels"]
    search_fields = ["items__label"]
    inlines = [MenuItemInline]
    change_list_template = "admin/menus/menu/change_list.html"

    @admin.display(description=_("items"))
    def item_labels(self, menu):
        labels = [item.label for item in menu.items.all() if item.parent_id is None]
        return ", ".join(labels) or "-"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("items")

    def get_urls(self):
        start = path(
            "bat-dau/",
            self.admin_site.admin_view(require_POST(self.start_view)),
            name="menus_menu_start",
        )
        return [start, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        has_header = Menu.objects.for_site(request.site).filter(place=Menu.Place.HEADER)
        extra_context = {
            **(extra_context or {}),
            "can_start": self.has_add_permission(request) and not has_header.exists(),
        }
        return super().changelist_view(request, extra_context)

    def start_view(self, request):
        if not self.has_add_permission(request):
            return redirect("admin:menus_menu_changelist")
        menu = services.start_header_from_defaults(request.site)
        if menu is None:
            return redirect("admin:menus_menu_changelist")
        messages.success(request, _("The header menu was made from the current navigation."))
        return redirect("admin:menus_menu_change", menu.pk)


@admin.register(Link)
class LinkAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["title", "placement", "order", "starts_at", "ends_at", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["placement", "is_active"]
    search_fields = ["title", "url"]
    fields = ["title", "url", "logo", "placement", "order", "starts_at", "ends_at", "is_active"]


@admin.register(Placement)
class PlacementAdmin(SiteScopedAdmin, admin.ModelAdmin):
    form = PlacementForm
    list_display = ["__str__", "area", "option_label", "order", "is_enabled"]
    list_editable = ["order", "is_enabled"]
    list_filter = ["area"]
    change_list_template = "admin/menus/placement/change_list.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.site = request.site
        return form

    @admin.display(description=_("option"))
    def option_label(self, placement):
        found = blocks.block(placement.block)
        if not placement.option or found is None or found.options is None:
            return placement.option or "-"
        return dict(found.options(placement.site)).get(placement.option, placement.option)

    def get_urls(self):
        start = path(
            "mac-dinh/",
            self.admin_site.admin_view(require_POST(self.start_view)),
            name="menus_placement_start",
        )
        return [start, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        saved = Placement.objects.for_site(request.site).exists()
        extra_context = {
            **(extra_context or {}),
            "can_start": self.has_add_permission(request) and not saved,
        }
        return super().changelist_view(request, extra_context)

    @transaction.atomic
    def start_view(self, request):
        if self.has_add_permission(request) and services.start_layout_from_defaults(request.site):
            messages.success(request, _("The default layout was saved: edit it below."))
        return redirect("admin:menus_placement_changelist")
