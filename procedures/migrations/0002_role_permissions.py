"""Site administrators and publishers keep the site's procedures (publishers publish for the
office); editors add and update them, and import spreadsheets, but do not delete them."""

from django.db import migrations

from portal.groups import create_all_permissions, grant

SITE_ADMINISTRATORS = "Quản trị trang"
PUBLISHERS = "Người duyệt bài"
EDITORS = "Biên tập viên"
ALL = [
    f"{action}_{model}"
    for model in ("procedure", "procedureform")
    for action in ("add", "change", "delete", "view")
]
EDITOR_PERMISSIONS = [p for p in ALL if p != "delete_procedure"]


def grant_roles(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, SITE_ADMINISTRATORS, "procedures", ALL)
    grant(apps, PUBLISHERS, "procedures", ALL)
    grant(apps, EDITORS, "procedures", EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0001_initial"),
        ("tenancy", "0004_roles_from_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
