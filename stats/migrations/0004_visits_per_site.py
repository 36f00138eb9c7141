"""Visitor statistics belong to a site: the rows counted so far are the first site's."""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("dailyvisits", "hourlyvisits", "dailybreakdown")
RELATED = {
    "dailyvisits": "daily_visits",
    "hourlyvisits": "hourly_visits",
    "dailybreakdown": "daily_breakdowns",
}


def give_rows_to_first_site(apps, schema_editor):
    site = apps.get_model("tenancy", "Site").objects.order_by("pk").first()
    for name in MODELS:
        rows = apps.get_model("stats", name).objects.filter(site__isnull=True)
        if site is not None:
            rows.update(site=site)


def site_field(name, null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.CASCADE,
        related_name=RELATED[name],
        to="tenancy.site",
        verbose_name="site",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0003_report_names"),
        ("tenancy", "0002_first_site"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="dailybreakdown", name="breakdown_unique"),
        migrations.AlterField(
            model_name="dailyvisits", name="day", field=models.DateField(verbose_name="day")
        ),
        migrations.AlterField(
            model_name="hourlyvisits", name="hour", field=models.DateTimeField(verbose_name="hour")
        ),
        *(
            migrations.AddField(model_name=name, name="site", field=site_field(name, True))
            for name in MODELS
        ),
        migrations.RunPython(give_rows_to_first_site, migrations.RunPython.noop),
        *(
            migrations.AlterField(model_name=name, name="site", field=site_field(name, False))
            for name in MODELS
        ),
        migrations.AddConstraint(
            model_name="dailyvisits",
            constraint=models.UniqueConstraint(fields=("site", "day"), name="daily_visits_unique"),
        ),
        migrations.AddConstraint(
            model_name="hourlyvisits",
            constraint=models.UniqueConstraint(
                fields=("site", "hour"), name="hourly_visits_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="dailybreakdown",
            constraint=models.UniqueConstraint(
                fields=("site", "day", "dimension", "value"), name="breakdown_unique"
            ),
        ),
    ]
