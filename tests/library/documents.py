"""Small documents of each accepted kind, and impostors, built in memory for upload tests."""

import io
import logging
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_TYPES = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
}


def pdf_bytes(text="Quyết định số 12/QĐ-UBND", padding=0):
    return b"%PDF-1.7\n%" + text.encode() + b"\n" + b"0" * padding + b"\n%%EOF\n"


def ole2_bytes(stream, directory_sector=None):
    """An OLE2 file naming `stream`; its directory in `directory_sector` (512-byte sectors, as
    large files have it, past the first megabyte) or else near the start."""
    name = stream.encode("utf-16-le")
    if directory_sector is None:
        return OLE2 + b"\x00" * 504 + name + b"\x00" * 64
    header = bytearray(OLE2 + b"\x00" * 504)
    header[30:32] = (9).to_bytes(2, "little")
    header[48:52] = directory_sector.to_bytes(4, "little")
    padding = b"\x00" * ((directory_sector + 1) * 512 - len(header))
    return bytes(header) + padding + name + b"\x00" * (512 - len(name))


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return buffer.getvalue()


def ooxml_bytes(kind, content_type=None):
    part, suffix = OOXML_TYPES[kind]
    content_type = content_type or f"application/vnd.openxmlformats-officedocument.{suffix}"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
    )
    return zip_bytes({"[Content_Types].xml": types, part: "<document/>"})


def odf_bytes(kind):
    mimetype = {"odt": "text", "ods": "spreadsheet"}[kind]
    return zip_bytes(
        {"mimetype": f"application/vnd.oasis.opendocument.{mimetype}", "content.xml": "<c/>"}
    )


DOCUMENTS = {
    "pdf": pdf_bytes,
    "doc": lambda: ole2_bytes("WordDocument"),
    "xls": lambda: ole2_bytes("Workbook"),
    "docx": lambda: ooxml_bytes("docx"),
    "xlsx": lambda: ooxml_bytes("xlsx"),
    "odt": lambda: odf_bytes("odt"),
    "ods": lambda: odf_bytes("ods"),
}


def upload_of(data, name="van-ban.pdf", content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


# Real documents with text, made with the libraries that write them (for text extraction).

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DECISION = (
    "Quyết định số 15/QĐ-UBND về việc phê duyệt kế hoạch phát triển kinh tế - xã hội năm 2025 "
    "của Ủy ban nhân dân phường Phù Vân"
)


def real_pdf(*pages, user_password=None):
    """A PDF with one page per text (DejaVu Sans, so Vietnamese is kept); encrypted (RC4) when
    `user_password` is given."""
    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # Its font subsetting is chatty.
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=DEJAVU)
    pdf.set_font("DejaVu", size=12)
    if user_password:
        pdf.set_encryption(owner_password="chu-so-huu", user_password=user_password)
    for text in pages or [DECISION]:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def real_docx(paragraphs=(DECISION,), table=(), header=""):
    """A DOCX with paragraphs, then a table of `table` rows, and a header text."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    if header:
        document.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def real_xlsx(rows, sheets=1):
    import openpyxl

    workbook = openpyxl.Workbook()
    for number in range(sheets):
        sheet = workbook.active if number == 0 else workbook.create_sheet(f"Trang {number + 1}")
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ODF_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>{doctype}'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">'
    "<office:body>{body}</office:body></office:document-content>"
)


def real_odf(kind, body, doctype=""):
    """An ODT or ODS whose office:body is `body` (XML using the text: and table: prefixes)."""
    mimetype = {"odt": "text", "ods": "spreadsheet"}[kind]
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="application/vnd.oasis.opendocument.{mimetype}"/>'
        "</manifest:manifest>"
    )
    return zip_bytes(
        {
            "mimetype": f"application/vnd.oasis.opendocument.{mimetype}",
            "content.xml": ODF_CONTENT.format(doctype=doctype, body=body),
            "META-INF/manifest.xml": manifest,
        }
    )


def bomb_docx(megabytes=64):
    """A real DOCX plus a member of `megabytes` of zeros: some 64 kB on disk."""
    buffer = io.BytesIO(real_docx())
    with (
        zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/image1.png", "w", force_zip64=True) as member,
    ):
        for _number in range(megabytes):
            member.write(b"\x00" * (1024 * 1024))
    return buffer.getvalue()


def declaring_docx(size=3 * 1024**3):
    """A real DOCX whose directory declares that word/document.xml unpacks to `size` bytes."""
    data = bytearray(real_docx())
    name = b"word/document.xml"
    entry = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02"))
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.find(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = size.to_bytes(4, "little")
    return bytes(data)
