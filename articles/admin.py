from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from library.admin_revisions import RestoreRevisionMixin, RevisionInline
from tenancy.admin import SiteScopedAdmin

from . import services
from .admin_forms import ArticleAdminForm
from .caching import touch_article
from .models import Article, ArticleRevision, Category, Tag, Vote

__all__ = ["ArticleAdmin", "CategoryAdmin", "TagAdmin", "VoteAdmin"]

PUBLISH_PERMISSION = "articles.publish_article"
# Scheduling belongs to publishers: an editor's draft carries the time it was written.
PUBLISHER_ONLY_FIELDS = ("status", "publish_at", "expire_at", "is_featured")


def visibility_once_published(article, now):
    if article.expire_at and article.expire_at <= now:
        return _("Expired")
    if article.publish_at > now:
        return _("Scheduled")
    return _("Public")


@admin.register(Category)
class CategoryAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "parent", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active", "parent"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ArticleRevisionInline(RevisionInline):
    model = ArticleRevision
    parent = "article"


@admin.register(Article)
class ArticleAdmin(RestoreRevisionMixin, SiteScopedAdmin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "category",
        "visibility",
        "publish_at",
        "author_byline",
        "view_count",
        "ratings",
        "public_link",
    ]
    list_filter = [
        "status",
        "category",
        ("author_byline", admin.AllValuesFieldListFilter),
        ("publish_at", admin.DateFieldListFilter),
        "is_featured",
    ]
    search_fields = ["title", "summary", "author_byline", "source"]
    date_hierarchy = "publish_at"
    list_select_related = ["category__parent"]
    autocomplete_fields = ["tags"]
    filter_horizontal = ["extra_categories"]
    readonly_fields = [
        "view_count",
        "rating_sum",
        "rating_count",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    inlines = [ArticleRevisionInline]
    revision_inline = ArticleRevisionInline
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Picture"), {"fields": [("cover_image", "cover_alt")]}),
        (
            _("Classification"),
            {"fields": ["category", "extra_categories", "tags", ("author_byline", "source")]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    ("status", "publish_at", "expire_at"),
                    ("allow_comments", "allow_rating", "is_featured"),
                ]
            },
        ),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": [
                    ("view_count", "rating_sum", "rating_count"),
                    ("created_at", "created_by", "updated_at", "updated_by"),
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        hidden = Category.objects.hidden().filter(pk=OuterRef("category"))
        return super().get_queryset(request).annotate(in_hidden_category=Exists(hidden))

    def is_public(self, article):
        return article.is_public() and not getattr(article, "in_hidden_category", False)

    @admin.display(description=_("Visibility"))
    def visibility(self, article):
        if article.status == Article.Status.DRAFT:
            return _("Draft")
        if getattr(article, "in_hidden_category", False):
            return _("In a hidden category")
        return visibility_once_published(article, timezone.now())

    @admin.display(description=_("Ratings"), ordering="rating_count")
    def ratings(self, article):
        if not article.rating_count:
            return "0"
        url = reverse("admin:articles_vote_changelist") + f"?article__id__exact={article.pk}"
        return format_html(
            '<a href="{}">{} / {}</a>', url, article.rating_sum, article.rating_count
        )

    @admin.display(description=_("Public page"))
    def public_link(self, article):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            article.get_absolute_url(),
            _("Open") if self.is_public(article) else _("Preview"),
        )

    def can_publish(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_publish_permission(self, request):
        return self.can_publish(request)

    def has_change_permission(self, request, obj=None):
        """Editors write and edit drafts; only publishers touch what is published."""
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.status != Article.Status.DRAFT:
            return self.can_publish(request)
        return allowed

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.can_publish(request):
            fields += PUBLISHER_ONLY_FIELDS
        return fields

    def save_model(self, request, obj, form, change):
        if obj.status != Article.Status.DRAFT and not self.can_publish(request):
            raise PermissionDenied
        services.save_article(obj, request.user)

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        """The publisher first sees each article's publication date, then keeps them or
        publishes everything now."""
        if "publish_now" in request.POST:
            self._set_status(request, queryset, Article.Status.PUBLISHED, timezone.now())
        elif "keep_dates" in request.POST:
            self._set_status(request, queryset, Article.Status.PUBLISHED)
        else:
            return self._confirm_publishing(request, queryset)
        return None

    @admin.action(description=_("Unpublish the selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Article.Status.DRAFT)

    def _confirm_publishing(self, request, queryset):
        now = timezone.now()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Publish articles"),
            "articles": [
                (article, visibility_once_published(article, now)) for article in queryset
            ],
        }
        return TemplateResponse(
            request, "admin/articles/article/publish_confirmation.html", context
        )

    def _set_status(self, request, queryset, status, publish_at=None):
        count = services.set_status(queryset, status, request.user, publish_at)
        self.message_user(request, _("Updated %(n)d articles.") % {"n": count})

    def restore(self, revision, user):
        return services.restore_revision(revision, user)


@admin.register(Vote)
class VoteAdmin(SiteScopedAdmin, admin.ModelAdmin):
    """Votes can be looked at and removed (the article's totals follow), never edited."""

    site_path = "article__site"
    list_display = ["article", "score", "created_at", "voter_short"]
    list_filter = ["score", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["article__title"]
    list_select_related = ["article"]
    readonly_fields = ["article", "score", "voter", "address", "created_at"]

    @admin.display(description=_("voter (hashed)"))
    def voter_short(self, vote):
        return f"{vote.voter[:12]}…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        self.delete_queryset(request, Vote.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        """The articles' cached pages show the new totals once the deletion commits."""
        articles = Article.objects.filter(pk__in=queryset.values("article"))
        slugs = list(articles.values_list("site_id", "slug"))
        services.remove_votes(queryset)
        for site_id, slug in slugs:
            touch_article(site_id, slug)
