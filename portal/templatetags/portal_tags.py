import json
import unicodedata

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext_lazy

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}

WEEKDAYS = [
    pgettext_lazy("weekday", "Monday"),
    pgettext_lazy("weekday", "Tuesday"),
    pgettext_lazy("weekday", "Wednesday"),
    pgettext_lazy("weekday", "Thursday"),
    pgettext_lazy("weekday", "Friday"),
    pgettext_lazy("weekday", "Saturday"),
    pgettext_lazy("weekday", "Sunday"),
]


@register.filter
def shown_in(messages, place):
    """The messages a part of the page shows where the reader acted (`extra_tags` names it:
    "comments", "rating"); place "" is the top of the page, for all the others."""
    return [message for message in messages or () if (message.extra_tags or "") == place]


@register.filter
def thousands(value):
    """Group digits with commas as the portals do: 2557241 -> "2,557,241"."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


@register.filter
def dateline(value):
    """The article date line in local time: "Thứ sáu - 18/07/2025 12:03"."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{WEEKDAYS[local.weekday()]} - {local:%d/%m/%Y %H:%M}"


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's own address: its path, plus for a listing the parameters its pagination
    keeps (a search's query) and the page number after the first page."""
    request = context["request"]
    parameters = [context["page_query"]] if context.get("page_query") else []
    page = context.get("page_obj")
    if page and page.number > 1:
        parameters.append(f"page={page.number}")
    query = "&".join(parameters)
    return request.build_absolute_uri(f"{request.path}?{query}" if query else request.path)


@register.simple_tag
def og_locale():
    """The Open Graph locale of the active language: vi_VN, en_US."""
    return OG_LOCALES.get(get_language(), OG_LOCALES[settings.LANGUAGE_CODE])


@register.filter
def nfc(value):
    """Text in Unicode Normalization Form C, as HTML expects: Django's own name for
    Vietnamese ("Tiếng Việt") comes with its tone marks as separate characters."""
    return unicodedata.normalize("NFC", str(value))


@register.filter
def iso_datetime(value):
    """Local time in ISO 8601 to the second ("2025-07-18T12:03:00+07:00"): HTML's datetime
    attribute allows at most three digits of a fraction of a second, Django's "c" gives six."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.filter
def json_ld(data):
    """A <script type="application/ld+json"> block, escaped like json_script."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
