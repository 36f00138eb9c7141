"""Uploaded pictures: validation, content-hashed storage and resized renditions.

A library picture is stored as ``pictures/<h[:2]>/<h>_<width>x<height>[a].<ext>``, where ``h`` is
the SHA-256 of the re-encoded bytes and ``a`` marks an animation. Its renditions lie beside it as
``<stem>~<width>w.<ext>``, written at upload, so pages derive every URL from the name alone.
("~" never occurs in the name of an upload, so other images' renditions cannot collide either.)
"""

import hashlib
import io
import logging
import re
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse_lazy
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps

from portal.text import nfc

logger = logging.getLogger(__name__)

FORMATS = {  # Pillow format: (file extension, MIME type, name shown to people)
    "JPEG": ("jpg", "image/jpeg", "JPEG"),
    "PNG": ("png", "image/png", "PNG"),
    "WEBP": ("webp", "image/webp", "WebP"),
    "GIF": ("gif", "image/gif", "GIF"),
}
FORMAT_OF_EXTENSION = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
ENCODER_OPTIONS = {
    "JPEG": {"quality": 85, "progressive": True},
    "WEBP": {"quality": 85, "method": 4},
    "PNG": {},
    "GIF": {},
}
# What survives re-encoding: no EXIF, GPS, XMP, comments or text chunks.
KEPT_INFO = {"transparency", "duration", "loop", "background", "disposal"}
LIBRARY_NAME = re.compile(r"pictures/[0-9a-f]{2}/[0-9a-f]{64}_(\d+)x(\d+)(a?)\.(jpg|png|webp|gif)")
IMG_TAG = re.compile(r'<img\b(?:[^>"]|"[^"]*")*>', re.IGNORECASE)
ATTRIBUTE = re.compile(r'([^\s"=<>/]+)(?:\s*=\s*"([^"]*)")?')


def max_bytes():
    return getattr(settings, "PORTAL_PICTURE_MAX_BYTES", 10 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "PORTAL_PICTURE_MAX_PIXELS", 40_000_000)


def allowed_formats():
    formats = getattr(settings, "PORTAL_PICTURE_FORMATS", tuple(FORMATS))
    return [name.upper() for name in formats if name.upper() in FORMATS]


def rendition_widths():
    return sorted(getattr(settings, "PORTAL_PICTURE_WIDTHS", (320, 480, 800, 1200)))


def picture_sizes():
    return getattr(settings, "PORTAL_PICTURE_SIZES", "(max-width: 900px) 100vw, 760px")


def accepted_types():
    """The file input's ``accept`` attribute."""
    return ",".join(FORMATS[name][1] for name in allowed_formats())


def allowed_names():
    return ", ".join(FORMATS[name][2] for name in allowed_formats())


class PictureError(ValidationError):
    """An upload that is not an acceptable picture; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Normalized:
    """A validated upload, re-encoded upright and without metadata."""

    content: bytes
    image: Image.Image
    format: str
    animated: bool

    @property
    def width(self):
        return self.image.width

    @property
    def height(self):
        return self.image.height

    @cached_property
    def sha256(self):
        return hashlib.sha256(self.content).hexdigest()

    @property
    def name(self):
        mark = "a" if self.animated else ""
        extension = FORMATS[self.format][0]
        digest = self.sha256
        return f"pictures/{digest[:2]}/{digest}_{self.width}x{self.height}{mark}.{extension}"


@dataclass(frozen=True)
class LibraryName:
    width: int
    height: int
    animated: bool

    def rendition_widths(self):
        return [] if self.animated else [w for w in rendition_widths() if w < self.width]


def library_name(name):
    """Width, height and animation of a library picture, read from its file name (or None)."""
    match = LIBRARY_NAME.fullmatch(name)
    if not match:
        return None
    return LibraryName(int(match[1]), int(match[2]), bool(match[3]))


def rendition_name(name, width, extension=None):
    path = PurePosixPath(name)
    suffix = f".{extension}" if extension else path.suffix
    return str(path.with_name(f"{path.stem}~{width}w{suffix}"))


# Validation and normalization


def normalize_upload(upload):
    """Check an uploaded file and return it re-encoded, or raise PictureError."""
    limit = max_bytes()
    if upload.size > limit:
        raise too_large_error(upload.size, limit)
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise too_large_error(len(data), limit)
    if looks_like_svg(upload.name or "", data):
        raise PictureError(
            _("SVG pictures are not accepted: they can contain scripts. Use %(formats)s.")
            % {"formats": allowed_names()},
            code="svg",
        )
    return normalize(data)


def too_large_error(size, limit):
    return PictureError(
        _("The file is too large (%(size)s); the limit is %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
        code="too_large",
    )


def looks_like_svg(name, data):
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return name.lower().endswith((".svg", ".svgz")) or (head.startswith(b"<") and b"<svg" in head)


def normalize(data):
    """Decode `data` once with the limits of this site and encode it again, upright and bare."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return _normalize(data)
        except PictureError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise bomb_error() from error
        except Exception as error:  # Pillow reports broken files with many exception types.
            raise PictureError(
                _("The file is not a picture, or the picture is damaged."), code="invalid"
            ) from error


