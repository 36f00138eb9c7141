"""Editors write documents and attach their files; publishers also delete documents and keep
the lists of types and issuing bodies; site administrators may do everything."""

from django.db import migrations

from portal.groups import create_all_permissions, grant

EDITORS = "Biên tập viên"
PUBLISHERS = "Người duyệt bài"
SITE_ADMINISTRATORS = "Quản trị trang"
ACTIONS = ("add", "change", "delete", "view")
ALL = [
    f"{action}_{model}"
    for model in ("document", "documentfile", "documenttype", "issuingbody")
    for action in ACTIONS
]
EDITOR_PERMISSIONS = [
    "add_document",
    "change_document",
    "view_document",
    *(f"{action}_documentfile" for action in ACTIONS),
    "view_documenttype",
    "view_issuingbody",
]


def grant_documents(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, EDITORS, "documents", EDITOR_PERMISSIONS)
    grant(apps, PUBLISHERS, "documents", ALL)
    grant(apps, SITE_ADMINISTRATORS, "documents", ALL)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_search_document"),
        ("tenancy", "0004_roles_from_groups"),
        ("articles", "0003_groups_and_search_text"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_documents, migrations.RunPython.noop)]
