"""Site administrators and publishers ("người duyệt bài", who publish for the office) run the
site's polls."""

from django.db import migrations

from portal.groups import create_all_permissions, grant

SITE_ADMINISTRATORS = "Quản trị trang"
PUBLISHERS = "Người duyệt bài"
ALL = [
    f"{action}_{model}"
    for model in ("poll", "choice")
    for action in ("add", "change", "delete", "view")
]


def grant_roles(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, SITE_ADMINISTRATORS, "polls", ALL)
    grant(apps, PUBLISHERS, "polls", ALL)


class Migration(migrations.Migration):
    dependencies = [
        ("polls", "0001_initial"),
        ("tenancy", "0004_roles_from_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
