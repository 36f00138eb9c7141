"""The pictures of imported articles, copied from NukeViet's `uploads/` folder.

Pictures in bodies go to the picture library (validated, EXIF stripped, stored under their
SHA-256 with renditions, see library/pictures.py) and their links are rewritten; cover images
go the same way, through the article's cover field. A picture that is missing or not a picture
keeps its old link, and the article a warning.
"""

from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.utils.html import escape

from library.html import sanitize_html
from library.picture_fields import NormalizedFile
from library.pictures import ATTRIBUTE, IMG_TAG, PictureError, normalize, store_picture


class ImageProblem(Exception):
    """A picture that stays where it was; the message says why."""


class NotCopied(ImageProblem):
    """No uploads folder was given: the picture keeps its link, without a warning each time."""


class Uploads:
    """NukeViet's uploads folder (`--uploads`), and the old site's addresses (`--old-url`)."""

    def __init__(self, root=None, module="news", old_urls=()):
        self.root = Path(root).resolve() if root else None
        self.module = module
        self.old_hosts = {urlsplit(url).hostname for url in old_urls if urlsplit(url).hostname}
        self.not_copied = 0

    def relative_path(self, src):
        """The path under uploads/ of a link to the old site's uploads, or None for a link
        elsewhere (another site, data:, or a page of the old site outside uploads/)."""
        parts = urlsplit(unescape(src).strip())
        if parts.scheme not in ("", "http", "https"):
            return None
        if parts.netloc and parts.hostname not in self.old_hosts:
            return None
        path = "/" + unquote(parts.path).lstrip("/")
        marker = path.find("/uploads/")
        return path[marker + len("/uploads/") :] if marker >= 0 else None

    def read(self, relative):
        if self.root is None:
            self.not_copied += 1
            raise NotCopied(relative)
        path = (self.root / PurePosixPath(relative)).resolve()
        if not path.is_relative_to(self.root):
            raise ImageProblem(f"uploads/{relative} is outside the uploads folder")
        if not path.is_file():
            raise ImageProblem(f"picture not found: uploads/{relative}")
        try:
            return normalize(path.read_bytes())
        except PictureError as error:
            raise ImageProblem(f"uploads/{relative}: {' '.join(error.messages)}") from error

    def cover_path(self, value):
        """homeimgfile: a path under uploads/<module>/, or an address."""
        if "://" in value or value.startswith("//"):
            relative = self.relative_path(value)
            if relative is None:
                raise ImageProblem(f"cover picture on another site not copied: {value}")
            return relative
        return f"{self.module}/{value.lstrip('/')}"


def cover_file(uploads, value):
    """The cover picture of homeimgfile `value`, checked and re-encoded, for the cover field
    (which stores it in the library when the article is saved)."""
    return NormalizedFile(uploads.read(uploads.cover_path(value)))


def with_local_pictures(site, html, uploads, warnings):
    """The body, cleaned, with its pictures from the old site's uploads in the site's library."""
    return IMG_TAG.sub(
        lambda match: local_img(site, match[0], uploads, warnings), sanitize_html(html)
    )


def local_img(site, tag, uploads, warnings):
    attributes = [(name, value) for name, value in ATTRIBUTE.findall(tag[4:-1])]
    src = next((value for name, value in attributes if name.lower() == "src"), "")
    relative = uploads.relative_path(src)
    if relative is None:
        return tag
    try:
        picture, _created = store_picture(
            uploads.read(relative), site=site, alt=alt_of(attributes)[:250]
        )
    except NotCopied:
        return tag
    except ImageProblem as problem:
        warnings.append(str(problem))
        return tag
    rewritten = [
        (name, escape(picture.file.url) if name.lower() == "src" else value)
        for name, value in attributes
    ]
    return "<img " + " ".join(f'{name}="{value}"' for name, value in rewritten) + ">"


def alt_of(attributes):
    return next((unescape(value) for name, value in attributes if name.lower() == "alt"), "")
