"""CSV downloads that spreadsheets open safely: every export of the site goes through here."""

import csv
from decimal import Decimal

from django.http import HttpResponse

# A cell starting with one of these is a formula in Excel and LibreOffice (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """A number stays a number; text a spreadsheet would run as a formula gets a leading
    apostrophe, which shows it as text."""
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(filename, header, rows):
    """UTF-8 with a byte order mark, so that Excel shows the Vietnamese right."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerows([neutralised(cell) for cell in row] for row in [header, *rows])
    return response
