"""Site administrators keep the whole organisation; publishers keep its people and units up
to date (they publish for the office) but neither add nor remove units."""

from django.db import migrations

from portal.groups import create_all_permissions, grant

SITE_ADMINISTRATORS = "Quản trị trang"
PUBLISHERS = "Người duyệt bài"
ALL = [
    f"{action}_{model}"
    for model in ("unit", "person", "organisation")
    for action in ("add", "change", "delete", "view")
]
PUBLISHER_PERMISSIONS = [
    "add_person",
    "change_person",
    "delete_person",
    "view_person",
    "change_unit",
    "view_unit",
    "change_organisation",
    "view_organisation",
]


def grant_roles(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, SITE_ADMINISTRATORS, "organisation", ALL)
    grant(apps, PUBLISHERS, "organisation", PUBLISHER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_initial"),
        ("tenancy", "0004_roles_from_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
