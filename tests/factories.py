from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Category


def make_category(name="Tin tức - Sự kiện", parent=None, **fields):
    return Category.objects.create(name=name, parent=parent, **fields)


def make_article(category=None, title="Hội nghị tổng kết năm của phường", **fields):
    fields.setdefault("status", Article.Status.PUBLISHED)
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    fields.setdefault("summary", "Tóm tắt bài viết.")
    fields.setdefault("body", "<p>Nội dung bài viết.</p>")
    return Article.objects.create(category=category or make_category(), title=title, **fields)
