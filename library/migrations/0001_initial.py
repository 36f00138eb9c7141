"""The media library, out of the articles app: the picture model takes over the table
articles_picture as it is (rows, content type and so the staff's permissions); attachments are
new, and the editors' and publishers' groups may use them as they use pictures."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from portal.groups import create_all_permissions, grant

EDITORS = "Biên tập viên"
PUBLISHERS = "Người duyệt bài"
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("picture", "attachment")
    for action in ("add", "change", "view")
]
PUBLISHER_PERMISSIONS = [*EDITOR_PERMISSIONS, "delete_picture", "delete_attachment"]


def move_content_type(apps, schema_editor, source="articles", target="library"):
    """The picture's content type changes app, so its permissions (and the groups and people
    holding them) and the admin's history follow the model."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    old = types.filter(app_label=source, model="picture").first()
    if old is None:
        return
    new = types.filter(app_label=target, model="picture").first()
    if new is None:
        old.app_label = target
        old.save(update_fields=["app_label"])
    else:
        merge_content_types(apps, old, new)
    ContentType.objects.clear_cache()


def merge_content_types(apps, old, new):
    """Both exist (permissions were made for the new one first): the old one's go to it."""
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type=old):
        twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if twin is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        twin.group_set.add(*permission.group_set.all())
        twin.user_set.add(*permission.user_set.all())
    if apps.is_installed("admin"):
        apps.get_model("admin", "LogEntry").objects.filter(content_type=old).update(
            content_type=new
        )
    old.delete()


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="library", target="articles")


def grant_library(apps, schema_editor):
    """Attachments as pictures: the pictures' rights came with their content type (granted
    again here for a database whose groups are made afresh, as the tests' flushes do)."""
    create_all_permissions(apps)
    grant(apps, EDITORS, "library", EDITOR_PERMISSIONS)
    grant(apps, PUBLISHERS, "library", PUBLISHER_PERMISSIONS)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0016_picture_to_library"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("tenancy", "0004_roles_from_groups"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Picture",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "file",
                            models.ImageField(
                                height_field="height",
                                upload_to="pictures/",
                                verbose_name="file",
                                width_field="width",
                            ),
                        ),
                        ("sha256", models.CharField(editable=False, max_length=64)),
                        ("width", models.PositiveIntegerField(editable=False, null=True)),
                        ("height", models.PositiveIntegerField(editable=False, null=True)),
                        ("byte_size", models.PositiveIntegerField(default=0, editable=False)),
                        (
                            "alt",
                            models.CharField(
                                blank=True, max_length=250, verbose_name="description (alt text)"
                            ),
                        ),
                        (
                            "caption",
                            models.CharField(blank=True, max_length=300, verbose_name="caption"),
                        ),
                        (
                            "uploaded_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="uploaded at"
                            ),
                        ),
                        (
                            "site",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="pictures",
                                to="tenancy.site",
                                verbose_name="site",
                            ),
                        ),
                        (
                            "uploaded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="uploaded by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "picture",
                        "verbose_name_plural": "pictures",
                        "db_table": "articles_picture",
                        "ordering": ["-uploaded_at", "-pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("site", "sha256"), name="articles_picture_sha256_per_site"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
        migrations.CreateModel(
            name="Attachment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "file",
                    models.FileField(max_length=200, upload_to="attachments/", verbose_name="file"),
                ),
                (
                    "original_name",
                    models.CharField(max_length=255, verbose_name="original file name"),
                ),
                ("title", models.CharField(blank=True, max_length=255, verbose_name="title")),
                (
                    "byte_size",
                    models.PositiveBigIntegerField(default=0, editable=False, verbose_name="size"),
                ),
                ("sha256", models.CharField(editable=False, max_length=64)),
                (
                    "content_type",
                    models.CharField(editable=False, max_length=100, verbose_name="content type"),
                ),
                (
                    "uploaded_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="uploaded at"
                    ),
                ),
                (
                    "download_count",
                    models.PositiveIntegerField(
                        default=0, editable=False, verbose_name="downloads"
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attachments",
                        to="tenancy.site",
                        verbose_name="site",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "attachment",
                "verbose_name_plural": "attachments",
                "ordering": ["-uploaded_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("site", "sha256"), name="library_attachment_sha256_per_site"
                    )
                ],
            },
        ),
        migrations.RunPython(grant_library, migrations.RunPython.noop),
    ]
