"""Documents that texts link to: what kind a file is, read from its bytes (never its name), and
how it is stored (under a generated name, once per site and content).

PDF starts with "%PDF-"; Word 97-2003 and Excel 97-2003 files are OLE2 compound files holding a
"WordDocument" or "Workbook"/"Book" stream; DOCX and XLSX are ZIP files whose
[Content_Types].xml names the main part of a document or a workbook; ODT and ODS are ZIP files
whose "mimetype" entry says which.
"""

import hashlib
import logging
import re
import secrets
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.text import nfc

from .extraction import extract_text
from .models import Attachment

logger = logging.getLogger(__name__)

KINDS = {  # extension: (MIME type, name shown to people)
    "pdf": ("application/pdf", "PDF"),
    "doc": ("application/msword", "Word (DOC)"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word (DOCX)",
    ),
    "xls": ("application/vnd.ms-excel", "Excel (XLS)"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"),
    "odt": ("application/vnd.oasis.opendocument.text", "OpenDocument (ODT)"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument (ODS)"),
}
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names in an OLE2 directory are UTF-16: a Word file has "WordDocument", Excel "Workbook".
OLE2_STREAMS = {"doc": ["WordDocument"], "xls": ["Workbook", "Book"]}
OOXML_MAIN_PARTS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
ODF_MIMETYPES = {"odt": KINDS["odt"][0], "ods": KINDS["ods"][0]}
# A [Content_Types].xml or mimetype entry larger than this is not an office document's.
MAX_MANIFEST_BYTES = 1024 * 1024


class AttachmentError(ValidationError):
    """An upload that is not an acceptable document; the message says why, in Vietnamese."""


def max_bytes():
    return getattr(settings, "PORTAL_ATTACHMENT_MAX_MB", 20) * 1024 * 1024


def accepted_types():
    """The file input's ``accept`` attribute."""
    return ",".join([*(f".{extension}" for extension in KINDS), *(t for t, _n in KINDS.values())])


def allowed_names():
    return ", ".join(name for _type, name in KINDS.values())


def ole2_directory(file):
    """The first bytes of the file and its first directory sectors, where stream names are."""
    file.seek(0)
    head = file.read(MAX_MANIFEST_BYTES)
    if len(head) < 512:
        return b""
    sector_size = 1 << min(int.from_bytes(head[30:32], "little"), 16)
    first_sector = int.from_bytes(head[48:52], "little")
    file.seek((first_sector + 1) * sector_size)
    return head + file.read(sector_size * 8)


def ole2_kind(file):
    directory = ole2_directory(file)
    for kind, streams in OLE2_STREAMS.items():
        if any(stream.encode("utf-16-le") in directory for stream in streams):
            return kind
    return None


def zip_entry(archive, name):
    try:
        info = archive.getinfo(name)
    except KeyError:
        return b""
    return archive.read(info) if info.file_size <= MAX_MANIFEST_BYTES else b""


def zip_kind(file):
    try:
        with zipfile.ZipFile(file) as archive:
            mimetype = zip_entry(archive, "mimetype").decode("ascii", "replace").strip()
            content_types = zip_entry(archive, "[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError):
        return None
    for kind, value in ODF_MIMETYPES.items():
        if mimetype == value:
            return kind
    for kind, part in OOXML_MAIN_PARTS.items():
        if re.search(rf"""ContentType\s*=\s*["']{re.escape(part)}["']""", content_types):
            return kind
    return None


def detect_kind(file):
    """The extension of the document kind `file` holds (read from its bytes), or None."""
    file.seek(0)
    head = file.read(8)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == OLE2_SIGNATURE:
        return ole2_kind(file)
    if head.startswith(b"PK\x03\x04"):
        return zip_kind(file)
    return None


def too_large_error(size, limit):
    return AttachmentError(
        _("The file is too large (%(size)s); the limit is %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
        code="too_large",
    )


@dataclass(frozen=True)
class CheckedDocument:
    file: File
    kind: str
    size: int
    sha256: str
    original_name: str

    @property
    def content_type(self):
        return KINDS[self.kind][0]


def original_name(upload, kind):
    """The uploaded file's own name without folders, with the extension of its real kind."""
    name = nfc((upload.name or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()
    name = "".join(c for c in name if c.isprintable() and c not in '"<>:|?*')[:200]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem or _('document')}.{kind}"


def check_upload(upload):
    """Check an uploaded file and return it as a CheckedDocument, or raise AttachmentError."""
    limit = max_bytes()
    if upload.size > limit:
        raise too_large_error(upload.size, limit)
    kind = detect_kind(upload)
    if kind is None:
        raise AttachmentError(
            _("This file is not an accepted document. Upload %(kinds)s.")
            % {"kinds": allowed_names()},
            code="wrong_type",
        )
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return CheckedDocument(
        upload, kind, upload.size, digest.hexdigest(), original_name(upload, kind)
    )


def generated_name(kind):
    return f"attachments/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{kind}"


def store_attachment(document, *, site, title="", user=None):
    """Returns (attachment, created); a document the site already has returns that one. A new
    one gets the text of its file (`attachment.text`, "" when none could be read)."""
    existing = Attachment.objects.filter(site=site, sha256=document.sha256).first()
    if existing:
        return existing, False
    attachment = Attachment(
        site=site,
        original_name=document.original_name,
        title=nfc(title).strip(),
        byte_size=document.size,
        sha256=document.sha256,
        content_type=document.content_type,
        uploaded_by=user,
        text=extract_text(document.file, document.kind),
    )
    document.file.seek(0)
    attachment.file.save(generated_name(document.kind), document.file, save=False)
    try:
        with transaction.atomic():
            attachment.save()
    except IntegrityError:
        attachment.file.delete(save=False)
        return Attachment.objects.get(site=site, sha256=document.sha256), False
    return attachment, True


def read_text(attachment):
    """The text of an attachment's stored file, read again; "" when the file is missing."""
    try:
        with attachment.file.open("rb") as file:
            return extract_text(file, detect_kind(file))
    except OSError:
        logger.warning("Attachment %s: its file %s cannot be read", attachment.pk, attachment.file)
        return ""


# The options of the editor's "AttachmentUpload" extension (static/library/js/editor-uploads.js),
# resolved and translated when the admin page is rendered.
ATTACHMENT_UPLOAD_EXTENSION = {
    "uploadUrl": reverse_lazy("admin:library_attachment_upload"),
    "accept": lazy(accepted_types, str)(),
    "label": gettext_lazy("Attach a document"),
    "dialogTitle": gettext_lazy("Attach a document"),
    "titleLabel": gettext_lazy("Link text (e.g. the document's title)"),
    "insertLabel": gettext_lazy("Upload and insert"),
    "uploading": gettext_lazy("Uploading the document…"),
    "failed": gettext_lazy("The document could not be uploaded. Try again."),
}
