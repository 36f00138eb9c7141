"""What pages show of stored pictures: re-encoded renditions with their sizes and srcset, for
templates (`shown`, `rendition_url`) and for article bodies (`with_renditions`). Nothing here
writes a library picture; library/pictures.py does.
"""

import logging
import warnings
from dataclasses import dataclass
from html import unescape
from pathlib import PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.utils.html import escape
from PIL import Image, ImageOps

from .pictures import (
    ATTRIBUTE,
    FORMAT_OF_EXTENSION,
    FORMATS,
    IMG_TAG,
    check_pixels,
    encode,
    library_name,
    picture_model,
    picture_sizes,
    rendition_name,
    resizable,
    scaled,
    write_file,
)

logger = logging.getLogger(__name__)


def rendition_url(file, width):
    """URL of `file` (an ImageField's file) at most `width` pixels wide; "" without a file.

    Library pictures have theirs from the upload; other images (covers stored before they went
    to the library, see `manage.py recode_covers`) get a re-encoded one made on first use and
    kept. Their originals are never linked: one that cannot be read gives "".
    """
    if not file:
        return ""
    library = library_name(file.name)
    if library and width in library.rendition_widths():
        return file.storage.url(rendition_name(file.name, width))
    if library and width >= library.width:
        return file.url
    try:
        return file.storage.url(ensure_rendition(file, width))
    except Exception:  # A missing or broken image must not break the page that shows it.
        logger.warning("No %spx rendition of %s", width, file.name, exc_info=True)
        return ""


@dataclass(frozen=True)
class Shown:
    """An <img> of a picture at most some width: its re-encoded src, size and srcset."""

    src: str
    width: int
    height: int
    srcset: str = ""
    sizes: str = ""


def shown(file, width):
    """The picture of an ImageField's `file` shown at most `width` pixels wide, or None.

    A library picture gets its smaller renditions as srcset; an older cover, one re-encoded
    rendition sized from the model's width and height fields.
    """
    src = rendition_url(file, width)
    if not src:
        return None
    library = library_name(file.name)
    if library is None:
        return Shown(src, *shown_size(stored_size(file), width))
    size = shown_size((library.width, library.height), width)
    smaller = [w for w in library.rendition_widths() if w < size[0]]
    if not smaller:
        return Shown(src, *size)
    candidates = [f"{file.storage.url(rendition_name(file.name, w))} {w}w" for w in smaller]
    srcset = ", ".join([*candidates, f"{src} {size[0]}w"])
    return Shown(src, *size, srcset=srcset, sizes=picture_sizes())


def stored_size(file):
    field = file.field
    width = getattr(file.instance, field.width_field, None) if field.width_field else None
    height = getattr(file.instance, field.height_field, None) if field.height_field else None
    return width or 0, height or 0


def shown_size(size, width):
    original_width, original_height = size
    if not original_width or original_width <= width:
        return original_width, original_height
    return width, max(1, round(original_height * width / original_width))


def ensure_rendition(file, width):
    extension = PurePosixPath(file.name).suffix.lstrip(".").lower()
    kind = FORMAT_OF_EXTENSION.get(extension, "JPEG")
    name = rendition_name(file.name, width, FORMATS[kind][0])
    failed = f"picture-rendition-failed:{name}"
    if cache.get(failed):
        raise OSError(f"{file.name} could not be read recently")
    if file.storage.exists(name):
        return name
    try:
        write_file(file.storage, name, encode(rendered_image(file, width, kind), kind))
    except Exception:
        cache.set(failed, True, 3600)
        raise
    return name


def rendered_image(file, width, kind):
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with file.storage.open(file.name) as handle, Image.open(handle) as image:
            check_pixels(image.size, 1)
            image.load()
            upright = resizable(ImageOps.exif_transpose(image), kind)
    return scaled(upright, width) if upright.width > width else upright


# Article bodies


def with_renditions(html):
    """Give the body's library pictures srcset, sizes, width, height and lazy loading.

    Pictures from elsewhere are left alone. Everything comes from the file names: no queries.
    """
    if not html or "<img" not in html:
        return html
    storage = picture_model()._meta.get_field("file").storage
    return IMG_TAG.sub(lambda match: responsive_img(match[0], storage), html)


def library_src_name(src, storage):
    """The file name of the library picture at `src`, or None for other pictures.

    Bodies written before the pictures moved to object storage have MEDIA_URL addresses;
    signed addresses (PORTAL_S3_PRIVATE) carry a query string.
    """
    head, marker, tail = src.partition("?")[0].rpartition("pictures/")
    name = marker + tail
    if not marker or library_name(name) is None:
        return None
    served_at = storage.url(name).partition("?")[0].removesuffix(name)
    return name if head in (settings.MEDIA_URL, served_at) else None


def responsive_img(tag, storage):
    attributes = {name.lower(): unescape(value) for name, value in ATTRIBUTE.findall(tag[4:-1])}
    name = library_src_name(attributes.get("src", ""), storage)
    if name is None:
        return tag
    library = library_name(name)
    attributes["src"] = src = storage.url(name)
    if "width" not in attributes and "height" not in attributes:
        attributes.update(width=str(library.width), height=str(library.height))
    if widths := library.rendition_widths():
        candidates = [f"{storage.url(rendition_name(name, width))} {width}w" for width in widths]
        attributes["srcset"] = ", ".join([*candidates, f"{src} {library.width}w"])
        attributes["sizes"] = picture_sizes()
    attributes.update(loading="lazy", decoding="async")
    serialized = " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items())
    return f"<img {serialized}>"
