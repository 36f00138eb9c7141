from datetime import timedelta

from django.utils import timezone

from pages.models import Page
from tests.factories import first_site


def make_page(title="Giới thiệu", parent=None, site=None, **fields):
    fields.setdefault("status", Page.Status.PUBLISHED)
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    fields.setdefault("body", f"<p>Nội dung trang {title}.</p>")
    site = site or (parent.site if parent else first_site())
    return Page.objects.create(title=title, parent=parent, site=site, **fields)


def about_tree(site=None):
    """ "Giới thiệu" with two sub-pages, the second with one of its own: (root, first, second,
    grandchild)."""
    root = make_page("Giới thiệu", site=site, slug="gioi-thieu")
    second = make_page("Lịch sử hình thành", parent=root, order=2, slug="lich-su-hinh-thanh")
    first = make_page("Giới thiệu chung", parent=root, order=1, slug="gioi-thieu-chung")
    grandchild = make_page("Thời kỳ đổi mới", parent=second, order=1, slug="thoi-ky-doi-moi")
    return root, first, second, grandchild
