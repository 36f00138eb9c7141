import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The article key gives way to the target: the site and the target are required."""

    dependencies = [
        ('comments', '0006_comments_to_targets'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('tenancy', '0006_site_fax'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='comment',
            name='comment_thread_idx',
        ),
        migrations.RemoveIndex(
            model_name='comment',
            name='comment_text_key_idx',
        ),
        migrations.RemoveField(
            model_name='comment',
            name='article',
        ),
        migrations.AlterField(
            model_name='comment',
            name='content_type',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='kind of page'),
        ),
        migrations.AlterField(
            model_name='comment',
            name='object_id',
            field=models.PositiveBigIntegerField(verbose_name='page id'),
        ),
        migrations.AlterField(
            model_name='comment',
            name='site',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='tenancy.site', verbose_name='site'),
        ),
        migrations.AddIndex(
            model_name='comment',
            index=models.Index(fields=['content_type', 'object_id', 'status', 'created_at'], name='comment_target_thread_idx'),
        ),
        migrations.AddIndex(
            model_name='comment',
            index=models.Index(fields=['content_type', 'object_id', 'text_key'], name='comment_target_text_idx'),
        ),
        migrations.AddIndex(
            model_name='comment',
            index=models.Index(fields=['site', 'status', 'created_at'], name='comment_site_status_idx'),
        ),
    ]
