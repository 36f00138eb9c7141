from django.db import migrations
from django.db.models import F, OuterRef, Subquery


def article_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="articles", model="article")[0]


def to_targets(apps, schema_editor):
    """Each comment's article becomes its target, and the article's site its site."""
    Article = apps.get_model("articles", "Article")
    Comment = apps.get_model("comments", "Comment")
    site = Article.objects.filter(pk=OuterRef("article_id")).values("site_id")
    Comment.objects.update(
        content_type=article_type(apps), object_id=F("article_id"), site=Subquery(site)
    )


def to_articles(apps, schema_editor):
    """Back: comments on articles get their article again; comments on anything else, which
    the old schema cannot hold, are deleted."""
    Comment = apps.get_model("comments", "Comment")
    on_articles = Comment.objects.filter(content_type=article_type(apps))
    Comment.objects.exclude(pk__in=on_articles.values("pk")).delete()
    on_articles.update(article_id=F("object_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_picture_to_library"),
        ("comments", "0005_target_fields"),
    ]

    operations = [migrations.RunPython(to_targets, to_articles)]
