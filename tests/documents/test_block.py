"""The "new documents" block, placed on the home page or the sidebar, and the cached pages
showing it made again when a document changes."""

import pytest
from django.core.cache import cache
from django.test import Client

from menus.models import Placement
from tests.documents.helpers import make_document
from tests.factories import first_site

pytestmark = pytest.mark.django_db


def test_the_block_shows_the_newest_documents_and_follows_changes(
    django_capture_on_commit_callbacks,
):
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Placement.objects.create(site=first_site(), area="sidebar", block="documents", order=1)
        make_document("3/TB-UBND", "Thông báo lịch tiếp dân")
    reader = Client()
    html = reader.get("/").content.decode()
    assert "Văn bản mới" in html and "Thông báo 3/TB-UBND" not in html  # type is Quyết định
    assert "Quyết định 3/TB-UBND" in html
    with django_capture_on_commit_callbacks(execute=True):
        make_document("4/QĐ-UBND", "Quyết định mới nhất")
    assert "Quyết định 4/QĐ-UBND" in reader.get("/").content.decode()
