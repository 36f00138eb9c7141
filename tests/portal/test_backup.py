"""`manage.py backup` writes one archive with the database and the media; `manage.py restore`
brings it back into an empty instance (a subprocess with its own database and media folder).

The suite runs once on SQLite and once on PostgreSQL: each test uses the database it runs on."""

import hashlib
import io
import json
import re
import sqlite3
import tarfile
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article, Vote
from articles.services import cast_vote
from comments.models import Comment
from comments.services import post_comment
from library.pictures import normalize_upload, store_picture
from portal import counters
from stats.models import DailyBreakdown, DailyVisits, HourlyVisits
from tests.factories import first_site, make_article, make_category
from tests.library.test_pictures import picture_bytes, upload_of
from tests.portal.test_settings import run_manage

pytestmark = pytest.mark.django_db(transaction=True)

VENDOR = connection.vendor
OTHER_VENDOR = {"sqlite": "PostgreSQL", "postgresql": "SQLite"}[VENDOR]
STORED_VIEWS, PENDING_VIEWS, PENDING_VISITS = 7, 5, 3


@dataclass
class Instance:
    """An empty instance of the portal: the environment `manage.py` runs with."""

    database_url: str
    media_root: Path
    var_dir: Path

    @property
    def env(self):
        return {
            "DATABASE_URL": self.database_url,
            "DJANGO_MEDIA_ROOT": str(self.media_root),
            "DJANGO_VAR_DIR": str(self.var_dir),
        }

    def manage(self, *args):
        return run_manage(*args, env=self.env)

    def restore(self, archive):
        # System checks are not what these tests are about.
        return self.manage("restore", "--skip-checks", str(archive))

    def dump(self):
        result = self.manage("dumpdata", "--skip-checks")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def tables(self):
        """The tables of the instance's database (none while nothing was restored)."""
        if VENDOR == "sqlite":
            path = Path(self.database_url.removeprefix("sqlite:///"))
            if not path.exists():
                return []
            with sqlite3.connect(path) as database:
                return [row[0] for row in database.execute("SELECT name FROM sqlite_master")]
        with psycopg.connect(self.database_url) as database:
            rows = database.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            return [row[0] for row in rows]


def postgresql_url(name):
    params = connection.settings_dict
    user = quote(params["USER"] or "")
    password = f":{quote(str(params['PASSWORD']))}" if params["PASSWORD"] else ""
    host = params["HOST"] or "localhost"
    return f"postgres://{user}{password}@{host}:{params['PORT'] or 5432}/{name}"


@pytest.fixture
def instance(tmp_path):
    media_root, var_dir = tmp_path / "restored-media", tmp_path / "restored-var"
    if VENDOR == "sqlite":
        yield Instance(f"sqlite:///{tmp_path / 'restored.sqlite3'}", media_root, var_dir)
        return
    name = f"portal_backup_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Instance(postgresql_url(name), media_root, var_dir)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def site(settings, django_user_model):
    """Articles with pictures, comments, votes, stored and pending counters, statistics."""
    settings.PORTAL_COMMENT_MODERATION = "none"
    editor = django_user_model.objects.create_user("bientap", password="mat-khau-dai-123")
    article = make_article(make_category())
    article.cover_image.save("ảnh bìa.png", ContentFile(picture_bytes(format="PNG")))
    other = make_article(article.category, title="Lịch tiếp công dân tháng 6")
    store_picture(
        site=first_site(),
        normalized=normalize_upload(upload_of(picture_bytes(size=(900, 600)))),
        alt="Hội nghị",
    )
    question = post_comment(
        article, name="Nguyễn Văn An", email="an@example.vn", text="Khi nào họp?", address="a1"
    )
    post_comment(article, name="UBND", email="", text="Thứ Hai.", parent=question, user=editor)
    for number, score in enumerate([5, 4, 2]):
        cast_vote(article.pk, score, [f"voter-{number}"], f"address-{number}", 20)
    cast_vote(other.pk, 3, ["voter-0"], "address-0", 20)
    counters.increment(Article, article.pk, "view_count", STORED_VIEWS)
    counters.flush()
    counters.increment(Article, article.pk, "view_count", PENDING_VIEWS)
    ward = first_site()
    day = {"site_id": ward.pk, "day": date(2025, 6, 2)}
    counters.increment(DailyVisits, day, "visits", PENDING_VISITS)
    HourlyVisits.objects.create(site=ward, hour="2025-06-02T08:00:00+07:00", visits=2, page_views=9)
    DailyBreakdown.objects.create(**day, dimension="browser", value="Chrome", count=4)
    return article


