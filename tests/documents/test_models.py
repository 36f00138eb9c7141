"""Documents: statuses, replacing and amending, drafts' deadlines, folded search columns."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from documents.models import Document
from documents.services import apply_links
from library.models import Attachment
from tests.documents.helpers import attach, make_document

pytestmark = pytest.mark.django_db


def test_saving_fills_the_folded_columns_and_a_slug():
    document = make_document("123/QĐ-UBND", "Quy chế của phường Phù Vân")
    assert document.search_number == "123 qd ubnd"
    assert "phu van" in document.search_text
    assert document.slug.startswith("123-qd-ubnd")


def test_reserved_addresses_are_never_a_documents_slug():
    document = make_document("", "Dự thảo", opinion_until=timezone.now())
    assert document.slug not in {"du-thao", "rss"}


def test_a_document_needs_a_number_and_a_date_but_a_draft_does_not():
    document = make_document("", "Không số", issued_on=None)
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert {"number", "issued_on"} <= set(error.value.message_dict)
    document.opinion_until = timezone.now()
    document.full_clean()


def test_the_status_readers_see():
    today = timezone.localdate()
    pending = make_document("1/QĐ-UBND", effective_on=today + timedelta(days=3))
    assert pending.current_status()[0] == Document.PENDING
    in_force = make_document("2/QĐ-UBND", effective_on=today)
    assert in_force.current_status()[0] == Document.Status.IN_FORCE
    documents = Document.objects.all()
    assert list(documents.with_status(Document.PENDING)) == [pending]
    assert list(documents.with_status(Document.Status.IN_FORCE)) == [in_force]


def test_replacing_and_amending_set_the_old_documents_status_and_reverse_links():
    old = make_document("1/QĐ-UBND", "Quy chế cũ")
    amended = make_document("2/KH-UBND", "Kế hoạch")
    new = make_document("3/QĐ-UBND", "Quy chế mới")
    new.replaces.add(old)
    new.amends.add(amended)
    apply_links(new)
    old.refresh_from_db()
    amended.refresh_from_db()
    assert old.status == Document.Status.EXPIRED
    assert amended.status == Document.Status.PARTLY
    assert list(old.replaced_by.all()) == [new]
    assert list(amended.amended_by.all()) == [new]
    assert list(new.replaced_by.all()) == []


def test_a_draft_is_open_until_its_deadline():
    open_draft = make_document("", "Dự thảo A", opinion_until=timezone.now() + timedelta(days=1))
    closed = make_document("", "Dự thảo B", opinion_until=timezone.now() - timedelta(days=1))
    ordinary = make_document()
    assert open_draft.comments_open() and not closed.comments_open()
    assert not ordinary.comments_open()
    closed.show_opinions = True
    assert closed.comments_public() and not open_draft.comments_public()


def test_file_text_follows_the_files(monkeypatch):
    document = make_document()
    document_file = attach(document, name="Phụ lục danh sách hộ nghèo.pdf")
    document.refresh_from_db()
    assert "phu luc danh sach ho ngheo" in document.search_files
    document_file.delete()
    document.refresh_from_db()
    assert document.search_files == ""


@pytest.mark.skipif(
    not any(field.name == "text" for field in Attachment._meta.fields),
    reason="library's Attachment.text (extracted text) has not landed yet",
)
def test_text_extracted_later_from_a_file_is_searched():
    document = make_document()
    attachment = attach(document).attachment
    attachment.text = "Danh sách hộ cận nghèo tổ dân phố 5"  # as library's extraction will fill
    attachment.save()
    document.refresh_from_db()
    assert "ho can ngheo to dan pho 5" in document.search_files
