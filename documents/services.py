"""Writes that touch more than one row: the searchable text of a document's files, and what a
document's replacing or amending others does to their status."""

from django.db import transaction

from portal.text import nfc

from .folding import folded_words
from .models import Document, DocumentFile

# A tsvector holds at most 1 MB; the first pages of the files are what searches need.
MAX_FILE_TEXT = 200_000


def file_text(document):
    """The folded text of the document's files: their names, titles and extracted text
    (`Attachment.text` where library has it)."""
    files = DocumentFile.objects.filter(document=document).select_related("attachment")
    parts = []
    for document_file in files:
        attachment = document_file.attachment
        parts += [attachment.title, attachment.original_name.rsplit(".", 1)[0]]
        parts.append(getattr(attachment, "text", "") or "")
    return folded_words(nfc(" ".join(parts)))[:MAX_FILE_TEXT]


def refresh_file_text(document):
    text = file_text(document)
    if text != document.search_files:
        Document.objects.filter(pk=document.pk).update(search_files=text)
        document.search_files = text


@transaction.atomic
def apply_links(document):
    """Documents that a published document replaces are wholly out of force; those it amends
    and that were in force are partly out of force. Staff may set them back by hand."""
    if not document.is_published or document.is_draft():
        return
    replaced = document.replaces.exclude(status=Document.Status.EXPIRED)
    for old in replaced:
        old.status = Document.Status.EXPIRED
        old.save(update_fields=["status", "updated_at"])
    amended = document.amends.filter(status=Document.Status.IN_FORCE)
    for old in amended:
        old.status = Document.Status.PARTLY
        old.save(update_fields=["status", "updated_at"])
