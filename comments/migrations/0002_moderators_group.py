from django.db import migrations

from portal.groups import create_all_permissions, grant

MODERATORS = "Người kiểm duyệt"
PERMISSIONS = ["view_comment", "change_comment", "delete_comment", "moderate_comment"]


def create_group(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, MODERATORS, "comments", PERMISSIONS)
    grant(apps, MODERATORS, "articles", ["view_article"])


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0008_comment_count"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
