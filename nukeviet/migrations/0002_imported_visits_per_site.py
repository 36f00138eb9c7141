"""Imported visitor totals belong to a site: those imported so far are the first site's."""

import django.db.models.deletion
from django.db import migrations, models


def give_rows_to_first_site(apps, schema_editor):
    site = apps.get_model("tenancy", "Site").objects.order_by("pk").first()
    if site is not None:
        apps.get_model("nukeviet", "ImportedVisits").objects.update(site=site)


def site_field(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="imported_visits",
        to="tenancy.site",
        verbose_name="site",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("nukeviet", "0001_initial"),
        ("tenancy", "0002_first_site"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="importedvisits", name="imported_visits_once"),
        migrations.AddField(model_name="importedvisits", name="site", field=site_field(True)),
        migrations.RunPython(give_rows_to_first_site, migrations.RunPython.noop),
        migrations.AlterField(model_name="importedvisits", name="site", field=site_field(False)),
        migrations.AddConstraint(
            model_name="importedvisits",
            constraint=models.UniqueConstraint(
                fields=("site", "source", "period", "start"), name="imported_visits_once"
            ),
        ),
    ]
