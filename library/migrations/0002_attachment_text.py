"""The text of attachments (filled by `manage.py extract_attachment_text` for those stored
before) and their folded title, file name and text for search (filled here)."""

from django.db import migrations, models

from portal.text import fold


def fold_names(apps, schema_editor):
    Attachment = apps.get_model("library", "Attachment")
    for attachment in Attachment.objects.only("title", "original_name").iterator():
        attachment.search_text = fold(f"{attachment.title} {attachment.original_name} ")
        attachment.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="attachment",
            name="text",
            field=models.TextField(blank=True, editable=False, verbose_name="text content"),
        ),
        migrations.RunPython(fold_names, migrations.RunPython.noop, elidable=True),
    ]
