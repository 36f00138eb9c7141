"""Moderators, and so site administrators (whose role includes the moderators' group), keep
the questions' queue: they assign, answer, publish and refuse questions; site administrators
also set the time limit for answers."""

from django.db import migrations

from portal.groups import create_all_permissions, grant

MODERATORS = "Người kiểm duyệt"
SITE_ADMINISTRATORS = "Quản trị trang"
QUEUE = ["view_question", "change_question", "delete_question"]
SETTINGS = ["view_questionsettings", "add_questionsettings", "change_questionsettings"]


def grant_questions(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, MODERATORS, "questions", QUEUE)
    grant(apps, SITE_ADMINISTRATORS, "questions", SETTINGS)


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("tenancy", "0004_roles_from_groups"),
    ]

    operations = [migrations.RunPython(grant_questions, migrations.RunPython.noop)]
