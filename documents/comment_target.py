"""Drafts put out for public opinion as a target of the comments app (comments/targets.py):
citizens send their opinions through the same form, rules and moderation as comments on
articles; the form closes at the draft's deadline, and staff choose whether approved opinions
are shown."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from comments import targets

from .caching import touch
from .models import Document
from .views import DocumentView


def visible(site):
    return Document.objects.for_site(site).published().drafts()


def page(request, draft, form, status):
    """The draft's page again with the opinion as it was typed."""
    view = DocumentView()
    view.setup(request, slug=draft.slug)
    view.object = view.get_object()
    context = view.get_context_data(object=view.object, comment_form=form)
    return TemplateResponse(request, view.get_template_names(), context, status=status)


def changed(drafts):
    for site_id in set(drafts.values_list("site_id", flat=True)):
        touch(site_id)


def register():
    targets.register(
        "du-thao",
        Document,
        visible=visible,
        page=page,
        heading=_("Opinions on the draft"),
        noun=_("draft"),
        closed_notice=_("The time for opinions on this draft is over."),
        is_open=Document.comments_open,
        is_public=Document.comments_public,
        changed=changed,
        title_field="abstract",
    )
