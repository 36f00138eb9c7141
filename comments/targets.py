"""The models readers may comment on, registered by their own apps in AppConfig.ready().

The comments app knows its targets only through this registry: the key in the posting URL
(`/y-kien/<key>/<id>/`, so a client never names a model itself), the words shown, which rows a
visitor may comment on, whether a row is open for comments and whether its approved comments
are public, how its row is locked while comments change, the field that keeps its count, and
how its page is shown again with the form when a comment is refused.

A new kind registers itself in its AppConfig.ready(), e.g. drafts for public opinion:

    targets.register(
        "du-thao", Draft,
        visible=lambda site: Draft.objects.for_site(site).published(),
        page=targets.detail_page(DraftView),
        heading=_("Opinions on the draft"), noun=_("draft"),
        closed_notice=_("The time for opinions on this draft is over."),
        is_open=Draft.comments_open, is_public=Draft.comments_public,
        changed=lambda drafts: ...,  # bump the page cache version of those drafts
    )

and its page template shows `{% load comments_tags %}{% comment_section draft %}`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

REGISTRY = {}
# What the comment section reads from a page's query string (its order, page and reply form):
# a cached page of a target keys on these (portal/pagecache.py).
QUERY_PARAMETERS = ("comments", "comments_page", "tra-loi")
HEADING = _("Readers' comments")
NOUN = _("page")
CLOSED = _("This page no longer takes comments.")
RECEIVED = _("Thank you, your opinion has been received.")


def always(target):
    return True


def nothing(site):
    return []


@dataclass(frozen=True, eq=False)
class Target:
    """What the comments app needs to know of one kind of target.

    visible(site) -> the QuerySet of rows a visitor of the site may comment on or read;
    page(request, target, form, status) -> the target's page again, the form as it was typed;
    is_open(target) -> whether new comments are taken (comments_open);
    is_public(target) -> whether approved comments are shown (comments_public);
    count_field: an integer field kept equal to the comments the public sees, or None;
    changed(targets) -> called after their comments changed (page cache versions);
    title_field: what the moderators' search matches the target by;
    demo(site) -> rows the demo comments on.
    """

    key: str
    model: Any
    visible: Callable
    page: Callable
    heading: Any = HEADING
    noun: Any = NOUN
    closed_notice: Any = CLOSED
    received: Any = RECEIVED
    is_open: Callable = always
    is_public: Callable = always
    count_field: str | None = None
    title_field: str | None = "title"
    changed: Callable | None = None
    demo: Callable = nothing

    @property
    def content_type(self):
        return ContentType.objects.get_for_model(self.model)

    def lock(self, ids):
        """Lock the rows (in order of id) so that writers of their comments run one by one."""
        rows = self.model._default_manager.select_for_update().filter(pk__in=ids).order_by("pk")
        list(rows.values_list("pk", flat=True))


def detail_page(view_class, url_kwargs=lambda target: {"slug": target.slug}):
    """A `page` for a target shown by a DetailView: the view's page again, its context given
    the form as `comment_form` (which the comment_section tag shows as it was typed)."""

    def page(request, target, form, status):
        view = view_class()
        view.setup(request, **url_kwargs(target))
        view.object = target
        context = view.get_context_data(object=target, comment_form=form)
        return TemplateResponse(request, view.get_template_names(), context, status=status)

    return page


def register(key, model, **options):
    """Make `model` a comment target under `key` (letters, digits and '-': it is in URLs)."""
    target = Target(key=key, model=model, **options)
    REGISTRY[key] = target
    post_delete.connect(forget_comments, sender=model, dispatch_uid=f"comments-target-{key}")
    return target


def unregister(key):
    target = REGISTRY.pop(key)
    post_delete.disconnect(sender=target.model, dispatch_uid=f"comments-target-{key}")


def get(key):
    return REGISTRY.get(key)


def of_model(model):
    for target in REGISTRY.values():
        if target.model is model or (isinstance(model, type) and issubclass(model, target.model)):
            return target
    raise LookupError(f"{model.__name__} is not a registered comment target.")


def of(obj):
    return of_model(type(obj))


def of_content_type(content_type_id):
    for target in REGISTRY.values():
        if target.content_type.pk == content_type_id:
            return target
    return None


def registered():
    return list(REGISTRY.values())


def forget_comments(sender, instance, **kwargs):
    """A deleted target takes its comments with it."""
    from .models import Comment

    Comment.objects.for_target(instance).delete()


def export_url(obj):
    """The admin's CSV of the comments on `obj` (for a link in the target's own admin)."""
    return reverse("admin:comments_comment_export", args=[of(obj).key, obj.pk])


def moderation_url(obj):
    """The moderation list showing every comment on `obj`, whatever its status."""
    query = urlencode({"target": f"{of(obj).key}:{obj.pk}", "status": "all"})
    return f"{reverse('admin:comments_comment_changelist')}?{query}"
