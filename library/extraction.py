"""The plain text of stored documents, so that search finds the words inside them.

PDF (pypdf), DOCX (python-docx: paragraphs, tables, headers), XLSX (openpyxl, read-only,
values only) and ODT/ODS (content.xml read with lxml, entities and network off) give text.
Legacy Word 97-2003 (DOC) and Excel 97-2003 (XLS) files give none: no well-kept library reads
them, and their binary formats are where hostile files hide best.

Uploads are hostile until proven otherwise: ZIP-based files are refused before any member is
read when they declare too many members, too many bytes or a bomb's compression ratio (Python's
zipfile never inflates a member past its declared size); encrypted PDFs give no text; pages,
rows, cells and characters are capped, and reading stops when the time budget is spent (checked
between pages, rows and paragraphs). Nothing here raises: a file that cannot be read gives ""
and a line in the log, and the upload that the content checks accepted is kept.
"""

import logging
import re
import time
import unicodedata
import zipfile

from django.conf import settings

logger = logging.getLogger(__name__)

MAX_PAGES = 500
MAX_ROWS = 20_000
MAX_CELLS = 200_000
MAX_MEMBERS = 2_000
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_MEMBER_BYTES = 50 * 1024 * 1024  # content.xml of an ODT/ODS
MAX_RATIO = 200  # unpacked / packed bytes of one member...
RATIO_FROM_BYTES = 1024 * 1024  # ...once it unpacks to more than this
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # Unicode's Cc and Cs
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_SPACES = {f"{{{ODF_TEXT}}}{name}" for name in ("s", "tab", "line-break")}


class UnsafeArchive(Exception):
    """A ZIP file that declares more than a document would (a "zip bomb")."""


def max_chars():
    return settings.PORTAL_ATTACHMENT_TEXT_MAX_CHARS


def time_budget():
    return settings.PORTAL_ATTACHMENT_TEXT_SECONDS


def check_archive(file):
    """Raise UnsafeArchive unless the ZIP's directory declares what a document could hold."""
    file.seek(0)
    with zipfile.ZipFile(file) as archive:
        members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnsafeArchive(f"{len(members)} members")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnsafeArchive(f"{unpacked} bytes unpacked")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise UnsafeArchive(f"{member.filename}: compression ratio {ratio:.0f}")
    file.seek(0)


def pdf_pieces(file):
    from pypdf import PdfReader

    reader = PdfReader(file, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        logger.info("An encrypted PDF gives no text")
        return
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES:
            return
        yield page.extract_text() or ""


def docx_pieces(file):
    import docx

    check_archive(file)
    document = docx.Document(file)
    yield from block_texts(document)
    seen = set()
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous and id(part._element) not in seen:
                seen.add(id(part._element))
                yield from block_texts(part)


def block_texts(container):
    """The texts of the paragraphs and tables of a document, header or table cell, in order."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    if not cells or cell._tc is not cells[-1]._tc:  # merged cells repeat
                        cells.append(cell)
                for cell in cells:
                    yield from block_texts(cell)
        else:
            yield block.text


def xlsx_pieces(file):
    import openpyxl

    check_archive(file)
    workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    cells = 0
    try:
        for sheet in workbook.worksheets:  # Rows are padded to the declared width: cells count it.
            for row in sheet.iter_rows(max_row=MAX_ROWS, values_only=True):
                values = [str(value) for value in row if value is not None and value != ""]
                cells += len(row)
                yield " ".join(values)
                if cells >= MAX_CELLS:
                    return
    finally:
        workbook.close()


def odf_pieces(file):
    from lxml import etree

    check_archive(file)
    with zipfile.ZipFile(file) as archive:
        info = archive.getinfo("content.xml")
        if info.file_size > MAX_MEMBER_BYTES:
            raise UnsafeArchive(f"content.xml of {info.file_size} bytes")
        content = archive.read(info)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )
    root = etree.fromstring(content, parser)
    for element in root.iter(f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h"):
        yield odf_text(element)


def odf_text(element):
    """An ODF paragraph's text, with its spaces, tabs and line breaks as spaces (and nothing of
    the entity references the parser left unresolved)."""
    parts = [" " if element.tag in ODF_SPACES else "", element.text or ""]
    for child in element:
        parts += [odf_text(child) if isinstance(child.tag, str) else "", child.tail or ""]
    return "".join(parts)


EXTRACTORS = {
    "pdf": pdf_pieces,
    "docx": docx_pieces,
    "xlsx": xlsx_pieces,
    "odt": odf_pieces,
    "ods": odf_pieces,
}


def clean(text):
    """NFC, control characters (NUL included, which PostgreSQL refuses) as spaces, whitespace
    collapsed to single spaces."""
    return " ".join(CONTROL.sub(" ", unicodedata.normalize("NFC", text)).split())


def collect(pieces, limit, seconds):
    """The cleaned text of `pieces` up to `limit` characters, or what came in `seconds`."""
    deadline = time.monotonic() + seconds
    kept, length = [], 0
    for piece in pieces:
        piece = clean(piece[: 2 * (limit - length) + 1])  # Not all of a page of megabytes.
        if piece:
            kept.append(piece)
            length += len(piece) + 1
        if length >= limit:
            break
        if time.monotonic() > deadline:
            logger.warning("Text extraction stopped after %s seconds", seconds)
            break
    return " ".join(kept)[:limit].rstrip()


def extract_text(file, kind):
    """The plain text of `file` (an open binary file of the document kind `kind`, an
    attachments.KINDS key), or "" when the kind gives none or the file cannot be read."""
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        return ""
    pieces = extractor(file)
    try:
        return collect(pieces, max_chars(), time_budget())
    except UnsafeArchive as error:
        logger.warning("The text of this %s file was not read: %s", kind.upper(), error)
    except Exception as error:  # A hostile file may raise anything.
        logger.info("No text read from this %s file: %r", kind.upper(), error)
    finally:
        pieces.close()
        file.seek(0)
    return ""
