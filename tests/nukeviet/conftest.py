import io
import os
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

import pymysql
import pytest
from django.core.management import call_command
from PIL import Image

from . import nukeviet_site

# Where the tests find MariaDB (or MySQL): a server URL without a database name.
SERVER = os.environ.get("NUKEVIET_TEST_MYSQL", "mysql://root@127.0.0.1:3306/")
OLD_URL = "https://phuvan.gov.vn"


@dataclass(frozen=True)
class NukeVietDatabase:
    name: str
    dsn: str


def server_arguments():
    parts = urlsplit(SERVER)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 3306,
        "user": parts.username or "root",
        "password": parts.password or "",
        "charset": "utf8mb4",
        "autocommit": True,
    }


@pytest.fixture(scope="session")
def mariadb():
    """A connection to the server. Without one the tests skip, except in CI where they fail."""
    try:
        connection = pymysql.connect(**server_arguments(), connect_timeout=3)
    except pymysql.MySQLError as error:
        message = f"MariaDB is not reachable at {SERVER} ({error})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    yield connection
    connection.close()


def create_database(mariadb):
    name = f"nv_test_{secrets.token_hex(4)}"
    with mariadb.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    connection = pymysql.connect(**server_arguments(), database=name)
    try:
        nukeviet_site.build(connection)
    finally:
        connection.close()
    arguments = server_arguments()
    credentials = arguments["user"] + (f":{arguments['password']}" if arguments["password"] else "")
    dsn = f"mysql://{credentials}@{arguments['host']}:{arguments['port']}/{name}"
    return NukeVietDatabase(name, dsn)


def drop_database(mariadb, database):
    with mariadb.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {database.name}")


@pytest.fixture(scope="session")
def nukeviet_db(mariadb):
    """The NukeViet site of nukeviet_site.py in its own database; the tests only read it."""
    database = create_database(mariadb)
    yield database
    drop_database(mariadb, database)


@pytest.fixture
def changing_nukeviet_db(mariadb):
    """A database of its own for a test that changes the NukeViet data."""
    database = create_database(mariadb)
    yield database
    drop_database(mariadb, database)


def picture_bytes(size, color, kind="JPEG"):
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format=kind)
    return output.getvalue()


@pytest.fixture(scope="session")
def uploads(tmp_path_factory):
    """NukeViet's uploads/ folder: the cover and body pictures, one file that is no picture;
    khong-co.jpg and khong-co-bia.jpg are missing."""
    root = tmp_path_factory.mktemp("uploads")
    files = {
        "news/2024_05/dai-hoi.jpg": picture_bytes((1000, 600), (200, 30, 30)),
        "news/2024_05/dai-hoi-2.jpg": picture_bytes((900, 500), (30, 120, 200)),
        "news/2024_06/hong.jpg": b"this is not a picture",
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


@pytest.fixture
def run_import(uploads):
    """Run the command; returns its output (a CommandError propagates)."""

    def run(*, db=None, dump=None, **options):
        output = io.StringIO()
        origin = {"dump": str(dump)} if dump else {"db": db}
        defaults = {"uploads": str(uploads), "old_url": [OLD_URL]}
        call_command("import_nukeviet", **origin, **{**defaults, **options}, stdout=output)
        return output.getvalue()

    return run
