"""The moderation list's filters by kind of target and by target, and the CSV export of a
target's comments. A target is named in the query string as "<registry key>:<id>"."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from . import targets

RECENT_TARGETS = 20


def parse_target(value):
    """(Target, id) of "<key>:<id>", or raise IncorrectLookupParameters."""
    key, _colon, pk = (value or "").partition(":")
    kind = targets.get(key)
    if kind is None or not pk.isdigit() or len(pk) > 18:
        raise IncorrectLookupParameters(value)
    return kind, int(pk)


def target_name(kind, pk):
    return named([(kind.content_type.pk, pk)])[0][1]


def named(keys):
    """[("<key>:<id>", the target's name)] of (content type id, id) pairs, one query a kind."""
    rows = {}
    for content_type_id in {content_type_id for content_type_id, _pk in keys}:
        kind = targets.of_content_type(content_type_id)
        ids = [pk for each, pk in keys if each == content_type_id]
        if kind is not None:
            rows[content_type_id] = (kind, kind.model._default_manager.in_bulk(ids))
    return [
        (f"{kind.key}:{pk}", str(found.get(pk, f"#{pk}")))
        for content_type_id, pk in keys
        if content_type_id in rows
        for kind, found in [rows[content_type_id]]
    ]


class KindFilter(admin.SimpleListFilter):
    title = _("kind of page")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind.key, kind.model._meta.verbose_name) for kind in targets.registered()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        kind = targets.get(self.value())
        if kind is None:
            raise IncorrectLookupParameters(self.value())
        return queryset.filter(content_type=kind.content_type)


class TargetFilter(admin.SimpleListFilter):
    """The targets of the site most recently commented on (of the chosen kind, if one is)."""

    title = _("commented page")
    parameter_name = "target"

    def lookups(self, request, model_admin):
        comments = model_admin.model.objects.for_site(request.site)
        kind = targets.get(request.GET.get(KindFilter.parameter_name, ""))
        if kind is not None:
            comments = comments.filter(content_type=kind.content_type)
        recent = (
            comments.values("content_type_id", "object_id")
            .annotate(last=Max("created_at"))
            .order_by("-last")[:RECENT_TARGETS]
        )
        return named([(row["content_type_id"], row["object_id"]) for row in recent])

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        kind, pk = parse_target(self.value())
        return queryset.filter(content_type=kind.content_type, object_id=pk)


def by_target_title(comments, site, term):
    """The comments whose target's title contains `term` (the moderators' search)."""
    found = comments.none()
    for kind in targets.registered():
        if kind.title_field and term:
            rows = kind.model._default_manager.filter(
                site=site, **{f"{kind.title_field}__icontains": term}
            )
            found |= comments.filter(
                content_type=kind.content_type, object_id__in=rows.values("pk")
            )
    return found
