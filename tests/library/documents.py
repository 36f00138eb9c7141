"""Small documents of each accepted kind, and impostors, built in memory for upload tests."""

import io
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
