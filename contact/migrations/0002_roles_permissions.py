"""Moderators, and so site administrators (whose role includes the moderators' group), keep
the contact inbox: they read, answer, forward, close and delete messages."""

from django.db import migrations

from portal.groups import create_all_permissions, grant

MODERATORS = "Người kiểm duyệt"
PERMISSIONS = ["view_contactmessage", "change_contactmessage", "delete_contactmessage"]


def grant_inbox(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, MODERATORS, "contact", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_inbox, migrations.RunPython.noop)]
