"""The columns of the procedures spreadsheet (import and template), and how a header cell is
recognised: case, diacritics, spaces and punctuation do not matter ("Ma thu tuc", "MÃ THỦ
TỤC", "Mã thủ tục:" are the same column)."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.text import fold


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # as the template spreadsheet writes it (Vietnamese, the national database's)
    aliases: tuple = ()
    max_length: int = 20000
    help: str = ""


COLUMNS = [
    Column("code", "Mã thủ tục", ("Mã TTHC", "Mã số", "Mã"), 40,
           _("The code on the national procedures database, e.g. 1.001193; rows are matched by "
             "it (by the name when empty).")),
    Column("name", "Tên thủ tục", ("Tên TTHC", "Tên thủ tục hành chính", "Tên"), 500,
           _("Required.")),
    Column("sector", "Lĩnh vực", ("Lĩnh vực thực hiện",), 120,
           _("A field of work of the site; a name the site does not have yet is added to its "
             "fields of work.")),
    Column("level", "Mức độ", ("Mức độ DVC", "Mức độ dịch vụ công", "Mức độ DVCTT"), 200,
           _("Toàn trình, Một phần or Chỉ cung cấp thông tin (also 4, 3, 2).")),
    Column("submission_place", "Nơi tiếp nhận", ("Cơ quan thực hiện", "Địa chỉ tiếp nhận")),
    Column("steps", "Trình tự thực hiện", ("Trình tự",)),
    Column("time_limit", "Thời hạn giải quyết", ("Thời hạn",)),
    Column("fees", "Phí, lệ phí", ("Phí lệ phí", "Lệ phí", "Phí")),
    Column("papers", "Thành phần hồ sơ", ("Hồ sơ",)),
    Column("applicants", "Đối tượng thực hiện", ("Đối tượng",)),
    Column("result", "Kết quả thực hiện", ("Kết quả",)),
    Column("legal_basis", "Căn cứ pháp lý", ()),
    Column("national_url", "Địa chỉ trên Cổng DVC quốc gia",
           ("Đường dẫn Cổng DVC quốc gia", "Liên kết DVC", "Cổng DVC quốc gia", "URL", "Link"),
           500, _("A web address starting with https://.")),
]  # fmt: skip
BY_FIELD = {column.field: column for column in COLUMNS}
NOT_LETTERS = re.compile(r"[^a-z0-9]+")


def header_key(text):
    """The letters and digits of a header, folded: "Phí, lệ phí" -> "philephi"."""
    return NOT_LETTERS.sub("", fold(str(text or "")))


HEADERS = {
    header_key(name): column
    for column in COLUMNS
    for name in (column.header, column.field, *column.aliases)
}


def column_of(header):
    return HEADERS.get(header_key(header))
