"""The allow-list that editor HTML is cleaned with (nh3), on save and before rendering."""

import re
from html import unescape

import nh3
from django.urls import reverse_lazy
from django.utils.html import strip_tags

from .attachments import ATTACHMENT_UPLOAD_EXTENSION
from .pictures import PICTURE_UPLOAD_EXTENSION

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "a", "figure", "figcaption", "img",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# What the django-prose-editor toolbar offers; ALLOWED_TAGS must cover all of it.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Figure": {"pickerUrl": reverse_lazy("admin:library_picture_picker")},
    "Caption": True,
    "Image": True,
    "PictureUpload": PICTURE_UPLOAD_EXTENSION,
    "AttachmentUpload": ATTACHMENT_UPLOAD_EXTENSION,
    "History": True,
}


def sanitize_html(html):
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


BLOCK_TAG = re.compile(
    r"<(?:br|hr|img|/?(?:p|h\d|li|ul|ol|blockquote|figure|figcaption|table|tr|th|td|caption))\b"
    r"[^>]*>",
    re.IGNORECASE,
)


def plain_text(html):
    """The text of article HTML, with a space where one block ends and the next begins."""
    return unescape(strip_tags(BLOCK_TAG.sub(" ", html or "")))
