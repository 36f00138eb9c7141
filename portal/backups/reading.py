"""Reading an archive: its manifest, and members extracted only once their checksums match."""

import hashlib
import json
import tarfile
from contextlib import contextmanager
from pathlib import PurePosixPath

from .common import CHUNK, FORMAT_VERSION, MANIFEST, MEDIA_PREFIX, BackupError


def read_manifest(archive):
    """(The manifest, an iterator over the members after it)."""
    members = iter(archive)
    first = next(members, None)
    if first is None or first.name != MANIFEST or not first.isreg():
        raise BackupError(f"This is not a portal backup: it does not start with {MANIFEST}.")
    try:
        manifest = json.loads(archive.extractfile(first).read())
        check_manifest(manifest)
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"The archive's {MANIFEST} is damaged: {error!r}.") from error
    return manifest, members


def check_manifest(manifest):
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"This backup has format {manifest.get('format')!r}; this version of the portal "
            f"reads format {FORMAT_VERSION}."
        )
    names = [entry["name"] for entry in manifest["members"]]
    for name in names:
        check_member_name(name)
    if len(set(names)) != len(names):
        raise BackupError("The manifest lists a member twice.")


def check_member_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name:
        raise BackupError(f"Refusing the archive: the member {name!r} has an unsafe path.")
    if name != MANIFEST and not name.startswith(("database/", MEDIA_PREFIX)):
        raise BackupError(f"Refusing the archive: unexpected member {name!r}.")


def check_member(member, expected, seen):
    """Refuse anything but a regular file the manifest lists, named safely, seen once."""
    check_member_name(member.name)
    if not member.isreg():
        raise BackupError(
            f"Refusing the archive: the member {member.name!r} is not a regular file "
            "(links, devices and directories are never in a portal backup)."
        )
    if member.name not in expected:
        raise BackupError(f"Refusing the archive: {member.name!r} is not in its manifest.")
    if member.name in seen:
        raise BackupError(f"Refusing the archive: {member.name!r} appears twice.")


def copy_checked(source, entry, target):
    """Copy a member's bytes to `target` (a file object, or None to only check them)."""
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if target is not None:
            target.write(chunk)
    if digest.hexdigest() != entry["sha256"] or size != entry["size"]:
        raise BackupError(
            f"The archive is damaged: {entry['name']} does not match the checksum in its "
            "manifest. Nothing was restored."
        )


def extract_members(archive, members, manifest, destination):
    """Check every member; write each to destination(name) when it is not None."""
    expected = {entry["name"]: entry for entry in manifest["members"]}
    seen = set()
    for member in members:
        check_member(member, expected, seen)
        seen.add(member.name)
        source = archive.extractfile(member)
        if destination is None:
            copy_checked(source, expected[member.name], None)
            continue
        with open(destination(member.name), "xb") as target:
            copy_checked(source, expected[member.name], target)
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"The archive is incomplete: {', '.join(missing)} missing.")


def verify_archive(path):
    """Check an archive without touching this instance; return its manifest."""
    with open_archive(path) as archive:
        manifest, members = read_manifest(archive)
        extract_members(archive, members, manifest, None)
    return manifest


@contextmanager
def open_archive(path):
    try:
        with tarfile.open(path, mode="r|*") as archive:
            yield archive
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"Cannot read {path}: {error}") from error
