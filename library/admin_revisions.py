"""The admin's list of an object's revisions, and its restore page after a confirmation."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


def restore_url_name(model):
    return f"{model._meta.app_label}_{model._meta.model_name}_restore"


class RevisionInline(admin.TabularInline):
    """`parent`: the name of the revision's key to what it revises ("article", "page")."""

    parent = ""
    fields = ["created_at", "created_by", "title", "restore_link"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ["-created_at", "-pk"]
    verbose_name_plural = _("History (earlier versions)")

    @admin.display(description=_("Restore"))
    def restore_link(self, revision):
        if not revision.pk:
            return ""
        parent_id = getattr(revision, f"{self.parent}_id")
        url = reverse(f"admin:{restore_url_name(self.parent_model)}", args=[parent_id, revision.pk])
        return format_html('<a href="{}">{}</a>', url, _("View and restore"))


class RestoreRevisionMixin:
    """A model admin's restore page for one of its object's revisions, after a confirmation.
    `revision_inline` names the revision model and its key; `restore(revision, user)` is the
    app's service that puts the text back."""

    revision_inline = RevisionInline

    def restore(self, revision, user):
        raise NotImplementedError

    def get_urls(self):
        restore = self.admin_site.admin_view(self.restore_revision_view)
        route = "<int:object_id>/revisions/<int:revision_id>/restore/"
        name = restore_url_name(self.model)
        return [path(route, restore, name=name), *super().get_urls()]

    def restore_revision_view(self, request, object_id, revision_id):
        parent = self.revision_inline.parent
        revision = get_object_or_404(
            self.revision_inline.model.objects.select_related(parent, "created_by"),
            pk=revision_id,
            **{parent: object_id, f"{parent}__site": request.site},
        )
        revised = getattr(revision, parent)
        if not self.has_change_permission(request, revised):
            raise PermissionDenied
        opts = self.model._meta
        if request.method == "POST":
            self.restore(revision, request.user)
            messages.success(request, _("The earlier version was restored."))
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", revised.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            parent: revised,
            "revision": revision,
            "title": _("Restore an earlier version"),
        }
        template = f"admin/{opts.app_label}/{opts.model_name}/restore_revision.html"
        return TemplateResponse(request, template, context)
