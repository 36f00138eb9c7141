from django.db import migrations
from django.utils.html import strip_tags

from portal.text import fold
from portal.groups import create_all_permissions, grant

EDITORS = "Biên tập viên"
PUBLISHERS = "Người duyệt bài"

EDITOR_PERMISSIONS = [
    "add_article",
    "change_article",
    "view_article",
    "view_category",
    "add_tag",
    "change_tag",
    "view_tag",
    "add_picture",
    "change_picture",
    "view_picture",
    "view_articlerevision",
]
PUBLISHER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    "publish_article",
    "delete_article",
    "add_category",
    "change_category",
    "delete_tag",
    "delete_picture",
]


def create_groups(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, EDITORS, "articles", EDITOR_PERMISSIONS)
    grant(apps, PUBLISHERS, "articles", PUBLISHER_PERMISSIONS)


def fill_search_text(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.all().iterator():
        article.search_title = fold(article.title)
        article.search_body = fold(
            " ".join(
                [article.summary, strip_tags(article.body), article.author_byline, article.source]
            )
        )
        article.save(update_fields=["search_title", "search_body"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_tags_revisions_pictures_search"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
