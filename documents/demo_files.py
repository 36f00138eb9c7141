"""The PDF of a demo document: a one-page official letter made with fpdf2, in a Unicode font so
the Vietnamese text shows."""

from datetime import UTC, datetime
from functools import lru_cache

from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)


@lru_cache(maxsize=256)
def document_pdf(*, body_name, number, place_and_date, type_name, abstract, paragraphs, signer):
    """The bytes of a PDF laid out like a ward's document (`paragraphs` a tuple). Kept in
    memory: making one takes about 0.2 s (the font is subset), and the test suite seeds the
    same demo many times."""
    pdf = FPDF(format="A4")
    pdf.set_title(f"{type_name} {number}")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", BOLD_FONT)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(90, 6, body_name.upper())
    pdf.cell(0, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(90, 6, f"Số: {number}" if number else "DỰ THẢO")
    pdf.cell(0, 6, "Độc lập - Tự do - Hạnh phúc", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, place_and_date, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 14)
    pdf.cell(0, 8, type_name.upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, abstract, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(0, 6, signer, align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def as_upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")
