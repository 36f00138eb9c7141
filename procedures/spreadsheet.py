"""Reading the procedures spreadsheet an editor uploads: a CSV file (UTF-8, with or without the
BOM Excel writes; comma, semicolon or tab) or an Excel workbook (XLSX), recognised by its bytes,
never its name. Every refusal is a SpreadsheetError with a Vietnamese message; a broken file is
one of them, never an exception that escapes.

The result is a Sheet: its Rows (the spreadsheet's row number and the text of each known
column), the fields of the columns it has, and the headers it ignored.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from library.attachments import detect_kind
from portal.text import nfc

from .columns import BY_FIELD, column_of

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
# What a workbook of MAX_ROWS rows of long texts may hold once unpacked (a zip bomb does not).
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_COLUMNS = 60
# The text kept between the preview and "Áp dụng" (in the session) at most.
MAX_TEXT = 6 * 1024 * 1024


class SpreadsheetError(ValidationError):
    """A file that cannot be imported; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet program shows it (the header is row 1)
    values: dict  # field -> text (only the columns the file has)


@dataclass(frozen=True)
class Sheet:
    rows: list
    fields: list  # the fields of the recognised columns, in the file's order
    ignored: list  # headers that name no column


def read_spreadsheet(upload):
    """The Sheet of an uploaded file, or SpreadsheetError."""
    if upload.size > MAX_BYTES:
        raise SpreadsheetError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)}
        )
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if not data.strip():
        raise SpreadsheetError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        return sheet_of(workbook_lines(data))
    if data.startswith((b"%PDF", b"\xd0\xcf\x11\xe0")) or detect_kind(io.BytesIO(data)):
        raise SpreadsheetError(
            _("This is not a CSV file nor an Excel workbook (XLSX). An old Excel file (XLS) "
              "must be saved as XLSX first.")
        )  # fmt: skip
    return sheet_of(csv_lines(data))


def csv_lines(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError(
            _(
                "The CSV file is not in UTF-8. In Excel choose “Save as” › “CSV UTF-8 (Comma "
                "delimited)”, or upload the workbook (XLSX) itself."
            )
        ) from None
    if "\x00" in text:
        raise SpreadsheetError(_("This is not a CSV file (it holds binary data)."))
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise SpreadsheetError(
            _("The CSV file could not be read: %(error)s.") % {"error": error}
        ) from None


def workbook_lines(data):
    """The cell values of the first sheet of an XLSX workbook, row by row."""
    from openpyxl import load_workbook  # Only staff importing need it loaded.

    refused = SpreadsheetError(_("This file is not a valid Excel workbook (XLSX)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            declares = unpacked <= MAX_UNPACKED_BYTES and declares_entities(archive)
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        raise refused from None
    if unpacked > MAX_UNPACKED_BYTES or declares or detect_kind(io.BytesIO(data)) != "xlsx":
        raise refused
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            lines = []
            for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                lines.append([cell_text(value) for value in values])
                if len(lines) > MAX_ROWS + 50:
                    break
            return lines
        finally:
            workbook.close()
    except SpreadsheetError:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged workbook; all mean "broken".
        raise refused from None


def declares_entities(archive):
    """Whether a part of the workbook has a DTD (entities that expand: "billion laughs") or is
    not in an ASCII-compatible encoding; a workbook Excel or LibreOffice writes never does.
    openpyxl with defusedxml would refuse them too; this check does not depend on it."""
    for info in archive.infolist():
        if info.is_dir() or not info.filename.lower().endswith((".xml", ".rels")):
            continue
        with archive.open(info) as part:
            head = part.read(4096).upper()
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"\x00" in head:
            return True
    return False


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        # A code typed as a number: 1.001193 stays itself, 2.0001 was 2.000100.
        return f"{value:.6f}" if value != int(value) else str(int(value))
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def sheet_of(lines):
    """Rows under the first non-empty line (the headers), blank lines skipped."""
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if any_text(line)]
    if not numbered:
        raise SpreadsheetError(_("The file has no rows."))
    headers = numbered[0][1]
    fields, ignored = header_fields(headers)
    if len(numbered) - 1 > MAX_ROWS:
        raise SpreadsheetError(
            _("The file has more than %(limit)d rows; split it into several files.")
            % {"limit": MAX_ROWS}
        )
    rows, size = [], 0
    for number, line in numbered[1:]:
        values = {
            field: nfc(str(line[index]).strip()) if index < len(line) else ""
            for index, field in fields.items()
        }
        size += sum(len(value) for value in values.values())
        if size > MAX_TEXT:
            raise SpreadsheetError(_("The file holds too much text; split it into several files."))
        rows.append(Row(number, values))
    if not rows:
        raise SpreadsheetError(_("The file has headers but no procedures under them."))
    return Sheet(rows, list(fields.values()), ignored)


def any_text(line):
    return any(str(cell).strip() for cell in line)


def header_fields(headers):
    """({column index: field} of the recognised headers, [other headers]); refuses a file
    without the name column or with a column twice."""
    fields, ignored = {}, []
    for index, header in enumerate(headers):
        column = column_of(header)
        if column is None:
            if str(header).strip():
                ignored.append(nfc(str(header).strip())[:100])
            continue
        if column.field in fields.values():
            raise SpreadsheetError(
                _("The column “%(header)s” appears twice.") % {"header": column.header}
            )
        fields[index] = column.field
    if "name" not in fields.values():
        raise SpreadsheetError(
            _("The first row must hold the column headers, among them “%(header)s”. Download the "
              "template spreadsheet to see them.") % {"header": BY_FIELD["name"].header}
        )  # fmt: skip
    return fields, ignored
