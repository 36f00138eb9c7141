import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from procedures.columns import COLUMNS
from procedures.models import Procedure
from sectors.models import Sector
from tests.factories import first_site

HEADERS = [column.header for column in COLUMNS]


def make_sector(name="Hộ tịch", site=None):
    site = site or first_site()
    return Sector.objects.get_or_create(site=site, name=name)[0]


def make_procedure(name="Đăng ký khai sinh", code="1.001193", site=None, **fields):
    site = site or first_site()
    fields.setdefault("sector", make_sector(site=site))
    fields.setdefault("level", Procedure.Level.FULL)
    fields.setdefault("status", Procedure.Status.PUBLISHED)
    return Procedure.objects.create(site=site, name=name, code=code, **fields)


def csv_upload(rows, headers=None, name="thu-tuc.csv", bom=True):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers or HEADERS[: len(rows[0])] if rows else headers or HEADERS)
    writer.writerows(rows)
    data = ("\ufeff" if bom else "") + buffer.getvalue()
    return SimpleUploadedFile(name, data.encode(), "text/csv")


def xlsx_bytes(headers, rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_upload(headers, rows, name="thu-tuc.xlsx"):
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return SimpleUploadedFile(name, xlsx_bytes(headers, rows), content_type)
