"""The comments of a target as a CSV file that Excel opens with its Vietnamese intact."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.text import vietnamese_slugify

# Excel reads a CSV file as UTF-8 only when it starts with the byte order mark.
BOM = "\ufeff"


def header():
    return [_("Sender's name"), _("E-mail"), _("Time"), _("Status"), _("Reply to"), _("Opinion")]


def row(comment):
    written = timezone.localtime(comment.created_at).strftime("%d/%m/%Y %H:%M")
    return [
        comment.name,
        comment.email,
        written,
        comment.get_status_display(),
        comment.parent_id or "",
        safe_cell(comment.text),
    ]


def safe_cell(text):
    """A cell that a spreadsheet would read as a formula is kept as text."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def comments_csv(comments, name):
    """An attachment `<name>.csv` with the comments, oldest first."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(header())
    for comment in comments.order_by("created_at", "pk"):
        writer.writerow(row(comment))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"{vietnamese_slugify(name, max_length=60) or 'y-kien'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
