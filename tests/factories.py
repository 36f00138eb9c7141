from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Category, Tag
from tenancy.models import Site


def first_site():
    return Site.objects.order_by("pk").first()


def make_category(name="Tin tức - Sự kiện", parent=None, site=None, **fields):
    site = site or (parent.site if parent else first_site())
    return Category.objects.create(name=name, parent=parent, site=site, **fields)


def make_article(category=None, title="Hội nghị tổng kết năm của phường", site=None, **fields):
    fields.setdefault("status", Article.Status.PUBLISHED)
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    fields.setdefault("summary", "Tóm tắt bài viết.")
    fields.setdefault("body", "<p>Nội dung bài viết.</p>")
    category = category or make_category(site=site)
    return Article.objects.create(
        category=category, title=title, site=site or category.site, **fields
    )


def make_tag(name="Chuyển đổi số", site=None, **fields):
    return Tag.objects.create(name=name, site=site or first_site(), **fields)
