import gzip
import shutil
import subprocess

import pymysql
import pytest
from django.db import transaction

from articles.models import Category
from tests.factories import make_category

from .conftest import server_arguments
from .snapshots import snapshot


def mysqldump(database, path):
    """The dump of `database` as mysqldump writes it (or, without it, written the same way)."""
    program = shutil.which("mysqldump") or shutil.which("mariadb-dump")
    arguments = server_arguments()
    if program is None:
        return write_dump(database, path)
    command = [program, f"--host={arguments['host']}", f"--port={arguments['port']}"]
    command += [f"--user={arguments['user']}", "--default-character-set=utf8mb4"]
    if arguments["password"]:
        command.append(f"--password={arguments['password']}")
    with path.open("wb") as output:
        subprocess.run([*command, database.name], stdout=output, check=True, timeout=120)


def write_dump(database, path):
    connection = pymysql.connect(**server_arguments(), database=database.name)
    lines = ["-- Dump written by the tests in mysqldump's format", "/*!40101 SET NAMES utf8mb4 */;"]
    with connection.cursor() as cursor:
        cursor.execute("SHOW TABLES")
        for (table,) in cursor.fetchall():
            cursor.execute(f"SHOW CREATE TABLE `{table}`")
            lines += [f"DROP TABLE IF EXISTS `{table}`;", cursor.fetchone()[1] + ";"]
            cursor.execute(f"SELECT * FROM `{table}`")  # noqa: S608 - a name SHOW TABLES gave
            rows = [
                "(" + ",".join(connection.escape(value) for value in row) + ")"
                for row in cursor.fetchall()
            ]
            if rows:
                insert = f"INSERT INTO `{table}` VALUES "  # noqa: S608 - SQL text written to a file
                lines.append(insert + ",".join(rows) + ";")
    connection.close()
    content = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(content) if path.suffix == ".gz" else content)


@pytest.mark.django_db
def test_a_dump_gives_what_the_live_database_gives(nukeviet_db, run_import, tmp_path):
    dump = tmp_path / "nukeviet.sql"
    mysqldump(nukeviet_db, dump)
    assert "INSERT INTO `nv4_vi_news_rows`" in dump.read_text(encoding="utf-8")
    make_category(name="Văn bản", slug="van-ban-chinh-sach")
    with transaction.atomic():
        before_import = transaction.savepoint()
        live_output = run_import(db=nukeviet_db.dsn)
        live = snapshot()
        transaction.savepoint_rollback(before_import)
    assert not Category.objects.exclude(slug="van-ban-chinh-sach").exists()
    dump_output = run_import(dump=dump)
    assert snapshot() == live
    assert live["counts"]["Article"] == 11
    summary = live_output[live_output.index("Summary") :]
    assert dump_output[dump_output.index("Summary") :] == summary


@pytest.mark.django_db
def test_the_written_dump_reads_the_same(nukeviet_db, run_import, tmp_path):
    """The fallback writer (for machines without mysqldump) is read the same way, gzipped."""
    written, dumped = tmp_path / "written.sql.gz", tmp_path / "dumped.sql"
    write_dump(nukeviet_db, written)
    with transaction.atomic():
        before_import = transaction.savepoint()
        run_import(dump=written)
        from_written = snapshot()
        transaction.savepoint_rollback(before_import)
    if not (shutil.which("mysqldump") or shutil.which("mariadb-dump")):
        pytest.skip("no mysqldump to compare with")
    mysqldump(nukeviet_db, dumped)
    run_import(dump=dumped)
    assert snapshot() == from_written
