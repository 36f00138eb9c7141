from django import template

from documents.models import Document

register = template.Library()
BLOCK_SIZE = 5


@register.simple_tag(takes_context=True)
def latest_documents(context, count=BLOCK_SIZE):
    """The site's newest published documents (not drafts), for the "new documents" block."""
    site = getattr(context.get("request"), "site", None)
    if site is None:
        return []
    documents = Document.objects.for_site(site).published().issued().listed()
    return list(documents.newest_first()[:count])
