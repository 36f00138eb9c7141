from django.db.models.signals import m2m_changed, post_delete, post_save

from library.models import Attachment

from .caching import touch
from .models import Document, DocumentFile, DocumentType, IssuingBody
from .services import refresh_file_text


def forget_cached_pages(instance, **kwargs):
    touch(instance.site_id)


def files_changed(instance, raw=False, **kwargs):
    """A file added, moved or removed changes the document's page and its searchable text."""
    if raw:
        return
    document = Document.objects.filter(pk=instance.document_id).first()
    if document is not None:
        refresh_file_text(document)
        touch(document.site_id)


def attachment_changed(instance, raw=False, **kwargs):
    """A file's title or extracted text (`Attachment.text`, filled by library) changed."""
    if raw:
        return
    for document in Document.objects.filter(document_files__attachment=instance).distinct():
        refresh_file_text(document)
        touch(document.site_id)


def links_changed(instance, **kwargs):
    touch(instance.site_id)


for model in (Document, DocumentType, IssuingBody):
    post_save.connect(forget_cached_pages, sender=model, dispatch_uid=f"documents-save-{model}")
    post_delete.connect(forget_cached_pages, sender=model, dispatch_uid=f"documents-del-{model}")
post_save.connect(files_changed, sender=DocumentFile, dispatch_uid="documents-file-save")
post_delete.connect(files_changed, sender=DocumentFile, dispatch_uid="documents-file-delete")
post_save.connect(attachment_changed, sender=Attachment, dispatch_uid="documents-attachment")
for through in (Document.replaces.through, Document.amends.through):
    m2m_changed.connect(links_changed, sender=through, dispatch_uid=f"documents-links-{through}")
