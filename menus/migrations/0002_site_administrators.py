"""Site administrators edit their site's menus, website links and layout of blocks."""

from django.db import migrations

from portal.groups import create_all_permissions, grant

SITE_ADMINISTRATORS = "Quản trị trang"
MODELS = ["menu", "menuitem", "link", "placement"]
PERMISSIONS = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]


def grant_site_administrators(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, SITE_ADMINISTRATORS, "menus", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("menus", "0001_initial"),
        ("tenancy", "0004_roles_from_groups"),
    ]

    operations = [migrations.RunPython(grant_site_administrators, migrations.RunPython.noop)]
