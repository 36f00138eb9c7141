"""Categories, tags, articles and pictures belong to a site; existing rows to the first."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


NEWS_MODELS = {
    "category": "categories",
    "tag": "tags",
    "article": "articles",
    "picture": "pictures",
}


def give_rows_the_first_site(apps, schema_editor):
    site = apps.get_model("tenancy", "Site").objects.order_by("pk").first()
    for model in NEWS_MODELS:
        rows = apps.get_model("articles", model).objects.filter(site=None)
        if site is None and rows.exists():
            raise RuntimeError("News rows exist but no site does: run tenancy's migrations.")
        if site is not None:
            rows.update(site=site)
    if schema_editor.connection.vendor == "postgresql":
        # The new foreign keys' deferred checks would block the ALTER TABLEs that follow.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def site_required(model, related_name):
    return migrations.AlterField(
        model_name=model,
        name="site",
        field=models.ForeignKey(
            on_delete=django.db.models.deletion.CASCADE,
            related_name=related_name,
            to="tenancy.site",
            verbose_name="site",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_expiry_index"),
        ("tenancy", "0002_first_site"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_public_idx",
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_featured_idx",
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_listing_idx",
        ),
        migrations.AddField(
            model_name="article",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="articles",
                to="tenancy.site",
                verbose_name="site",
            ),
        ),
        migrations.AddField(
            model_name="category",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="categories",
                to="tenancy.site",
                verbose_name="site",
            ),
        ),
        migrations.AddField(
            model_name="picture",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="pictures",
                to="tenancy.site",
                verbose_name="site",
            ),
        ),
        migrations.AddField(
            model_name="tag",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tags",
                to="tenancy.site",
                verbose_name="site",
            ),
        ),
        migrations.RunPython(give_rows_the_first_site, migrations.RunPython.noop),
        *(site_required(model, related) for model, related in NEWS_MODELS.items()),
        migrations.AlterField(
            model_name="article",
            name="slug",
            field=models.SlugField(blank=True, max_length=255, verbose_name="slug"),
        ),
        migrations.AlterField(
            model_name="category",
            name="slug",
            field=models.SlugField(blank=True, max_length=160, verbose_name="slug"),
        ),
        migrations.AlterField(
            model_name="picture",
            name="sha256",
            field=models.CharField(editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="tag",
            name="name",
            field=models.CharField(max_length=100, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="tag",
            name="slug",
            field=models.SlugField(blank=True, max_length=110, verbose_name="slug"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["site", "status", "-publish_at"], name="article_public_idx"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("is_featured", True)),
                fields=["site", "-publish_at"],
                name="article_featured_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["site", "-publish_at", "-id"],
                include=("status", "expire_at", "category"),
                name="article_listing_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("site", "slug"), name="articles_article_slug_per_site"
            ),
        ),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.UniqueConstraint(
                fields=("site", "slug"), name="articles_category_slug_per_site"
            ),
        ),
        migrations.AddConstraint(
            model_name="picture",
            constraint=models.UniqueConstraint(
                fields=("site", "sha256"), name="articles_picture_sha256_per_site"
            ),
        ),
        migrations.AddConstraint(
            model_name="tag",
            constraint=models.UniqueConstraint(
                fields=("site", "name"), name="articles_tag_name_per_site"
            ),
        ),
        migrations.AddConstraint(
            model_name="tag",
            constraint=models.UniqueConstraint(
                fields=("site", "slug"), name="articles_tag_slug_per_site"
            ),
        ),
    ]
