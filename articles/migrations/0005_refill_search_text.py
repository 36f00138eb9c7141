from django.db import migrations


def refill_search_text(apps, schema_editor):
    """Recompute the folded search columns: paragraph edges now separate words."""
    from articles.models import search_text

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.all().iterator():
        article.search_title, article.search_body = search_text(article)
        article.save(update_fields=["search_title", "search_body"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_search_indexes")]

    operations = [migrations.RunPython(refill_search_text, migrations.RunPython.noop)]
