"""Resized pictures in templates: {% load picture_tags %}{{ article.cover_image|rendition:320 }}."""

from django import template

from articles.pictures import rendition_url

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
    return rendition_url(file, width) if width > 0 else file.url
