from django.db import migrations

PUBLISHERS = "Người duyệt bài"


def let_publishers_delete_comments(apps, schema_editor):
    """Publishers delete articles; an article's comments and votes go with it."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=PUBLISHERS).first()
    if group is None:
        return
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["comments", "articles"],
            codename__in=["delete_comment", "delete_vote"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [("comments", "0002_moderators_group")]

    operations = [migrations.RunPython(let_publishers_delete_comments, migrations.RunPython.noop)]
