from django.contrib import admin

from .models import Article, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active", "parent"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "status", "publish_at", "is_featured"]
    list_filter = ["status", "is_featured", "category"]
    search_fields = ["title", "summary", "author_byline"]
    date_hierarchy = "publish_at"
    list_select_related = ["category"]
    readonly_fields = ["created_at", "updated_at", "created_by", "updated_by"]
    fields = [
        "title",
        "slug",
        "category",
        "summary",
        "body",
        ("cover_image", "cover_alt"),
        ("author_byline", "source"),
        ("status", "publish_at", "expire_at"),
        ("allow_comments", "allow_rating", "is_featured"),
        ("created_at", "created_by", "updated_at", "updated_by"),
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
