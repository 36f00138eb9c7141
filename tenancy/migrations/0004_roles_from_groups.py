"""Roles become per site: the members of the role groups get that role on the first site and
leave the groups, which stay as the definition of each role's permissions; the site
administrators' own group (managing the site's roles and settings) is made."""

from django.db import migrations

from portal.groups import create_all_permissions, grant

SITE_ADMINISTRATORS = "Quản trị trang"
SITE_ADMINISTRATOR_PERMISSIONS = [
    "add_membership",
    "change_membership",
    "delete_membership",
    "view_membership",
    "change_site",
    "view_site",
]
# The role of each group; a member of several gets the first of them that they hold (an
# article role before moderation: no one gains the right to manage the site's roles).
GROUP_ROLES = [
    ("Người duyệt bài", "publisher"),
    ("Biên tập viên", "editor"),
    ("Người kiểm duyệt", "moderator"),
]


def create_site_administrators(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, SITE_ADMINISTRATORS, "tenancy", SITE_ADMINISTRATOR_PERMISSIONS)


def move_group_members(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Membership = apps.get_model("tenancy", "Membership")
    site = apps.get_model("tenancy", "Site").objects.order_by("pk").first()
    for name, role in GROUP_ROLES:
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        users = list(group.user_set.all())
        if site is not None:
            for user in users:
                Membership.objects.get_or_create(user=user, site=site, defaults={"role": role})
        group.user_set.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("tenancy", "0003_memberships"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0003_groups_and_search_text"),
        ("comments", "0003_publishers_delete_comments"),
        ("stats", "0002_reports_permission"),
    ]

    operations = [
        migrations.RunPython(create_site_administrators, migrations.RunPython.noop),
        migrations.RunPython(move_group_members, migrations.RunPython.noop),
    ]
