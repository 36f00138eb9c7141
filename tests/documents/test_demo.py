"""The demo: types, bodies, about thirty documents with their PDFs, links, two drafts; seeding
again adds nothing."""

import pytest

from documents.demo import seed
from documents.models import Document, DocumentType
from sectors.demo import seed as seed_sectors
from tests.factories import first_site

pytestmark = pytest.mark.django_db


def test_the_demo_is_complete_and_idempotent():
    site = first_site()
    seed_sectors(site)
    added = seed(site)
    documents = Document.objects.for_site(site)
    assert added == documents.count() >= 30
    assert DocumentType.objects.for_site(site).count() == 9
    assert documents.issued().values("document_type").distinct().count() >= 6
    assert documents.exclude(sector=None).count() == documents.count()
    assert all(document.files.count() == 1 for document in documents)
    first = documents.get(number="15/QĐ-UBND")
    assert first.status == Document.Status.EXPIRED and first.replaced_by.exists()
    assert documents.filter(status=Document.Status.PARTLY).exists()
    drafts = list(documents.drafts())
    assert sorted(draft.comments_open() for draft in drafts) == [False, True]
    assert "phu van" in first.search_files or "quy che" in first.search_files
    assert seed(site) == 0
    assert Document.objects.for_site(site).count() == added
