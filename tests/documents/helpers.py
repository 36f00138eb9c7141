from datetime import date

from documents.demo_files import as_upload, document_pdf
from documents.models import Document, DocumentFile, DocumentType, IssuingBody
from library.attachments import check_upload, store_attachment
from tests.factories import first_site


def make_type(name="Quyết định", site=None):
    site = site or first_site()
    found = DocumentType.objects.filter(site=site, name=name).first()
    return found or DocumentType.objects.create(site=site, name=name)


def make_body(name="UBND phường Phù Vân", site=None):
    site = site or first_site()
    found = IssuingBody.objects.filter(site=site, name=name).first()
    return found or IssuingBody.objects.create(site=site, name=name)


def make_document(number="123/QĐ-UBND", abstract="Ban hành quy chế phường Phù Vân", **fields):
    site = fields.pop("site", None) or first_site()
    fields.setdefault("document_type", make_type(site=site))
    fields.setdefault("issuing_body", make_body(site=site))
    fields.setdefault("issued_on", date(2025, 3, 15))
    return Document.objects.create(site=site, number=number, abstract=abstract, **fields)


def pdf_bytes(text="Quyết định"):
    return document_pdf(
        body_name="UBND phường Phù Vân",
        number="1/QĐ-UBND",
        place_and_date="Phù Vân, 01/02/2025",
        type_name=text,
        abstract="Về việc thử nghiệm",
        paragraphs=("Nội dung.",),
        signer="Nguyễn Văn A",
    )


def attach(document, name="quyet-dinh.pdf", content=None, position=1):
    checked = check_upload(as_upload(name, content or pdf_bytes(document.abstract)))
    attachment, _created = store_attachment(checked, site=document.site)
    return DocumentFile.objects.create(document=document, attachment=attachment, position=position)
