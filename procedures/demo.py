"""Demo procedures (idempotent: adds only those the site does not have, by code)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from library.attachments import check_upload, store_attachment
from portal.text import fold
from sectors.models import Sector

from .demo_content import DVC, ONE_DOOR, PROCEDURES
from .models import Procedure, ProcedureForm


def pdf_form(title):
    """A one-page PDF whose page says `title` (ASCII), as a form to download."""
    stream = f"BT /F1 18 Tf 72 720 Td ({title}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    return bytes(out)


def attach_form(procedure, title):
    upload = SimpleUploadedFile(f"{title}.pdf", pdf_form(fold(title)), "application/pdf")
    attachment, _created = store_attachment(check_upload(upload), site=procedure.site, title=title)
    ProcedureForm.objects.create(procedure=procedure, attachment=attachment)


def seed(site, second_ward=False):
    known = set(Procedure.objects.for_site(site).values_list("code", flat=True))
    sectors = {sector.name: sector for sector in Sector.objects.for_site(site)}
    added = 0
    for spec in PROCEDURES:
        if spec["code"] in known:
            continue
        fields = {key: value for key, value in spec.items() if key not in ("sector", "form")}
        fields.setdefault("submission_place", ONE_DOOR)
        sector = sectors.get(spec["sector"])
        if sector is None:
            sector = sectors[spec["sector"]] = Sector.objects.create(site=site, name=spec["sector"])
        procedure = Procedure.objects.create(
            site=site, sector=sector, national_url=DVC.format(spec["code"]), **fields
        )
        if spec.get("form"):
            attach_form(procedure, spec["form"])
        added += 1
    return added
