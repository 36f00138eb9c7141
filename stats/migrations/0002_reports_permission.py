from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Người duyệt bài", "Người kiểm duyệt"]


def grant_reports(apps, schema_editor):
    """Publishers and moderators may read the visitor statistics reports."""
    stats = apps.get_app_config("stats")
    models_module = getattr(stats, "models_module", None)
    stats.models_module = models_module or True
    create_permissions(stats, verbosity=0, apps=apps)
    stats.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="stats", codename="view_reports")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0003_groups_and_search_text"),
        ("comments", "0003_publishers_delete_comments"),
    ]

    operations = [migrations.RunPython(grant_reports, migrations.RunPython.noop)]
