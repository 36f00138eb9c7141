"""The template spreadsheet staff download to fill in: the columns' headers and one example
row, as an Excel workbook (the code column as text, so 1.001190 keeps its last zero) or CSV."""

import csv
import io

from django.http import HttpResponse

from .columns import COLUMNS

KINDS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
EXAMPLE = {
    "code": "1.001193",
    "name": "Đăng ký khai sinh",
    "sector": "Hộ tịch",
    "level": "Toàn trình",
    "submission_place": "Bộ phận Một cửa của Ủy ban nhân dân phường",
    "steps": "Bước 1: Nộp hồ sơ.\nBước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ.",
    "time_limit": "Ngay trong ngày làm việc",
    "fees": "Miễn lệ phí",
    "papers": "Tờ khai đăng ký khai sinh.\nGiấy chứng sinh.",
    "applicants": "Cha, mẹ hoặc người thân thích của trẻ em",
    "result": "Giấy khai sinh",
    "legal_basis": "Luật Hộ tịch năm 2014",
    "national_url": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
    "?ma_thu_tuc=1.001193",
}


def csv_bytes():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in COLUMNS])
    writer.writerow([EXAMPLE[column.field] for column in COLUMNS])
    return "\ufeff".encode() + buffer.getvalue().encode()


def xlsx_bytes():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Thủ tục hành chính"
    sheet.append([column.header for column in COLUMNS])
    sheet.append([EXAMPLE[column.field] for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = 14 if column.max_length <= 120 else 40
    for row in sheet.iter_rows(min_row=2, max_row=MAX_TEXT_ROWS):
        for cell in row:
            cell.number_format = "@"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


MAX_TEXT_ROWS = 200  # rows formatted as text (codes stay text as staff type them)


def response(kind):
    data = xlsx_bytes() if kind == "xlsx" else csv_bytes()
    answer = HttpResponse(data, content_type=KINDS[kind])
    answer["Content-Disposition"] = f'attachment; filename="mau-thu-tuc-hanh-chinh.{kind}"'
    answer["X-Content-Type-Options"] = "nosniff"
    return answer
