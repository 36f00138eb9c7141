from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.views import ArticleView
from guard.forms import caught_in_honeypot
from portal.visitors import address_hash

from .forms import CommentForm
from .models import Comment
from .services import CommentRefused, post_comment

WAITING = gettext_lazy("Your comment will be shown after it has been moderated")
# The comment section shows its messages itself, where the reader is: see section.html.
HERE = "comments"


def signed_in(request):
    return request.user if request.user.is_authenticated else None


def article_page(request, article, form, status):
    """The article page again, with the form as the reader filled it in and its errors."""
    view = ArticleView()
    view.setup(request, slug=article.slug)
    view.object = article
    context = view.get_context_data(object=article, comment_form=form)
    return TemplateResponse(request, view.template_name, context, status=status)


@require_POST
def post(request, slug):
    articles = Article.objects.for_site(request.site).published()
    articles = articles.select_related("category", "category__parent")
    article = get_object_or_404(articles, slug=slug)
    if not article.allow_comments:
        return HttpResponseForbidden(_("Comments are closed for this article."))
    done = redirect(f"{article.get_absolute_url()}#binh-luan-thong-bao")
    if caught_in_honeypot(request):
        messages.success(request, WAITING, extra_tags=HERE)
        return done
    user = signed_in(request)
    if "show_captcha" in request.POST:
        return with_security_code(request, article, user)
    form = CommentForm(request.POST, article=article, user=user)
    if not form.is_valid():
        return article_page(request, article, form, status=400)
    name, email = author(form, user)
    try:
        comment = post_comment(
            article,
            name=name,
            email=email,
            text=form.cleaned_data["text"],
            parent=form.cleaned_data["parent"],
            user=user,
            address=address_hash(request, "comment-address"),
        )
    except CommentRefused as refusal:
        return refused(request, article, form, refusal)
    if comment.status == Comment.Status.APPROVED:
        messages.success(request, _("Thank you, your comment has been published."), extra_tags=HERE)
    else:
        messages.success(request, WAITING, extra_tags=HERE)
    return done


def refused(request, article, form, refusal):
    form.add_error(refusal.field, refusal.message)
    response = article_page(request, article, form, status=refusal.status)
    if refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return response


def with_security_code(request, article, user):
    """Without JavaScript the code is made when asked for: the page again, with what the
    reader typed, and a code. Showing the article never writes a code to the database."""
    form = CommentForm(article=article, user=user)
    form.typed(request.POST, ("name", "email", "text", "parent"))
    return article_page(request, article, form, status=200)


def author(form, user):
    if user is None:
        return form.cleaned_data["name"], form.cleaned_data["email"]
    return user.get_full_name() or user.get_username(), user.email
