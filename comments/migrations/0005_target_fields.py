import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """A comment gets its site and a generic target beside its article (filled by 0006)."""

    dependencies = [
        ("comments", "0004_text_key_for_duplicates"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("tenancy", "0006_site_fax"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to="tenancy.site",
                verbose_name="site",
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="kind of page",
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="object_id",
            field=models.PositiveBigIntegerField(null=True, verbose_name="page id"),
        ),
        migrations.AlterField(
            model_name="comment",
            name="article",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to="articles.article",
                verbose_name="article",
            ),
        ),
    ]
