"""Permanent redirects from the addresses of the old NukeViet site to the imported pages.

NukeViet 4 writes an article as /<module>/<category alias>/<article alias>-<id>.html (with
/<lang>/ in front on multilingual sites), a category as /<module>/<alias>/ (page n:
/<module>/<alias>/page-<n>/), and the same without URL rewriting as
/index.php?language=vi&nv=<module>&op=<category alias>/<article alias>-<id>. The article is
found by its old id (NukeViet answers any alias), the category by its old alias.
"""

import re

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.urls import reverse

from articles.models import Tag
from portal.text import vietnamese_slugify

from .models import LegacyObject

ARTICLE_OP = re.compile(r"[^/]+/[^/]*-(?P<id>\d+)(?:\.html?)?/?")
CATEGORY_OP = re.compile(r"(?P<alias>[^/]+)(?:/page-(?P<page>\d+))?/?")
TAG_OP = re.compile(r"tag/(?P<alias>[^/]+)/?")


def refuse_nul(*values):
    """No old address holds NUL, and PostgreSQL refuses it in a lookup (a 500): not found."""
    if any("\x00" in str(value) for value in values if value is not None):
        raise Http404


def legacy(site, module, kind, lang=None, **lookup):
    """What an old address of the site's import became (404: none, or another site's)."""
    refuse_nul(module, lang, *lookup.values())
    records = LegacyObject.objects.for_site(site).for_module(module, lang)
    found = records.filter(kind=kind, **lookup)
    record = found.select_related(kind).order_by("pk").first()
    target = getattr(record, kind, None) if record else None
    if target is None:
        raise Http404
    return target


def article(request, module, old_id, lang=None, **_path):
    target = legacy(request.site, module, LegacyObject.Kind.ARTICLE, lang, old_id=old_id)
    return HttpResponsePermanentRedirect(target.get_absolute_url())


def category(request, module, alias, lang=None, page=None):
    target = legacy(request.site, module, LegacyObject.Kind.CATEGORY, lang, old_alias=alias)
    url = target.get_absolute_url()
    return HttpResponsePermanentRedirect(f"{url}?page={page}" if page and page > 1 else url)


def tag(request, module, alias, lang=None):
    refuse_nul(module, alias, lang)
    known = LegacyObject.objects.for_site(request.site).for_module(module, lang).exists()
    tags = Tag.objects.for_site(request.site)
    found = tags.filter(slug=vietnamese_slugify(alias)).first() if known else None
    if found is None:
        raise Http404
    return HttpResponsePermanentRedirect(found.get_absolute_url())


def module_home(request, module, lang=None):
    refuse_nul(module, lang)
    if not LegacyObject.objects.for_site(request.site).for_module(module, lang).exists():
        raise Http404
    return redirect(reverse("articles:home"), permanent=True)


def index_php(request):
    """/index.php?language=vi&nv=news&op=...: the address without URL rewriting."""
    module, lang = request.GET.get("nv", ""), request.GET.get("language") or None
    op = request.GET.get("op", "").strip("/")
    refuse_nul(module, lang, op)
    if not module:
        return redirect(reverse("articles:home"), permanent=True)
    if not op or op == "main":
        return module_home(request, module, lang)
    if match := TAG_OP.fullmatch(op):
        return tag(request, module, match["alias"], lang)
    if (match := CATEGORY_OP.fullmatch(op)) and (match["page"] or "/" not in op):
        page = int(match["page"]) if match["page"] else None
        return category(request, module, match["alias"], lang, page)
    if match := ARTICLE_OP.fullmatch(op):
        return article(request, module, int(match["id"]), lang)
    raise Http404