def _normalize(data):
    with Image.open(io.BytesIO(data)) as probe:
        kind = picture_format(probe)
        frames = frame_count(probe, kind)
        check_pixels(probe.size, frames)
        probe.verify()
    image = Image.open(io.BytesIO(data))  # Not closed: closing would free the decoded pixels.
    if frames > 1:
        first_frame = image.copy()
        return Normalized(encode(image, kind, save_all=True), first_frame, kind, animated=True)
    image.load()
    ImageOps.exif_transpose(image, in_place=True)  # No second copy of a 40-megapixel photo.
    return Normalized(encode(image, kind), image, kind, animated=False)


def picture_format(image):
    kind = "JPEG" if image.format == "MPO" else image.format  # MPO: a camera's JPEG with extras
    if kind not in allowed_formats():
        raise PictureError(
            _("%(format)s pictures are not accepted; use %(formats)s.")
            % {"format": image.format, "formats": allowed_names()},
            code="format",
        )
    return kind


def frame_count(image, kind):
    return getattr(image, "n_frames", 1) if kind in ("GIF", "WEBP", "PNG") else 1


def check_pixels(size, frames):
    width, height = size
    if width * height * frames > max_pixels():
        raise PictureError(
            _("The picture is too large: %(pixels)s megapixels; the limit is %(limit)s megapixels.")
            % {"pixels": megapixels(width * height * frames), "limit": megapixels(max_pixels())},
            code="too_many_pixels",
        )


def bomb_error():
    return PictureError(
        _(
            "The picture is a decompression bomb: it unpacks to far more pixels than the "
            "limit of %(limit)s megapixels."
        )
        % {"limit": megapixels(max_pixels())},
        code="bomb",
    )


def megapixels(pixels):
    value = round(pixels / 1_000_000, 2)
    return number_format(int(value) if value.is_integer() else value)


def encode(image, kind, **options):
    icc_profile = image.info.get("icc_profile")
    image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    if icc_profile:
        options["icc_profile"] = icc_profile
    output = io.BytesIO()
    image.save(output, format=kind, **ENCODER_OPTIONS[kind], **options)
    return output.getvalue()


def resizable(image, kind):
    """The image in a mode that resizes smoothly and that `kind` can store."""
    if kind == "JPEG":
        return image if image.mode in ("L", "RGB", "CMYK") else image.convert("RGB")
    if image.mode in ("L", "LA", "RGB", "RGBA"):
        return image
    has_alpha = image.mode in ("PA", "RGBa") or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")


def scaled(image, width):
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


# Storage


def picture_model():
    return apps.get_model("library", "Picture")


def write_file(storage, name, content):
    """Store `content` under exactly `name`; an existing file with that name is already it."""
    if storage.exists(name):
        return
    saved = storage.save(name, ContentFile(content))
    if saved != name:  # Another request wrote it meanwhile.
        storage.delete(saved)


def store_picture(normalized, *, site, alt="", caption="", user=None):
    """The site's library Picture of `normalized`: the existing one if these bytes were uploaded
    to it before (the file itself is shared by the sites that upload the same bytes).

    Returns (picture, created).
    """
    Picture = picture_model()
    existing = Picture.objects.filter(site=site, sha256=normalized.sha256).first()
    if existing:
        return existing, False
    storage = Picture._meta.get_field("file").storage
    write_file(storage, normalized.name, normalized.content)
    write_renditions(storage, normalized)
    picture = Picture(
        site=site,
        file=normalized.name,
        sha256=normalized.sha256,
        width=normalized.width,
        height=normalized.height,
        byte_size=len(normalized.content),
        alt=nfc(alt),
        caption=nfc(caption),
        uploaded_by=user,
    )
    try:
        with transaction.atomic():
            picture.save()
    except IntegrityError:
        return Picture.objects.get(site=site, sha256=normalized.sha256), False
    return picture, True


def write_renditions(storage, normalized):
    """Each rendition is scaled from the next larger one: quick, and as sharp."""
    name, kind = normalized.name, normalized.format
    image = resizable(normalized.image, kind)
    for width in reversed(library_name(name).rendition_widths()):
        image = scaled(image, width)
        write_file(storage, rendition_name(name, width), encode(image, kind))


# The options of the editor's "PictureUpload" extension (static/library/js/editor-uploads.js),
# resolved and translated when the admin page is rendered.
PICTURE_UPLOAD_EXTENSION = {
    "uploadUrl": reverse_lazy("admin:library_picture_upload"),
    "accept": lazy(accepted_types, str)(),
    "label": gettext_lazy("Insert picture"),
    "dialogTitle": gettext_lazy("Insert a picture"),
    "altLabel": gettext_lazy("Description of the picture (alt text)"),
    "captionLabel": gettext_lazy("Caption"),
    "insertLabel": gettext_lazy("Upload and insert"),
    "uploading": gettext_lazy("Uploading the picture…"),
    "failed": gettext_lazy("The picture could not be uploaded. Try again."),
}
