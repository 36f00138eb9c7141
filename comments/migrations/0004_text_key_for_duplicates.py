from django.db import migrations, models

from comments.models import text_key

BATCH = 2000


def fill_text_keys(apps, schema_editor):
    """Key the comments written before the duplicate rule looked keys up."""
    Comment = apps.get_model("comments", "Comment")
    batch = []
    for comment in Comment.objects.only("pk", "text").iterator(chunk_size=BATCH):
        comment.text_key = text_key(comment.text)
        batch.append(comment)
        if len(batch) == BATCH:
            Comment.objects.bulk_update(batch, ["text_key"])
            batch = []
    Comment.objects.bulk_update(batch, ["text_key"])


class Migration(migrations.Migration):
    dependencies = [("comments", "0003_publishers_delete_comments")]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="text_key",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.RunPython(fill_text_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(fields=["article", "text_key"], name="comment_text_key_idx"),
        ),
    ]
