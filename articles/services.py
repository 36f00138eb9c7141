"""Writes of the articles app that touch several rows."""

from django.db import transaction

from .models import Article, ArticleRevision

REVISED_FIELDS = ("title", "summary", "body")


@transaction.atomic
def save_article(article, user):
    """Save `article`, keeping what its title, summary and body were before as a revision."""
    if article.pk:
        previous = (
            Article.objects.select_for_update()
            .filter(pk=article.pk)
            .values(*REVISED_FIELDS)
            .first()
        )
        if previous and any(previous[f] != getattr(article, f) for f in REVISED_FIELDS):
            ArticleRevision.objects.create(article=article, created_by=user, **previous)
    else:
        article.created_by = user
    article.updated_by = user
    article.save()
    return article


@transaction.atomic
def restore_revision(revision, user):
    """Put a revision's text back; what it replaces becomes a revision in turn."""
    article = revision.article
    for field in REVISED_FIELDS:
        setattr(article, field, getattr(revision, field))
    return save_article(article, user)
