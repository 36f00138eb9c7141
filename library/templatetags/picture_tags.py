"""Resized pictures in templates: {% load picture_tags %}{{ article.cover_image|rendition:320 }},
or {% picture article.cover_image 1200 as cover %} for src, srcset, sizes, width and height."""

from django import template

from library.pictures import library_name
from library.renditions import rendition_url, shown

register = template.Library()


@register.filter
def rendition(file, width):
    """URL of the image at most `width` pixels wide (made once, then kept); "" without an image."""
    if not file:
        return ""
    try:
        width = int(width)
    except (TypeError, ValueError):
        width = 0
    if width > 0:
        return rendition_url(file, width)
    return file.url if library_name(file.name) else ""


@register.simple_tag
def picture(file, width):
    """The picture at most `width` pixels wide (`library.renditions.Shown`), or None."""
    return shown(file, int(width)) if file else None
