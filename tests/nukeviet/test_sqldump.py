from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nukeviet.sqldump import DumpError, parse_dump, statements, unquote_string

DUMP = r"""-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `nv4_vi_news_cat`;
CREATE TABLE `nv4_vi_news_cat` (
  `catid` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(250) NOT NULL,
  `alias` varchar(250) NOT NULL DEFAULT '',
  `weight` decimal(5,2) NOT NULL DEFAULT 0.00 COMMENT 'thứ tự; (không phải khóa)',
  PRIMARY KEY (`catid`),
  UNIQUE KEY `alias` (`alias`),
  KEY `weight` (`weight`)
) ENGINE=MyISAM AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
LOCK TABLES `nv4_vi_news_cat` WRITE;
/*!40000 ALTER TABLE `nv4_vi_news_cat` DISABLE KEYS */;
INSERT INTO `nv4_vi_news_cat` VALUES (1,'Tin tức; sự kiện','tin-tuc',1.50),
(2,'It\'s \"x\" \\ y\nz','',-2),(3,NULL,'a''b',0);
/*!40000 ALTER TABLE `nv4_vi_news_cat` ENABLE KEYS */;
UNLOCK TABLES;
# a comment in MySQL's other style
INSERT INTO `other_table` VALUES (1);
"""


def test_tables_columns_and_rows():
    tables = parse_dump(DUMP, wanted={"nv4_vi_news_cat"})
    assert list(tables) == ["nv4_vi_news_cat"]
    table = tables["nv4_vi_news_cat"]
    assert table.columns == ["catid", "title", "alias", "weight"]
    assert table.rows == [
        {"catid": 1, "title": "Tin tức; sự kiện", "alias": "tin-tuc", "weight": Decimal("1.50")},
        {"catid": 2, "title": 'It\'s "x" \\ y\nz', "alias": "", "weight": -2},
        {"catid": 3, "title": None, "alias": "a'b", "weight": 0},
    ]


def test_statements_split_only_outside_strings_and_comments():
    text = "SELECT 'a;b'; /* x; y */ SELECT `c;d`; -- e; f\nSELECT \"g;h\""
    assert [[token.text for token in statement] for statement in statements(text)] == [
        ["SELECT", "'a;b'"],
        ["SELECT", "`c;d`"],
        ["SELECT", '"g;h"'],
    ]


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        (r"'\0\b\t\r\n\Z'", "\0\b\t\r\n\x1a"),
        (r"'100\% \_'", r"100\% \_"),  # MySQL keeps the backslash of \% and \_.
        (r"'\q'", "q"),
        ("'a''b\"\"c'", 'a\'b""c'),
        ('"a""b\'\'c"', "a\"b''c"),
        ("'Phù Vân'", "Phù Vân"),
    ],
)
def test_string_escapes(literal, value):
    assert unquote_string(literal) == value


def test_complete_inserts_several_statements_and_other_literals():
    text = """
    CREATE TABLE t (id int, name varchar(9), flag bit(1), data blob, f float);
    INSERT INTO t (`name`, id, flag, data, f) VALUES ('x', 1, b'1', 0x4869, 1.5e3);
    INSERT IGNORE INTO `db`.`t` VALUES (2, _utf8mb4'y', b'0', X'00ff', NULL);
    REPLACE INTO t VALUES (3, 'z', TRUE, '', -.5);
    """
    rows = parse_dump(text)["t"].rows
    assert rows == [
        {"name": "x", "id": 1, "flag": 1, "data": b"Hi", "f": Decimal("1.5e3")},
        {"id": 2, "name": "y", "flag": 0, "data": b"\x00\xff", "f": None},
        {"id": 3, "name": "z", "flag": 1, "data": "", "f": Decimal("-.5")},
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("INSERT INTO t VALUES (1);", "before its CREATE TABLE"),
        ("CREATE TABLE t (a int); INSERT INTO t VALUES (1, 2);", "2 values for 1 columns"),
        ("CREATE TABLE t (a int); INSERT INTO t VALUES ('unterminated);", "line 1"),
        ("CREATE TABLE t (a int);\nINSERT INTO t VALUES (1 + 1);", "line 2: not a literal"),
        ("CREATE TABLE t (a int); INSERT INTO t VALUES (1", "unclosed"),
    ],
)
def test_broken_dumps_say_where(text, message):
    with pytest.raises(DumpError, match=message):
        parse_dump(text)


def mysql_quote(value):
    """How mysqldump writes a string."""
    replacements = {"\\": "\\\\", "'": "\\'", "\0": "\\0", "\n": "\\n", "\r": "\\r"}
    replacements |= {"\x1a": "\\Z", '"': '\\"'}
    return "'" + "".join(replacements.get(ch, ch) for ch in value) + "'"


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_any_text_written_as_mysqldump_does_reads_back(values):
    columns = ", ".join(f"c{n} text" for n in range(len(values)))
    row = ",".join(mysql_quote(value) for value in values)
    text = f"CREATE TABLE t ({columns});\nINSERT INTO t VALUES ({row}),({row});"
    rows = parse_dump(text)["t"].rows
    assert rows == [{f"c{n}": value for n, value in enumerate(values)}] * 2
