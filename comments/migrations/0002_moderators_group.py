from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Người kiểm duyệt"
PERMISSIONS = ["view_comment", "change_comment", "delete_comment", "moderate_comment"]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="comments", codename__in=PERMISSIONS),
        *Permission.objects.filter(content_type__app_label="articles", codename="view_article"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0008_comment_count"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
