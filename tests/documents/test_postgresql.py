"""On PostgreSQL a search reads the GIN index of the generated tsvector column, and finds
numbers and words the same way as elsewhere."""

import pytest
from django.db import connection

from documents.models import Document
from documents.search import matching
from tests.documents.helpers import attach, make_document

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text index"),
]


def test_a_search_uses_the_gin_index():
    make_document()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = matching(Document.objects.all(), "123 qd ubnd").explain()
    assert "document_search_vector_idx" in plan, plan


def test_numbers_words_and_file_text_are_matched_whole():
    wanted = make_document("123/QĐ-UBND", "Quy chế phường Phù Vân")
    make_document("1123/QĐ-UBND", "Văn bản khác")
    attach(wanted, "Phụ lục hộ nghèo.pdf")
    documents = Document.objects.all()
    for query in ("123 qd ubnd", "123/qđ-ubnd", "phu van", "ho ngheo", "QĐ 123"):
        assert list(matching(documents, query)) == [wanted], query
    assert list(matching(documents, "phu van khong")) == []
