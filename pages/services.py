"""Writes of the pages app that touch several rows: a save keeps the text it replaces."""

from django.db import transaction

from .models import Page, PageRevision

REVISED_FIELDS = ("title", "body")


@transaction.atomic
def save_page(page, user):
    """Save `page`, keeping what its title and body were before as a revision."""
    if page.pk:
        previous = (
            Page.objects.select_for_update().filter(pk=page.pk).values(*REVISED_FIELDS).first()
        )
        if previous and any(previous[f] != getattr(page, f) for f in REVISED_FIELDS):
            PageRevision.objects.create(page=page, created_by=user, **previous)
    else:
        page.created_by = user
    page.updated_by = user
    page.save()
    return page


@transaction.atomic
def restore_revision(revision, user):
    """Put a revision's text back; what it replaces becomes a revision in turn."""
    page = revision.page
    for field in REVISED_FIELDS:
        setattr(page, field, getattr(revision, field))
    return save_page(page, user)


@transaction.atomic
def set_status(pages, status, user):
    pages = list(pages)
    for page in pages:
        page.status = status
        save_page(page, user)
    return len(pages)
