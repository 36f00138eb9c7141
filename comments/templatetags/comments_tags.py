from django import template
from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import targets
from ..forms import CommentForm
from ..models import Comment

register = template.Library()

RECENT_HOURS = 24


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, target):
    """Approved threads of a registered target (one page of them, if they are public) and the
    form (or, once the target is closed, a notice and what the reader had typed)."""
    kind = targets.of(target)
    request = context["request"]
    public, is_open = kind.is_public(target), kind.is_open(target)
    oldest_first = request.GET.get("comments") == "oldest"
    threads = Comment.objects.threads(target, oldest_first) if public else Comment.objects.none()
    page = Paginator(threads.select_related("user"), settings.PORTAL_COMMENTS_PER_PAGE).get_page(
        request.GET.get("comments_page")
    )
    form = context.get("comment_form") or CommentForm(
        target=target, user=request.user, initial={"parent": reply_to(request)}
    )
    return {
        "target": target,
        "kind": kind,
        "public": public,
        "is_open": is_open,
        "comment_count": getattr(target, kind.count_field or "", None) if public else None,
        "post_url": reverse("comments:post", args=[kind.key, target.pk]),
        "replying_to": replying_to(form, target) if public and is_open else None,
        "threads": with_replies(page.object_list),
        "page_obj": page,
        "oldest_first": oldest_first,
        "order_query": f"comments={'oldest' if oldest_first else 'newest'}",
        "form": form,
        "user": request.user,
        "request": request,
        "office": context.get("office"),
        "messages": context.get("messages"),
    }


def replying_to(form, target):
    parent_id = form["parent"].value()
    if not str(parent_id or "").isdigit():
        return None
    return Comment.objects.approved().for_target(target).filter(pk=parent_id).first()


def with_replies(threads):
    """The first-level comments, each with its approved replies as `thread_replies`."""
    roots = list(threads)
    replies = {}
    for reply in Comment.objects.replies_to(roots):
        replies.setdefault(reply.parent_id, []).append(reply)
    for root in roots:
        root.thread_replies = replies.get(root.pk, [])
    return roots


# The print view's comments (?binh-luan=1): oldest first, as many threads as fit a few pages.
PRINT_PARAMETER = "binh-luan"
PRINTED_THREADS = 100


@register.simple_tag(takes_context=True)
def printed_comments(context, target):
    """Whether the print view's reader chose to include the comments, and those comments."""
    kind = targets.of(target)
    chosen = context["request"].GET.get(PRINT_PARAMETER) == "1" and kind.is_public(target)
    threads = Comment.objects.threads(target, oldest_first=True).select_related("user")
    return {
        "parameter": PRINT_PARAMETER,
        "heading": kind.heading,
        "chosen": chosen,
        "threads": with_replies(threads[:PRINTED_THREADS]) if chosen else [],
    }


def reply_to(request):
    value = request.GET.get("tra-loi", "")
    return int(value) if value.isdigit() and len(value) < 12 else None


@register.filter
def comment_time(moment):
    """ "2 giờ trước" within a day, the full date and time after that."""
    elapsed = timezone.now() - moment
    minutes = int(elapsed.total_seconds() // 60)
    if minutes < 1:
        return _("just now")
    if minutes < 60:
        return ngettext("%(n)d minute ago", "%(n)d minutes ago", minutes) % {"n": minutes}
    if minutes < RECENT_HOURS * 60:
        hours = minutes // 60
        return ngettext("%(n)d hour ago", "%(n)d hours ago", hours) % {"n": hours}
    return f"{timezone.localtime(moment):%d/%m/%Y %H:%M}"