@pytest.fixture
def archive(site, tmp_path):
    path = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(path), stdout=io.StringIO())
    return path


def media_files(root):
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in Path(root).rglob("*")
        if path.is_file()
    }


def dumped(rows, model):
    return {row["pk"]: row["fields"] for row in rows if row["model"] == model._meta.label_lower}


def source_dump():
    """What `dumpdata` prints for this database (which dumpdata itself cannot print here, as
    portal.groups.create_all_permissions leaves the app registry without models modules)."""
    models = [model for model in apps.get_models() if not model._meta.proxy]
    rows = [row for model in models for row in model._default_manager.order_by("pk")]
    return json.loads(serializers.serialize("json", rows))


def test_round_trip_restores_every_row_and_every_media_file(archive, instance, settings):
    result = instance.restore(archive)

    assert result.returncode == 0, result.stderr
    assert "Restored" in result.stdout
    restored, source = instance.dump(), source_dump()
    assert restored == source
    for model in (Article, Comment, Vote, DailyVisits, HourlyVisits, DailyBreakdown):
        assert dumped(restored, model), model
    article = next(iter(dumped(restored, Article).values()))
    assert article["view_count"] == STORED_VIEWS + PENDING_VIEWS
    assert (article["rating_sum"], article["rating_count"], article["comment_count"]) == (11, 3, 2)
    [visits] = dumped(restored, DailyVisits).values()
    assert (visits["day"], visits["visits"]) == ("2025-06-02", PENDING_VISITS)
    media = media_files(settings.MEDIA_ROOT)
    assert article["cover_image"] in media
    assert any(name.startswith("pictures/") for name in media)
    assert media_files(instance.media_root) == media


def test_restore_refuses_an_instance_that_holds_data(archive, instance):
    assert instance.restore(archive).returncode == 0
    tables = instance.tables()

    again = instance.restore(archive)

    assert again.returncode != 0
    assert "Refusing to restore into a database that holds data" in again.stderr
    assert instance.tables() == tables


def test_restore_into_a_migrated_instance_continues_its_sequences(archive, instance):
    migrated = instance.manage("migrate", "--skip-checks", "--verbosity", "0")
    assert migrated.returncode == 0, migrated.stderr

    result = instance.restore(archive)

    assert result.returncode == 0, result.stderr
    code = (
        "from articles.models import Article, Category; from tenancy.models import Site; "
        "print(Category.objects.create(name='Mới', site=Site.objects.first()).pk, "
        "Article.objects.count())"
    )
    created = instance.manage("shell", "--no-imports", "-c", code)
    assert created.returncode == 0, created.stderr
    new_pk, articles = map(int, created.stdout.split())
    assert new_pk > max(row["pk"] for row in source_dump() if row["model"] == "articles.category")
    assert articles == Article.objects.count()


def read_members(path):
    with tarfile.open(path) as archive:
        return {member.name: archive.extractfile(member).read() for member in archive}


def test_the_archive_starts_with_a_manifest_of_its_members(archive):
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    members = read_members(archive)
    manifest = json.loads(members["manifest.json"])

    assert names[0] == "manifest.json"
    assert manifest["format"] == 1
    assert manifest["database"]["vendor"] == VENDOR
    assert manifest["database"]["counts"]["articles.article"] == 2
    assert manifest["database"]["counts"]["comments.comment"] == 2
    assert "0001_initial" in manifest["database"]["migrations"]["articles"]
    assert manifest["media"]["included"] is True
    listed = {entry["name"]: entry for entry in manifest["members"]}
    assert set(listed) == set(names[1:])
    for name, data in members.items():
        if name != "manifest.json":
            assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest()
            assert listed[name]["size"] == len(data)


def test_restore_check_verifies_an_intact_archive_without_restoring(archive):
    output = io.StringIO()

    call_command("restore", "--check", str(archive), stdout=output)

    assert f"{archive} is intact" in output.getvalue()


def test_symbolic_links_in_media_are_left_out(site, settings, tmp_path):
    (Path(settings.MEDIA_ROOT) / "passwd").symlink_to("/etc/passwd")
    path = tmp_path / "links.tar.gz"
    errors = io.StringIO()

    call_command("backup", "--output", str(path), stdout=io.StringIO(), stderr=errors)

    manifest = json.loads(read_members(path)["manifest.json"])
    assert manifest["media"]["skipped_links"] == ["passwd"]
    assert "media/passwd" not in read_members(path)
    assert "Not included (a symbolic link): passwd" in errors.getvalue()


