"""Where the NukeViet rows come from: a live MySQL/MariaDB database, or a .sql dump file.

Both give rows as dicts of column name to value (int for integer columns, str for text), in
the order of a key column, so an import reads them the same way whatever their origin.
"""

import gzip
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from .sqldump import parse_dump

BATCH = 500


class SourceError(Exception):
    """The source cannot be opened or read."""


class Source:
    def exists(self, table):
        raise NotImplementedError

    def count(self, table, where=None):
        raise NotImplementedError

    def rows(self, table, key=None, where=None):
        """Every row of `table` (matching `where`, {column: value}), ordered by `key`."""
        raise NotImplementedError

    def rows_in(self, table, column, values):
        """The rows of `table` whose `column` is one of `values`."""
        raise NotImplementedError

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def parse_dsn(dsn):
    """PyMySQL connection arguments of mysql://user:password@host:port/database?options."""
    parts = urlsplit(dsn)
    if parts.scheme not in ("mysql", "mariadb") or not parts.path.strip("/"):
        raise SourceError("the database must be given as mysql://user:password@host/database")
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    arguments = {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 3306,
        "user": unquote(parts.username or "root"),
        "password": unquote(parts.password or ""),
        "database": unquote(parts.path.strip("/")),
        "charset": options.pop("charset", "utf8mb4"),
    }
    if "unix_socket" in options:
        arguments["unix_socket"] = options.pop("unix_socket")
    if options:
        raise SourceError(f"unknown database options: {', '.join(sorted(options))}")
    return arguments


def quote(name):
    return "`" + name.replace("`", "``") + "`"


def where_clause(conditions):
    """(" WHERE `a` = %s AND ...", parameters) of [(column, operator, value)]."""
    if not conditions:
        return "", []
    clauses = [f"{quote(column)} {operator} %s" for column, operator, _value in conditions]
    return " WHERE " + " AND ".join(clauses), [value for *_rest, value in conditions]


def equal_to(where):
    return [(column, "=", value) for column, value in (where or {}).items()]


class MySQLSource(Source):
    """A live NukeViet database, read through PyMySQL, in batches of BATCH rows."""

    def __init__(self, dsn):
        import pymysql

        try:
            self.connection = pymysql.connect(
                **parse_dsn(dsn), cursorclass=pymysql.cursors.DictCursor, autocommit=True
            )
        except pymysql.MySQLError as error:
            raise SourceError(f"cannot connect to the NukeViet database: {error}") from error
        self.tables = {next(iter(row.values())) for row in self.query("SHOW TABLES", [])}

    def query(self, sql, parameters):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return list(cursor.fetchall())

    def select(self, table, conditions=(), what="*", tail=""):
        clause, parameters = where_clause(conditions)
        # Names are checked (tables.py) and quoted; values are parameters.
        sql = f"SELECT {what} FROM {quote(table)}{clause}{tail}"  # noqa: S608
        return self.query(sql, parameters)

    def exists(self, table):
        return table in self.tables

    def count(self, table, where=None):
        return self.select(table, equal_to(where), what="COUNT(*) AS n")[0]["n"]

    def rows(self, table, key=None, where=None):
        if key is None:
            yield from self.select(table, equal_to(where))
            return
        after = []
        while True:
            tail = f" ORDER BY {quote(key)} LIMIT {BATCH}"
            batch = self.select(table, equal_to(where) + after, tail=tail)
            yield from batch
            if len(batch) < BATCH:
                return
            after = [(key, ">", batch[-1][key])]

    def rows_in(self, table, column, values):
        values = tuple(values)
        return self.select(table, [(column, "IN", values)]) if values else []

    def close(self):
        self.connection.close()


class DumpSource(Source):
    """A .sql (or .sql.gz) dump, read into memory once: only the tables an import needs."""

    def __init__(self, path, wanted):
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError as error:
            raise SourceError(f"cannot read {path}: {error}") from error
        self.tables = parse_dump(text, wanted=set(wanted))
        self.indexes = {}

    def exists(self, table):
        return table in self.tables

    def selected(self, table, where):
        rows = self.tables[table].rows
        if not where:
            return rows
        return [row for row in rows if all(row.get(k) == v for k, v in where.items())]

    def count(self, table, where=None):
        return len(self.selected(table, where))

    def rows(self, table, key=None, where=None):
        rows = self.selected(table, where)
        return iter(sorted(rows, key=lambda row: row[key]) if key else rows)

    def rows_in(self, table, column, values):
        index = self.indexes.get((table, column))
        if index is None:
            index = self.indexes[table, column] = {}
            for row in self.tables[table].rows:
                index.setdefault(row.get(column), []).append(row)
        return [row for value in dict.fromkeys(values) for row in index.get(value, [])]


def open_source(*, db=None, dump=None, wanted=()):
    if dump:
        return DumpSource(dump, wanted)
    return MySQLSource(db)
