"""Moderation of reader comments: the queue of waiting comments, bulk actions, office replies.

Every write keeps the target's public comment count exact: bulk actions and deletions go
through services, and a save from the change form refreshes the count of its target.
"""

from itertools import islice

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.context_processors import identity
from tenancy.admin import SiteScopedAdmin

from . import services, targets
from .admin_targets import KindFilter, TargetFilter, by_target_title, parse_target, target_name
from .export import comments_csv
from .models import Comment

MODERATE_PERMISSION = "comments.moderate_comment"


class StatusFilter(admin.SimpleListFilter):
    """Shows the queue of waiting comments unless another status (or all) is chosen."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.ALL, _("All statuses"))]

    def value(self):
        return super().value() or Comment.Status.PENDING

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())

    def choices(self, changelist):
        # The parent's first choice drops the parameter, which here means the default queue.
        return islice(super().choices(changelist), 1, None)


class CommentModerationForm(forms.ModelForm):
    office_reply = forms.CharField(
        label=_("Reply as the office"),
        required=False,
        max_length=settings.PORTAL_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Published at once under this comment as the office's official reply."),
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "text", "status"]

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if cleaned.get("office_reply") and status and status != Comment.Status.APPROVED:
            self.add_error(
                "office_reply",
                _("Only an approved comment can be answered: approve it to publish your reply."),
            )
        return cleaned


@admin.register(Comment)
class CommentAdmin(SiteScopedAdmin, admin.ModelAdmin):
    form = CommentModerationForm
    list_display = [
        "short_text",
        "author",
        "target_link",
        "status",
        "held_because",
        "created_at",
        "is_official",
    ]
    list_filter = [
        StatusFilter,
        KindFilter,
        TargetFilter,
        ("created_at", admin.DateFieldListFilter),
        "is_official",
    ]
    search_fields = ["name", "email", "text"]
    show_full_result_count = False
    actions = ["approve", "reject", "mark_spam", "export_csv"]
    readonly_fields = [
        "target_link",
        "parent_link",
        "created_at",
        "is_official",
        "held_because",
        "user",
        "address",
    ]

    @admin.display(description=_("comment"))
    def short_text(self, comment):
        return Truncator(comment.text).chars(80)

    @admin.display(description=_("name"), ordering="name")
    def author(self, comment):
        if not comment.email:
            return comment.name
        return format_html("{}<br><small>{}</small>", comment.name, comment.email)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("target")

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        return found | by_target_title(queryset, request.site, search_term.strip()), duplicates

    @admin.display(description=_("page"))
    def target_link(self, comment):
        target = comment.target
        if target is None or not hasattr(target, "get_absolute_url"):
            return str(target or "-")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', target.get_absolute_url(), target
        )

    @admin.display(description=_("reply to"))
    def parent_link(self, comment):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:comments_comment_change", args=[comment.parent_id]),
            comment.parent,
        )

    def get_fieldsets(self, request, obj=None):
        thread = ["target_link", "parent_link"] if obj and obj.parent_id else ["target_link"]
        return [
            (None, {"fields": [*thread, ("name", "email"), "text", "status"]}),
            (_("Reply"), {"fields": ["office_reply"]}),
            (
                _("Record"),
                {
                    "classes": ["collapse"],
                    "fields": [("created_at", "is_official"), "held_because", ("user", "address")],
                },
            ),
        ]

    def get_actions(self, request):
        actions = super().get_actions(request)
        for name in ("delete_selected", "export_csv"):  # after the moderation actions
            if name in actions:
                actions[name] = actions.pop(name)
        return actions

    def has_moderate_permission(self, request):
        return request.user.has_perm(MODERATE_PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.has_moderate_permission(request)

    def save_model(self, request, obj, form, change):
        # The admin wraps the whole change form in one transaction.
        services.save_comment(obj)
        reply = form.cleaned_data.get("office_reply")
        if reply:
            services.reply_as_office(obj, reply, request.user, identity(request)["office"]["name"])
            self.message_user(request, _("The office's reply was published."), messages.SUCCESS)

    def delete_model(self, request, obj):
        services.delete_comments(Comment.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        services.delete_comments(queryset)

    @admin.action(description=_("Approve the selected comments"), permissions=["moderate"])
    def approve(self, request, queryset):
        self.move_to(request, queryset, Comment.Status.APPROVED)

    @admin.action(description=_("Reject the selected comments"), permissions=["moderate"])
    def reject(self, request, queryset):
        self.move_to(request, queryset, Comment.Status.REJECTED)

    @admin.action(description=_("Mark the selected comments as spam"), permissions=["moderate"])
    def mark_spam(self, request, queryset):
        self.move_to(request, queryset, Comment.Status.SPAM)

    def move_to(self, request, queryset, status):
        changed = services.set_status(queryset, status)
        message = ngettext(
            "%(count)d comment moved to “%(status)s”.",
            "%(count)d comments moved to “%(status)s”.",
            changed,
        ) % {"count": changed, "status": Comment.Status(status).label}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Export the selected comments (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return comments_csv(queryset, _("comments"))

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_target)
        return [
            path("xuat/<slug:key>/<int:pk>/", export, name="comments_comment_export"),
            *super().get_urls(),
        ]

    def export_target(self, request, key, pk):
        """The comments of one target of the site as CSV: Xuất ý kiến (CSV)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        kind = targets.get(key)
        if kind is None:
            raise Http404
        target = get_object_or_404(kind.model._default_manager.filter(site=request.site), pk=pk)
        comments = self.get_queryset(request).for_target(target)
        return comments_csv(comments, str(target))

    def changelist_view(self, request, extra_context=None):
        """Filtered by one target, the list offers the export of all its comments."""
        extra_context = extra_context or {}
        value = request.GET.get(TargetFilter.parameter_name)
        if value:
            try:
                kind, pk = parse_target(value)
            except IncorrectLookupParameters:
                kind = None
            if kind is not None:
                extra_context["export_url"] = reverse(
                    "admin:comments_comment_export", args=[kind.key, pk]
                )
                extra_context["export_name"] = target_name(kind, pk)
        return super().changelist_view(request, extra_context)