def test_backup_is_named_by_its_time_in_var_backups(site, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"

    call_command("backup", stdout=io.StringIO())

    [written] = (tmp_path / "var" / "backups").iterdir()
    assert re.fullmatch(r"portal-\d{8}-\d{6}\.tar\.gz", written.name)
    assert written.stat().st_mode & 0o077 == 0


def test_backup_never_overwrites_an_archive(archive):
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", "--output", str(archive))


def test_media_in_a_bucket_are_recorded_as_not_included(site, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    settings.PORTAL_S3_BUCKET = "anh-phuvan"
    path = tmp_path / "bucket.tar.gz"

    call_command("backup", "--output", str(path), stdout=io.StringIO())

    manifest = json.loads(read_members(path)["manifest.json"])
    assert manifest["media"] == {
        "included": False,
        "reason": "media live in the bucket anh-phuvan and are not in this backup",
    }
    assert [entry["name"] for entry in manifest["members"]] == [manifest["database"]["member"]]


def write_members(path, members, links=()):
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in links:
            info = tarfile.TarInfo(name)
            info.type, info.linkname = tarfile.SYMTYPE, target
            archive.addfile(info)
    return path


def with_manifest(members, change):
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    return {**members, "manifest.json": json.dumps(manifest).encode()}


def assert_nothing_restored(instance):
    assert instance.tables() == []
    assert not instance.media_root.exists() or media_files(instance.media_root) == {}


def test_a_tampered_member_is_refused_before_anything_is_written(archive, instance, tmp_path):
    members = read_members(archive)
    picture = next(name for name in members if name.startswith("media/pictures/"))
    members[picture] = members[picture][:-1] + bytes([members[picture][-1] ^ 1])
    tampered = write_members(tmp_path / "tampered.tar.gz", members)

    result = instance.restore(tampered)
    checked = instance.manage("restore", "--skip-checks", "--check", str(tampered))

    assert result.returncode != 0
    assert f"{picture} does not match the checksum" in result.stderr
    assert "Nothing was restored" in result.stderr
    assert checked.returncode != 0
    assert_nothing_restored(instance)


@pytest.mark.parametrize(
    "name", ["../escape.txt", "media/../../escape.txt", "{tmp}/escape.txt", "database/../x"]
)
def test_a_member_outside_the_archive_is_refused(archive, instance, tmp_path, name):
    name = name.format(tmp=tmp_path)
    members = read_members(archive)
    members[name] = b"not a picture"
    unsafe = write_members(tmp_path / "unsafe.tar.gz", members)

    result = instance.restore(unsafe)

    assert result.returncode != 0
    assert f"the member '{name}' has an unsafe path" in result.stderr
    assert not list(tmp_path.rglob("escape.txt"))
    assert_nothing_restored(instance)


def test_a_symbolic_link_member_is_refused(archive, instance, tmp_path):
    members = with_manifest(
        read_members(archive),
        lambda manifest: manifest["members"].append(
            {"name": "media/passwd", "sha256": hashlib.sha256(b"").hexdigest(), "size": 0}
        ),
    )
    linked = write_members(
        tmp_path / "link.tar.gz", members, links=[("media/passwd", "/etc/passwd")]
    )

    result = instance.restore(linked)

    assert result.returncode != 0
    assert "'media/passwd' is not a regular file" in result.stderr
    assert_nothing_restored(instance)


def test_a_backup_of_the_other_database_is_refused(archive, instance, tmp_path):
    other = {"sqlite": "postgresql", "postgresql": "sqlite"}[VENDOR]
    members = with_manifest(
        read_members(archive), lambda manifest: manifest["database"].update(vendor=other)
    )
    foreign = write_members(tmp_path / "foreign.tar.gz", members)

    result = instance.restore(foreign)

    assert result.returncode != 0
    assert (
        f"This backup is of {OTHER_VENDOR}; restore it into a {OTHER_VENDOR} instance"
        in result.stderr
    )
    assert_nothing_restored(instance)


def test_a_backup_from_newer_code_is_refused(archive, instance, tmp_path):
    members = with_manifest(
        read_members(archive),
        lambda manifest: manifest["database"]["migrations"]["articles"].append("9999_future"),
    )
    newer = write_members(tmp_path / "newer.tar.gz", members)

    result = instance.restore(newer)

    assert result.returncode != 0
    assert "does not know the migrations articles.9999_future" in result.stderr
    assert_nothing_restored(instance)
