"""One site's backup: its rows (tenancy.portability) as JSON members and the media they name,
in the same checked archive as a full backup; restored beside the sites already there."""

import glob
import json
import tempfile
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from portal import counters
from portal.backups.common import FORMAT_VERSION, MEDIA_PREFIX, BackupError, Restored
from portal.backups.reading import copy_checked, extract_members, open_archive, read_manifest
from portal.backups.restoring import check_migrations_known
from portal.backups.writing import (
    applied_migrations,
    bucket_reason,
    filesystem_media_root,
    member_of,
    write_archive,
)
from tenancy.hosts import normalize_host
from tenancy.models import Site
from tenancy.portability import (
    MOVED_MODELS,
    PortabilityError,
    export_site,
    import_site,
    site_models,
    site_rows,
)

SITE_KIND = "site"
ROWS_PREFIX = "database/site/"


def default_site_path(host):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"site-{host}-{stamp}.tar.gz"


def find_site(host):
    try:
        site = Site.objects.filter(domains__host=normalize_host(host)).first()
    except ValueError as error:
        raise BackupError(f"{host}: {error}") from error
    if site is None:
        raise BackupError(f"No site answers on {host} in this installation.")
    return site


def create_site_backup(host, path=None):
    """Write the archive of the site answering on `host`; return its manifest."""
    site = find_site(host)
    path = Path(path or default_site_path(site.primary_host))
    if path.exists():
        raise BackupError(f"{path} already exists; choose another --output.")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    counters.flush()
    exported = export_site(site)
    with tempfile.TemporaryDirectory(prefix="portal-site-backup-") as workdir:
        rows = row_members(Path(workdir), exported)
        media, media_entry = site_media(exported["files"])
        members = [*rows, *media]
        manifest = site_manifest(site, exported, media_entry, members)
        write_archive(path, manifest, members)
    return manifest


def row_members(workdir, exported):
    documents = [("users", json.dumps(exported["users"]))]
    documents += [(label, text) for label, text, _count in exported["models"]]
    members = []
    for index, (label, text) in enumerate(documents):
        file = workdir / f"{index:02d}-{label}.json"
        file.write_text(text, encoding="utf-8")
        members.append(member_of(f"{ROWS_PREFIX}{file.name}", file))
    return members


def site_media(names):
    """Members for the files the rows name and their renditions (`<stem>~<width>w.<ext>`
    beside them). Copies: another site may use the same file."""
    root = filesystem_media_root()
    if root is None:
        return [], {"included": False, "reason": bucket_reason()}
    paths, missing = set(), []
    for name in names:
        path = root.joinpath(*PurePosixPath(name).parts)
        if not path.is_file():
            missing.append(name)
            continue
        paths |= {path, *path.parent.glob(f"{glob.escape(path.stem)}~*")}
    media = [
        member_of(MEDIA_PREFIX + path.relative_to(root).as_posix(), path)
        for path in sorted(paths)
        if not path.is_symlink()
    ]
    entry = {"included": True, "files": len(media), "bytes": sum(m.size for m in media)}
    return media, {**entry, "missing": missing, "skipped_links": []}


def site_manifest(site, exported, media_entry, members):
    with connection.cursor() as cursor:
        migrations = applied_migrations(cursor)
    return {
        "format": FORMAT_VERSION,
        "kind": SITE_KIND,
        "created_at": timezone.now().isoformat(),
        "django_version": django.get_version(),
        "site": {"name": site.name, "hosts": [domain.host for domain in site.domains.all()]},
        "database": {
            "vendor": connection.vendor,
            "counts": {label: count for label, _text, count in exported["models"]},
            "users": len(exported["users"]),
            "migrations": migrations,
        },
        "media": media_entry,
        "members": [member.entry() for member in members],
    }


def restore_site_backup(path):
    """Add the archive's site to this installation; every member is checked first."""
    with open_archive(path) as archive:
        manifest, members = read_manifest(archive)
        if manifest.get("kind") != SITE_KIND:
            raise BackupError(
                "This is a backup of a whole installation: restore it without --site, "
                "into an empty instance."
            )
        check_migrations_known(manifest["database"]["migrations"])
        with tempfile.TemporaryDirectory(prefix="portal-site-restore-") as workdir:
            stage = Path(workdir)
            extract_members(archive, members, manifest, lambda name: staged(stage, name))
            return install_site(stage, manifest)


def staged(stage, name):
    path = stage.joinpath(*PurePosixPath(name).parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def install_site(stage, manifest):
    exported = read_rows(stage, manifest)
    media = media_to_write(stage, manifest)
    counters.flush()
    written = []
    try:
        with transaction.atomic():
            site = import_site(exported)
            check_site_counts(site, manifest)
            write_media(media, written)
    except PortabilityError as error:
        remove(written)
        raise BackupError(str(error)) from error
    except (DatabaseError, DeserializationError) as error:
        remove(written)
        raise BackupError(f"The site could not be restored ({error}); nothing was.") from error
    except BaseException:
        remove(written)
        raise
    return Restored(manifest, len(written))


def read_rows(stage, manifest):
    names = sorted(e["name"] for e in manifest["members"] if e["name"].startswith(ROWS_PREFIX))
    texts = [(stage / name).read_text(encoding="utf-8") for name in names]
    labels = [PurePosixPath(name).stem.split("-", 1)[1] for name in names]
    counts = manifest["database"]["counts"]
    models = [
        (label, text, counts[label]) for label, text in zip(labels[1:], texts[1:], strict=True)
    ]
    return {"users": json.loads(texts[0]), "models": models}


def media_to_write(stage, manifest):
    """(staged file, storage name) for each media member this installation lacks; refuses a
    name that holds different bytes here."""
    storage = storages["default"]
    wanted = []
    for entry in manifest["members"]:
        if not entry["name"].startswith(MEDIA_PREFIX):
            continue
        name = entry["name"][len(MEDIA_PREFIX) :]
        if not storage.exists(name):
            wanted.append((stage / entry["name"], name))
            continue
        with storage.open(name, "rb") as existing:
            try:
                copy_checked(existing, entry, None)
            except BackupError:
                raise BackupError(
                    f"The media file {name} already exists here with other content: "
                    "nothing was restored."
                ) from None
    return wanted


def write_media(media, written):
    storage = storages["default"]
    for source, name in media:
        with open(source, "rb") as handle:
            written.append(storage.save(name, File(handle)))


def remove(names):
    storage = storages["default"]
    for name in names:
        storage.delete(name)


def check_site_counts(site, manifest):
    expected = manifest["database"]["counts"]
    restored = {model._meta.label_lower: site_rows(model, site).count() for model in site_models()}
    different = [
        f"{label} ({restored.get(label, 0)} rows, expected {count})"
        for old_label, count in expected.items()
        if restored.get(label := MOVED_MODELS.get(old_label, old_label), 0) != count
    ]
    if different:
        raise BackupError(f"The restored site differs from the backup: {', '.join(different)}.")
