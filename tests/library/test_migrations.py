"""The picture model's move from articles to library, on a database at the migrations before it:
its rows stay, and so do the rights the staff's groups had on it."""

import json

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from library.models import Attachment, Picture
from tenancy.portability import with_current_labels
from tenancy.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0015_site_on_news"), ("library", None)]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    if targets:
        return executor.loader.project_state([t for t in targets if t[1]]).apps
    return None


def picture_rights(group_name):
    group = Group.objects.get(name=group_name)
    return sorted(
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
        if p.codename.endswith("_picture")
    )


def test_pictures_and_their_rights_survive_the_move():
    old_apps = migrate(BEFORE)
    assert picture_rights(EDITORS) == [
        "articles.add_picture",
        "articles.change_picture",
        "articles.view_picture",
    ]
    site = old_apps.get_model("tenancy", "Site").objects.order_by("pk").first()
    old_apps.get_model("articles", "Picture").objects.create(
        site_id=site.pk, file="pictures/ab/cu.jpg", sha256="cu", alt="Ảnh cũ", width=4, height=3
    )

    migrate()

    picture = Picture.objects.get()
    assert (picture.alt, picture.file.name, picture.site_id) == (
        "Ảnh cũ",
        "pictures/ab/cu.jpg",
        site.pk,
    )
    assert picture_rights(EDITORS) == [
        "library.add_picture",
        "library.change_picture",
        "library.view_picture",
    ]
    assert "library.delete_picture" in picture_rights(PUBLISHERS)
    assert not ContentType.objects.filter(app_label="articles", model="picture").exists()
    editors = Group.objects.get(name=EDITORS).permissions
    assert editors.filter(content_type__app_label="library", codename="add_attachment").exists()


def test_a_site_backup_made_before_the_move_restores_its_pictures_here():
    rows = [{"model": "articles.picture", "pk": 3, "fields": {"alt": "Ảnh cũ"}}]
    [(label, text, count)] = with_current_labels([("articles.picture", json.dumps(rows), 1)])
    assert (label, count) == ("library.picture", 1)
    assert json.loads(text) == [{"model": "library.picture", "pk": 3, "fields": {"alt": "Ảnh cũ"}}]


def test_attachments_stored_before_their_text_are_found_by_title():
    old_apps = migrate([("library", "0001_initial")])
    site = old_apps.get_model("tenancy", "Site").objects.order_by("pk").first()
    old_apps.get_model("library", "Attachment").objects.create(
        site_id=site.pk,
        file="attachments/cu.pdf",
        original_name="Kế hoạch.pdf",
        title="Quyết định cũ",
        sha256="cu",
        content_type="application/pdf",
    )

    migrate()

    attachment = Attachment.objects.get()
    assert (attachment.text, attachment.search_text) == ("", "quyet dinh cu ke hoach.pdf ")
    assert list(Attachment.objects.matching("ke hoach")) == [attachment]
