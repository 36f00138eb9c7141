"""Reading the tables of a MySQL/MariaDB dump (mysqldump, phpMyAdmin, NukeViet's own backup).

Only two kinds of statement matter: CREATE TABLE (for the column names) and INSERT/REPLACE
(for the rows); everything else (SET, LOCK TABLES, /*!40101 ... */ and comments) is skipped.
String literals follow MySQL's rules: backslash escapes (\\0 \\' \\" \\b \\n \\r \\t \\Z \\\\,
and \\% \\_ kept with their backslash) and a doubled quote ('') for a quote.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>--(?=[ \t\r\n]|$)[^\n]*|\#[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:[^'\\]|\\.|'')*')
    | (?P<dstring>"(?:[^"\\]|\\.|"")*")
    | (?P<ident>`(?:[^`]|``)*`)
    | (?P<hex>0x[0-9A-Fa-f]+|[xX]'[0-9A-Fa-f]*')
    | (?P<bit>[bB]'[01]*')
    | (?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_$]*)
    | (?P<punct>[(),;.=*/@:<>!+\-%&|^~?{}\[\]])
    """,
    re.VERBOSE | re.DOTALL,
)
ESCAPES = {
    "0": "\0",
    "'": "'",
    '"': '"',
    "b": "\b",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "Z": "\x1a",
    "\\": "\\",
    "%": "\\%",
    "_": "\\_",
}
ESCAPE = {
    "'": re.compile(r"\\(.)|''", re.DOTALL),
    '"': re.compile(r'\\(.)|""', re.DOTALL),
}
INDEX_WORDS = {"PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FULLTEXT", "SPATIAL", "FOREIGN"}
INDEX_WORDS |= {"CHECK", "PERIOD"}
INSERT_MODIFIERS = {"LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO"}


class DumpError(ValueError):
    """The dump cannot be read; the message says where."""


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    line: int

    @property
    def upper(self):
        return self.text.upper() if self.kind == "word" else None


@dataclass
class Table:
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)


def unquote_string(literal):
    """The value of a quoted MySQL string literal ('...' or "...")."""
    return ESCAPE[literal[0]].sub(_unescape, literal[1:-1])


def _unescape(match):
    if match[1] is None:
        return match[0][0]
    return ESCAPES.get(match[1], match[1])


def tokens(text):
    """The significant tokens of `text` (no spaces, no comments), with their line numbers."""
    position, line, end = 0, 1, len(text)
    while position < end:
        match = TOKEN.match(text, position)
        if match is None:
            raise DumpError(f"line {line}: cannot read {text[position : position + 20]!r}")
        kind = match.lastgroup
        if kind not in ("space", "comment"):
            yield Token(kind, match[0], line)
        line += match[0].count("\n")
        position = match.end()


def statements(text):
    """Lists of tokens, one per statement (split on top-level semicolons)."""
    current = []
    for token in tokens(text):
        if token.kind == "punct" and token.text == ";":
            if current:
                yield current
            current = []
        else:
            current.append(token)
    if current:
        yield current


def identifier(token):
    if token.kind == "ident":
        return token.text[1:-1].replace("``", "`")
    if token.kind == "word":
        return token.text
    raise DumpError(f"line {token.line}: expected a name, found {token.text!r}")


def table_name(tokens_, index):
    """The table name at `index` (a `schema`.`table` keeps the table); returns (name, next)."""
    name = identifier(tokens_[index])
    while index + 2 < len(tokens_) and tokens_[index + 1].text == ".":
        index += 2
        name = identifier(tokens_[index])
    return name, index + 1


def parse_dump(text, wanted=None):
    """{table name: Table} of the tables in `text` (only those in `wanted`, if given)."""
    tables = {}
    for statement in statements(text):
        words = [token.upper for token in statement[:4]]
        if words[:2] == ["CREATE", "TABLE"]:
            name, columns = create_table(statement)
            if wanted is None or name in wanted:
                tables[name] = Table(columns=columns)
        elif words[0] in ("INSERT", "REPLACE"):
            insert(statement, tables, wanted)
    return tables


