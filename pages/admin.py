from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from library.admin_revisions import RestoreRevisionMixin, RevisionInline
from tenancy.admin import SiteScopedAdmin

from . import services
from .models import Page, PageRevision

PUBLISH_PERMISSION = "pages.publish_page"
# Publishing belongs to publishers: an editor writes and edits drafts.
PUBLISHER_ONLY_FIELDS = ("status", "publish_at")
INDENT = "\u00a0\u00a0\u00a0\u00a0"


def indented(page):
    """The title moved right by its depth, so the list and the parent choices read as a tree."""
    return f"{INDENT * (page.depth - 1)}└ {page.title}" if page.depth > 1 else page.title


class PageRevisionInline(RevisionInline):
    model = PageRevision
    parent = "page"


@admin.register(Page)
class PageAdmin(RestoreRevisionMixin, SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["tree_title", "order", "status", "updated_at", "public_link"]
    list_display_links = ["tree_title"]
    list_editable = ["order"]
    list_filter = ["status"]
    list_select_related = ["updated_by"]
    ordering = ["tree_key"]
    search_fields = ["title", "search_title"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    inlines = [PageRevisionInline]
    revision_inline = PageRevisionInline
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", ("parent", "order"), "body"]}),
        (_("Publishing"), {"fields": [("status", "publish_at")]}),
        (_("Search engine optimisation"), {"fields": ["seo_title", "seo_description"]}),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": [("created_at", "created_by", "updated_at", "updated_by")],
            },
        ),
    ]

    @admin.display(description=_("title"), ordering="tree_key")
    def tree_title(self, page):
        return indented(page)

    @admin.display(description=_("Public page"))
    def public_link(self, page):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            page.get_absolute_url(),
            _("Open") if page.status == Page.Status.PUBLISHED else _("Preview"),
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "parent":
            field.queryset = field.queryset.order_by("tree_key")
            field.label_from_instance = indented
        return field

    def can_publish(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_publish_permission(self, request):
        return self.can_publish(request)

    def has_change_permission(self, request, obj=None):
        """Editors write and edit drafts; only publishers touch what is published."""
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.status != Page.Status.DRAFT:
            return self.can_publish(request)
        return allowed

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if self.can_publish(request) else fields + list(PUBLISHER_ONLY_FIELDS)

    def get_changelist_instance(self, request):
        """Reordering moves published pages: publishers' work."""
        changelist = super().get_changelist_instance(request)
        if not self.can_publish(request):
            changelist.list_editable = ()
        return changelist

    def save_model(self, request, obj, form, change):
        if obj.status != Page.Status.DRAFT and not self.can_publish(request):
            raise PermissionDenied
        services.save_page(obj, request.user)

    @admin.action(description=_("Publish the selected pages"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Page.Status.PUBLISHED)

    @admin.action(description=_("Unpublish the selected pages"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Page.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        count = services.set_status(queryset, status, request.user)
        self.message_user(request, _("Updated %(n)d pages.") % {"n": count})

    def restore(self, revision, user):
        return services.restore_revision(revision, user)
