"""Import records belong to a site, the one the import went into (so far the first)."""

import django.db.models.deletion
from django.db import migrations, models


def give_records_the_first_site(apps, schema_editor):
    site = apps.get_model("tenancy", "Site").objects.order_by("pk").first()
    records = apps.get_model("nukeviet", "LegacyObject").objects.filter(site=None)
    if site is None and records.exists():
        raise RuntimeError("Import records exist but no site does: run tenancy's migrations.")
    if site is not None:
        records.update(site=site)
    if schema_editor.connection.vendor == "postgresql":
        # The new foreign key's deferred checks would block the ALTER TABLE that follows.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0015_site_on_news'),
        ('comments', '0004_text_key_for_duplicates'),
        ('nukeviet', '0002_imported_visits_per_site'),
        ('tenancy', '0002_first_site'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='legacyobject',
            name='legacy_once',
        ),
        migrations.RemoveIndex(
            model_name='legacyobject',
            name='legacy_by_id_idx',
        ),
        migrations.RemoveIndex(
            model_name='legacyobject',
            name='legacy_by_alias_idx',
        ),
        migrations.AddField(
            model_name='legacyobject',
            name='site',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='legacy_objects', to='tenancy.site', verbose_name='site'),
        ),
        migrations.RunPython(give_records_the_first_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="legacyobject",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="legacy_objects",
                to="tenancy.site",
                verbose_name="site",
            ),
        ),
        migrations.AddIndex(
            model_name='legacyobject',
            index=models.Index(fields=['site', 'module', 'kind', 'old_id'], name='legacy_by_id_idx'),
        ),
        migrations.AddIndex(
            model_name='legacyobject',
            index=models.Index(fields=['site', 'module', 'kind', 'old_alias'], name='legacy_by_alias_idx'),
        ),
        migrations.AddConstraint(
            model_name='legacyobject',
            constraint=models.UniqueConstraint(fields=('site', 'source', 'kind', 'old_id'), name='legacy_once_per_site'),
        ),
    ]