def create_table(statement):
    index = 2
    if [t.upper for t in statement[2:5]] == ["IF", "NOT", "EXISTS"]:
        index = 5
    name, index = table_name(statement, index)
    if index >= len(statement) or statement[index].text != "(":
        raise DumpError(f"line {statement[0].line}: CREATE TABLE {name} without columns")
    columns = []
    for item in split_top_level(statement, index):
        if item and item[0].upper not in INDEX_WORDS:
            columns.append(identifier(item[0]))
    return name, columns


def split_top_level(statement, open_index):
    """The comma-separated items inside the parentheses that open at `open_index`."""
    depth, item = 0, []
    for token in statement[open_index:]:
        if token.text == "(" and token.kind == "punct":
            depth += 1
            if depth == 1:
                continue
        elif token.text == ")" and token.kind == "punct":
            depth -= 1
            if depth == 0:
                yield item
                return
        if depth == 1 and token.kind == "punct" and token.text == ",":
            yield item
            item = []
        else:
            item.append(token)
    raise DumpError(f"line {statement[open_index].line}: unclosed parenthesis")


def insert(statement, tables, wanted):
    index = 1
    while index < len(statement) and statement[index].upper in INSERT_MODIFIERS:
        index += 1
    name, index = table_name(statement, index)
    if wanted is not None and name not in wanted:
        return
    table = tables.get(name)
    columns = table.columns if table else None
    if index < len(statement) and statement[index].text == "(":
        columns = [identifier(item[0]) for item in split_top_level(statement, index)]
        index = closing(statement, index) + 1
    if index >= len(statement) or statement[index].upper not in ("VALUES", "VALUE"):
        raise DumpError(f"line {statement[0].line}: INSERT INTO {name} without VALUES")
    if not columns:
        raise DumpError(f"line {statement[0].line}: INSERT INTO {name} before its CREATE TABLE")
    table = tables.setdefault(name, Table(columns=columns))
    for values in value_tuples(statement, index + 1):
        if len(values) != len(columns):
            raise DumpError(
                f"line {statement[index].line}: {len(values)} values for {len(columns)} columns"
                f" of {name}"
            )
        table.rows.append(dict(zip(columns, values, strict=True)))


def closing(statement, open_index):
    depth = 0
    for position in range(open_index, len(statement)):
        token = statement[position]
        if token.kind == "punct" and token.text in "()":
            depth += 1 if token.text == "(" else -1
            if depth == 0:
                return position
    raise DumpError(f"line {statement[open_index].line}: unclosed parenthesis")


def value_tuples(statement, index):
    """Each parenthesized row of values from `index` on, as a list of Python values."""
    while index < len(statement) and statement[index].text == "(":
        end = closing(statement, index)
        yield [value(item) for item in split_top_level(statement, index)]
        index = end + 1
        if index < len(statement) and statement[index].text == ",":
            index += 1
        else:
            break


def value(item):
    """A literal: string, number, NULL, TRUE/FALSE, hex or bit value (a charset introducer such
    as _binary or _utf8mb4 before a string is ignored)."""
    if len(item) == 2 and item[0].kind == "word" and item[0].text.startswith("_"):
        item = item[1:]
    if len(item) != 1:
        line = item[0].line if item else "?"
        raise DumpError(f"line {line}: not a literal: {' '.join(t.text for t in item)!r}")
    token = item[0]
    if token.kind in ("string", "dstring"):
        return unquote_string(token.text)
    if token.kind == "number":
        return number(token.text)
    if token.kind == "hex":
        digits = token.text[2:] if token.text.startswith("0x") else token.text[2:-1]
        return bytes.fromhex(digits if len(digits) % 2 == 0 else "0" + digits)
    if token.kind == "bit":
        return int(token.text[2:-1] or "0", 2)
    keyword = token.upper
    if keyword in ("NULL", "TRUE", "FALSE"):
        return {"NULL": None, "TRUE": 1, "FALSE": 0}[keyword]
    raise DumpError(f"line {token.line}: not a literal: {token.text!r}")


def number(text):
    if any(mark in text for mark in ".eE"):
        return Decimal(text)
    return int(text)
