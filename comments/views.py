from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from guard.forms import caught_in_honeypot
from portal.visitors import address_hash

from . import targets
from .forms import CommentForm
from .models import Comment
from .services import CommentRefused, post_comment

WAITING = gettext_lazy("Your comment will be shown after it has been moderated")
# The comment section shows its messages itself, where the reader is: see section.html.
HERE = "comments"


def signed_in(request):
    return request.user if request.user.is_authenticated else None


@require_POST
def post(request, kind, pk):
    """A comment on the target `pk` of the registered kind `kind` (its registry key): the
    client names a kind of the registry, never a model."""
    kind = targets.get(kind)
    if kind is None:
        raise Http404
    target = get_object_or_404(kind.visible(request.site), pk=pk)
    done = redirect(f"{target.get_absolute_url()}#binh-luan-thong-bao")
    if caught_in_honeypot(request):
        messages.success(request, WAITING, extra_tags=HERE)
        return done
    user = signed_in(request)
    if "show_captcha" in request.POST:
        return with_security_code(request, kind, target, user)
    form = CommentForm(request.POST, target=target, user=user)
    if not kind.is_open(target):
        return refused(request, kind, target, form, CommentRefused(kind.closed_notice, None, 403))
    if not form.is_valid():
        return kind.page(request, target, form, 400)
    name, email = author(form, user)
    try:
        comment = post_comment(
            target,
            name=name,
            email=email,
            text=form.cleaned_data["text"],
            parent=form.cleaned_data["parent"],
            user=user,
            address=address_hash(request, "comment-address"),
        )
    except CommentRefused as refusal:
        return refused(request, kind, target, form, refusal)
    messages.success(request, thanks(kind, target, comment), extra_tags=HERE)
    return done


def thanks(kind, target, comment):
    if not kind.is_public(target):
        return kind.received
    if comment.status == Comment.Status.APPROVED:
        return _("Thank you, your comment has been published.")
    return WAITING


def refused(request, kind, target, form, refusal):
    """The page again with the refusal, and the form as the reader typed it."""
    form.is_valid()
    form.add_error(refusal.field, refusal.message)
    response = kind.page(request, target, form, refusal.status)
    if refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return response


def with_security_code(request, kind, target, user):
    """Without JavaScript the code is made when asked for: the page again, with what the
    reader typed, and a code. Showing the page never writes a code to the database."""
    form = CommentForm(target=target, user=user)
    form.typed(request.POST, ("name", "email", "text", "parent"))
    return kind.page(request, target, form, 200)


def author(form, user):
    if user is None:
        return form.cleaned_data["name"], form.cleaned_data["email"]
    return user.get_full_name() or user.get_username(), user.email
