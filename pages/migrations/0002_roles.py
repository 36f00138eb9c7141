from django.db import migrations

from portal.groups import create_all_permissions, grant

EDITORS = "Biên tập viên"
PUBLISHERS = "Người duyệt bài"

EDITOR_PERMISSIONS = ["add_page", "change_page", "view_page", "view_pagerevision"]
PUBLISHER_PERMISSIONS = [*EDITOR_PERMISSIONS, "publish_page", "delete_page"]


def grant_pages(apps, schema_editor):
    """Editors write pages; publishers publish, reorder and delete them (site administrators
    hold both roles' groups)."""
    create_all_permissions(apps)
    grant(apps, EDITORS, "pages", EDITOR_PERMISSIONS)
    grant(apps, PUBLISHERS, "pages", PUBLISHER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("articles", "0003_groups_and_search_text"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_pages, migrations.RunPython.noop)]
