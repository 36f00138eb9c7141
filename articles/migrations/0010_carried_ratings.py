from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_search_title_index")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="carried_rating_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="carried_rating_sum",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
