from django import template
from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..forms import CommentForm
from ..models import Comment

register = template.Library()

RECENT_HOURS = 24


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, article):
    """Approved threads of the article (one page of them) and the form."""
    request = context["request"]
    oldest_first = request.GET.get("comments") == "oldest"
    threads = Comment.objects.threads(article, oldest_first).select_related("user")
    page = Paginator(threads, settings.PORTAL_COMMENTS_PER_PAGE).get_page(
        request.GET.get("comments_page")
    )
    roots = with_replies(page.object_list)
    form = context.get("comment_form") or CommentForm(
        article=article, user=request.user, initial={"parent": reply_to(request)}
    )
    parent_id = form["parent"].value()
    replying_to = None
    if str(parent_id or "").isdigit():
        replying_to = Comment.objects.approved().filter(pk=parent_id, article=article).first()
    return {
        "article": article,
        "replying_to": replying_to,
        "threads": roots,
        "page_obj": page,
        "oldest_first": oldest_first,
        "order_query": f"comments={'oldest' if oldest_first else 'newest'}",
        "form": form,
        "user": request.user,
        "request": request,
        "office": context.get("office"),
        "messages": context.get("messages"),
    }


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
def printed_comments(context, article):
    """Whether the print view's reader chose to include the comments, and those comments."""
    chosen = article.allow_comments and context["request"].GET.get(PRINT_PARAMETER) == "1"
    threads = Comment.objects.threads(article, oldest_first=True).select_related("user")
    return {
        "parameter": PRINT_PARAMETER,
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
