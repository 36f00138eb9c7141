"""A small NukeViet 4 site: the real table definitions (modules/news/action_mysql.php,
modules/comment/action_mysql.php and the installer's counter table, NukeViet 4.4/4.5) and a
data set with the cases an import must handle."""

import time
from datetime import datetime
from zoneinfo import ZoneInfo

PREFIX, LANG = "nv4", "vi"
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = int(time.time())


def ts(*moment):
    return int(datetime(*moment, tzinfo=LOCAL).timestamp())


DDL = [
    """CREATE TABLE nv4_vi_news_cat (
  catid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  parentid smallint(5) unsigned NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL,
  titlesite varchar(250) DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  description text,
  descriptionhtml text,
  image varchar(255) DEFAULT '',
  viewdescription tinyint(2) NOT NULL DEFAULT '0',
  weight smallint(5) unsigned NOT NULL DEFAULT '0',
  sort smallint(5) NOT NULL DEFAULT '0',
  lev smallint(5) NOT NULL DEFAULT '0',
  viewcat varchar(50) NOT NULL DEFAULT 'viewcat_page_new',
  numsubcat smallint(5) NOT NULL DEFAULT '0',
  subcatid varchar(255) DEFAULT '',
  inhome tinyint(1) unsigned NOT NULL DEFAULT '0',
  numlinks tinyint(2) unsigned NOT NULL DEFAULT '3',
  newday tinyint(2) unsigned NOT NULL DEFAULT '2',
  featured int(11) NOT NULL DEFAULT '0',
  ad_block_cat varchar(255) NOT NULL DEFAULT '',
  keywords text,
  admins text,
  add_time int(11) unsigned NOT NULL DEFAULT '0',
  edit_time int(11) unsigned NOT NULL DEFAULT '0',
  groups_view varchar(255) DEFAULT '',
  PRIMARY KEY (catid),
  UNIQUE KEY alias (alias),
  KEY parentid (parentid)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4""",
    """CREATE TABLE nv4_vi_news_sources (
  sourceid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(250) NOT NULL DEFAULT '',
  link varchar(255) DEFAULT '',
  logo varchar(255) DEFAULT '',
  weight mediumint(8) unsigned NOT NULL DEFAULT '0',
  add_time int(11) unsigned NOT NULL,
  edit_time int(11) unsigned NOT NULL,
  PRIMARY KEY (sourceid),
  UNIQUE KEY title (title)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4""",
    """CREATE TABLE nv4_vi_news_rows (
  id int(11) unsigned NOT NULL auto_increment,
  catid smallint(5) unsigned NOT NULL default '0',
  listcatid varchar(255) NOT NULL default '',
  topicid smallint(5) unsigned NOT NULL default '0',
  admin_id mediumint(8) unsigned NOT NULL default '0',
  author varchar(250) default '',
  sourceid mediumint(8) NOT NULL default '0',
  addtime int(11) unsigned NOT NULL default '0',
  edittime int(11) unsigned NOT NULL default '0',
  status tinyint(4) NOT NULL default '1',
  weight int(11) unsigned NOT NULL default '0',
  publtime int(11) unsigned NOT NULL default '0',
  exptime int(11) unsigned NOT NULL default '0',
  archive tinyint(1) unsigned NOT NULL default '0',
  title varchar(250) NOT NULL default '',
  alias varchar(250) NOT NULL default '',
  hometext text NOT NULL,
  homeimgfile varchar(255) default '',
  homeimgalt varchar(255) default '',
  homeimgthumb tinyint(4) NOT NULL default '0',
  inhome tinyint(1) unsigned NOT NULL default '0',
  allowed_comm varchar(255) default '',
  allowed_rating tinyint(1) unsigned NOT NULL default '0',
  external_link tinyint(1) unsigned NOT NULL default '0',
  hitstotal mediumint(8) unsigned NOT NULL default '0',
  hitscm mediumint(8) unsigned NOT NULL default '0',
  total_rating int(11) NOT NULL default '0',
  click_rating int(11) NOT NULL default '0',
  instant_active tinyint(1) NOT NULL default '0',
  instant_template varchar(100) NOT NULL default '',
  instant_creatauto tinyint(1) NOT NULL default '0',
  layout_func varchar(100) DEFAULT '',
  PRIMARY KEY (id),
  KEY catid (catid),
  KEY topicid (topicid),
  KEY admin_id (admin_id),
  KEY author (author),
  KEY title (title),
  KEY addtime (addtime),
  KEY edittime (edittime),
  KEY publtime (publtime),
  KEY exptime (exptime),
  KEY status (status),
  KEY instant_active (instant_active),
  KEY instant_creatauto (instant_creatauto)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4""",
    """CREATE TABLE nv4_vi_news_detail (
  id int(11) unsigned NOT NULL,
  titlesite varchar(255) NOT NULL DEFAULT '',
  description text NOT NULL,
  bodyhtml longtext NOT NULL,
  sourcetext varchar(255) default '',
  imgposition tinyint(1) NOT NULL default '1',
  copyright tinyint(1) NOT NULL default '0',
  allowed_send tinyint(1) NOT NULL default '0',
  allowed_print tinyint(1) NOT NULL default '0',
  allowed_save tinyint(1) NOT NULL default '0',
  gid mediumint(8) NOT NULL default '0',
  PRIMARY KEY (id)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4""",
    """CREATE TABLE nv4_vi_news_tags (
  tid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  numnews mediumint(8) NOT NULL DEFAULT '0',
  alias varchar(250) NOT NULL DEFAULT '',
  image varchar(255) DEFAULT '',
  description text,
  keywords varchar(255) DEFAULT '',
  PRIMARY KEY (tid),
  UNIQUE KEY alias (alias)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4""",
    """CREATE TABLE nv4_vi_news_tags_id (
  id int(11) NOT NULL,
  tid mediumint(9) NOT NULL,
  keyword varchar(65) NOT NULL,
  UNIQUE KEY id_tid (id,tid),
  KEY tid (tid)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4""",
    """CREATE TABLE nv4_vi_comment (
  cid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  module varchar(55) NOT NULL,
  area int(11) NOT NULL DEFAULT '0',
  id mediumint(8) unsigned NOT NULL DEFAULT '0',
  pid mediumint(8) unsigned NOT NULL DEFAULT '0',
  content text NOT NULL,
  attach varchar(255) NOT NULL DEFAULT '',
  post_time int(11) unsigned NOT NULL DEFAULT '0',
  userid mediumint(8) unsigned NOT NULL DEFAULT '0',
  post_name varchar(100) NOT NULL,
  post_email varchar(100) NOT NULL,
  post_ip varchar(39) NOT NULL DEFAULT '',
  status tinyint(1) unsigned NOT NULL DEFAULT '0',
  likes mediumint(9) NOT NULL DEFAULT '0',
  dislikes mediumint(9) NOT NULL DEFAULT '0',
  PRIMARY KEY (cid),
  KEY mod_id (module,area,id),
  KEY post_time (post_time)
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4""",
    """CREATE TABLE nv4_counter (
  c_type varchar(100) NOT NULL,
  c_val varchar(100) NOT NULL,
  last_update int(11) NOT NULL DEFAULT '0',
  c_count int(11) unsigned NOT NULL DEFAULT '0',
  vi_count int(11) unsigned NOT NULL DEFAULT '0',
  UNIQUE KEY c_type (c_type,c_val)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
]

# Categories. 1's parent (7) comes after it; 4 has no alias; 5's parent does not exist;
# 6 has no title (skipped). The site already has a category "van-ban-chinh-sach".
CATEGORIES = [
    {"catid": 1, "parentid": 7, "title": "Hoạt động của phường", "alias": "hoat-dong-cua-phuong"},
    {"catid": 3, "parentid": 0, "title": "Văn bản - Chính sách", "alias": "van-ban-chinh-sach"},
    {"catid": 4, "parentid": 3, "title": "Thông báo", "alias": ""},
    {"catid": 5, "parentid": 42, "title": "Chuyên mục mồ côi", "alias": "chuyen-muc-mo-coi"},
    {"catid": 6, "parentid": 0, "title": "", "alias": "khong-ten"},
    {
        "catid": 7,
        "parentid": 0,
        "title": "Tin tức - Sự kiện",
        "alias": "tin-tuc-su-kien",
        "description": "Tin hoạt động của <b>phường</b>",
        "weight": 1,
    },
]
SOURCES = [{"sourceid": 1, "title": "Báo Phú Thọ", "link": "https://baophutho.vn"}]

DAI_HOI = "Đại hội đại biểu Nhân dân phường Phù Vân nhiệm kỳ 2024 – 2029"  # noqa: RUF001
DAI_HOI_ALIAS = "dai-hoi-dai-bieu-nhan-dan-phuong-phu-van"
BODY_1 = (
    '<p>Đại hội đã bầu 25 đại biểu.<script>alert("xss")</script></p>'
    '<p onclick="steal()">Đoạn <b>chưa đóng<table><tr><td>Ô</td></table>'
    '<figure><img src="/uploads/news/2024_05/dai-hoi-2.jpg" alt="Đại biểu biểu quyết" '
    'width="800"><figcaption>Đại biểu biểu quyết</figcaption></figure>'
    '<p><img src="https://baophutho.vn/anh/ngoai.jpg" alt="Ảnh ngoài"></p>'
)
SCHEDULED_AT = NOW + 30 * 86400
ZERO_DATE_IDS = {7}

ARTICLES = [
    {
        "id": 1,
        "catid": 1,
        "listcatid": "1,3",
        "status": 1,
        "publtime": ts(2024, 5, 10, 8, 30),
        "addtime": ts(2024, 5, 9, 16, 0),
        "edittime": ts(2024, 5, 10, 9, 0),
        "title": DAI_HOI,
        "alias": DAI_HOI_ALIAS,
        "hometext": "Sáng 10/5, phường Phù Vân tổ chức <b>đại hội</b> đại biểu Nhân dân.",
        "homeimgfile": "2024_05/dai-hoi.jpg",
        "homeimgalt": "Quang cảnh đại hội",
        "homeimgthumb": 1,
        "author": "Quỳnh Thêm - Đức Quang",
        "sourceid": 1,
        "allowed_comm": "6",
        "allowed_rating": 1,
        "hitstotal": 2557,
        "hitscm": 3,
        "total_rating": 42,
        "click_rating": 10,
        "body": BODY_1,
        "keywords": ["đại hội", "phù vân"],
    },
    {
        "id": 2,
        "catid": 4,
        "listcatid": "4",
        "status": 2,
        "publtime": SCHEDULED_AT,
        "addtime": NOW - 3600,
        "title": "Lịch tiếp công dân tháng tới",
        "alias": "lich-tiep-cong-dan",
        "body": "<p>Lịch tiếp công dân của Chủ tịch UBND phường.</p>",
    },
    {
        "id": 3,
        "catid": 3,
        "listcatid": "3",
        "status": 1,
        "publtime": ts(2023, 1, 1, 7, 0),
        "exptime": ts(2023, 12, 31, 23, 59),
        "addtime": ts(2023, 1, 1, 6, 0),
        "title": "Kế hoạch phòng chống thiên tai năm 2023",
        "alias": "ke-hoach-phong-chong-thien-tai-2023",
        "body": "<p>Kế hoạch đã hết hiệu lực.</p>",
    },
    {
        "id": 4,
        "catid": 4,
        "listcatid": "4",
        "status": 1,
        "publtime": ts(2024, 6, 1, 8, 0),
        "title": "Thông báo lịch tiếp công dân tháng 6/2024",
        "alias": "",
        "body": "<p>Thông báo.</p>",
    },
    {
        "id": 5,
        "catid": 1,
        "listcatid": "1",
        "status": 1,
        "publtime": ts(2024, 5, 11, 10, 0),
        "title": "Đại hội (bài thứ hai cùng liên kết tĩnh)",
        "alias": DAI_HOI_ALIAS,
        "sourcetext": "https://phuvan.gov.vn/tin-tuc",
        "body": '<p><img src="https://phuvan.gov.vn/uploads/news/2024_05/dai-hoi-2.jpg"></p>',
        "keywords": ["phù vân"],
    },
    {
        "id": 6,
        "catid": 1,
        "listcatid": "1",
        "status": 1,
        "publtime": 0,
        "addtime": ts(2024, 2, 1, 9, 0),
        "title": "Bài viết không có giờ đăng",
        "alias": "khong-co-gio-dang",
        "body": "<p>Chỉ có giờ tạo.</p>",
    },
    {
        "id": 7,
        "catid": 1,
        "listcatid": "1",
        "status": 4,
        "title": "Bản nháp không có ngày tháng",
        "alias": "ban-nhap",
        "body": "<p>Nháp.</p>",
    },
    {"id": 8, "catid": 99, "listcatid": "99", "title": "Bài trong chuyên mục đã xóa"},
    {"id": 9, "catid": 1, "listcatid": "1", "title": "Bài không có nội dung", "body": None},
    {
        "id": 10,
        "catid": 1,
        "listcatid": "1",
        "publtime": ts(2024, 6, 2, 8, 0),
        "title": "Bài có ảnh bị mất",
        "alias": "bai-co-anh-bi-mat",
        "homeimgfile": "2024_06/khong-co-bia.jpg",
        "homeimgthumb": 2,
        "body": '<p><img src="/uploads/news/2024_06/khong-co.jpg" alt="Mất"></p>',
    },
    {
        "id": 11,
        "catid": 1,
        "listcatid": "1",
        "publtime": ts(2024, 6, 3, 8, 0),
        "title": "Bài có ảnh hỏng",
        "alias": "bai-co-anh-hong",
        "body": "<p><img src='/uploads/news/2024_06/hong.jpg'></p>",
    },
    {
        "id": 12,
        "catid": 3,
        "listcatid": "3",
        "status": 0,
        "publtime": ts(2024, 6, 4, 8, 0),
        "title": "Bài chờ duyệt, không cho bình luận",
        "alias": "bai-cho-duyet",
        "allowed_comm": "",
        "allowed_rating": 0,
        "body": "<p>Chờ duyệt.</p>",
    },
    {"id": 13, "catid": 1, "listcatid": "1", "title": "", "alias": "khong-tieu-de"},
    {
        "id": 14,
        "catid": 5,
        "listcatid": "5",
        "publtime": ts(2024, 6, 5, 8, 0),
        "title": "Bài trong chuyên mục mồ côi",
        "alias": "bai-mo-coi",
        "body": "<p>Nội dung.</p>",
    },
]
IMPORTED_ARTICLES = {1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 14}
SKIPPED_ARTICLES = {
    8: "category 99 was not imported",
    9: "no news_detail row (the body is missing)",
    13: "the article has no title",
}

IP_1, IP_2, IP_4 = "203.113.0.5", "2001:db8::1", "198.51.100.7"
COMMENTS = [
    {
        "cid": 1,
        "id": 1,
        "content": "Bài viết rất hay, cảm ơn ban biên tập!",
        "post_name": "Nguyễn Văn An",
        "post_email": "An@Example.com",
        "post_ip": IP_1,
        "status": 1,
        "post_time": ts(2024, 5, 10, 9, 15),
    },
    {
        "cid": 2,
        "id": 1,
        "pid": 1,
        "content": "Đồng ý với bạn &quot;An&quot;.<br />Rất hữu ích.",
        "post_name": "Trần Thị Bình",
        "post_ip": IP_2,
        "status": 1,
        "post_time": ts(2024, 5, 10, 10, 15),
    },
    {
        "cid": 3,
        "id": 1,
        "pid": 2,
        "content": "Cảm ơn các bạn &amp; chúc sức khỏe",
        "post_name": "Ban biên tập",
        "post_ip": IP_1,
        "status": 1,
        "post_time": ts(2024, 5, 10, 11, 0),
    },
    {
        "cid": 4,
        "id": 1,
        "content": "Xin hỏi khi nào có kết quả?",
        "post_name": "",
        "post_email": "khong-phai-email",
        "post_ip": IP_4,
        "status": 0,
        "post_time": ts(2024, 5, 11, 8, 0),
    },
    {"cid": 5, "id": 3, "content": "Đã đọc.", "post_name": "Lê Văn Cường", "status": 1},
    {"cid": 6, "id": 8, "content": "Bình luận bài đã bỏ.", "post_name": "Ẩn danh", "status": 1},
    {"cid": 7, "module": "about", "id": 1, "content": "Trang giới thiệu.", "post_name": "X"},
    {
        "cid": 8,
        "id": 3,
        "pid": 999,
        "content": "Trả lời một bình luận đã xóa.",
        "post_name": "Phạm Thị Dung",
        "status": 1,
        "post_time": ts(2023, 2, 1, 8, 0),
    },
    {
        "cid": 9,
        "id": 2,
        "content": "Mong chờ!",
        "post_name": "Hoàng Em",
        "status": 1,
        "post_time": NOW - 60,
    },
    {"cid": 10, "id": 1, "content": "<br />", "post_name": "Trống", "status": 1},
    {
        "cid": 11,
        "id": 1,
        "content": "Có ký tự\0 lạ",
        "post_name": "Vũ Phong",
        "status": 2,
        "post_time": ts(2024, 5, 12, 8, 0),
    },
]

# Counters: counting began on 1 March 2019; the last visit was on 12 June 2024, 15:20.
COUNTING_START = ts(2019, 3, 1, 8, 0)
LAST_VISIT = ts(2024, 6, 12, 15, 20)
HOURS = {hour: 20 + 3 * hour for hour in range(16)}
DAYS = {day: 1000 + 37 * day for day in range(1, 12)} | {12: sum(HOURS.values())}
MONTHS_2024 = {"Jan": 40_000, "Feb": 35_000, "Mar": 42_000, "Apr": 41_000, "May": 43_000}
MONTHS_2024["Jun"] = sum(DAYS.values())
YEARS = {2019: 300_000, 2020: 400_000, 2021: 450_000, 2022: 500_000, 2023: 600_000}
YEARS[2024] = sum(MONTHS_2024.values())
BEFORE_YEARS = 7_241
TOTAL = sum(YEARS.values()) + BEFORE_YEARS
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def counter_rows():
    rows = [
        ("c_time", "start", 0, COUNTING_START),
        ("c_time", "last", 0, LAST_VISIT),
        ("total", "hits", LAST_VISIT, TOTAL),
    ]
    rows += [("year", str(y), 0, YEARS.get(y, 0)) for y in range(2019, 2028)]
    rows += [("month", m, 0, MONTHS_2024.get(m, 0)) for m in MONTH_NAMES]
    rows += [("day", f"{d:02d}", 0, DAYS.get(d, 0)) for d in range(1, 32)]
    rows += [("hour", f"{h:02d}", 0, HOURS.get(h, 0)) for h in range(24)]
    rows += [("dayofweek", "Monday", 0, 380_000), ("browser", "Chrome", 0, 1_900_000)]
    rows += [("os", "win10", 0, 1_200_000), ("country", "VN", 0, 2_400_000)]
    rows += [("bot", "googlebot", 0, 12_345)]
    return rows


ARTICLE_DEFAULTS = {
    "catid": 0,
    "listcatid": "",
    "status": 1,
    "publtime": 0,
    "exptime": 0,
    "addtime": 0,
    "edittime": 0,
    "alias": "",
    "hometext": "",
    "homeimgfile": "",
    "homeimgalt": "",
    "homeimgthumb": 0,
    "author": "",
    "sourceid": 0,
    "allowed_comm": "6",
    "allowed_rating": 1,
    "hitstotal": 0,
    "hitscm": 0,
    "total_rating": 0,
    "click_rating": 0,
}
ROW_ONLY = {"body", "keywords", "sourcetext"}


def insert(cursor, table, row):
    columns = ", ".join(row)
    marks = ", ".join(["%s"] * len(row))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - names of this file
    cursor.execute(sql, list(row.values()))


def build(connection):
    """Create the tables and the data set in the connection's current database."""
    with connection.cursor() as cursor:
        for statement in DDL:
            cursor.execute(statement)
        for row in CATEGORIES:
            insert(cursor, "nv4_vi_news_cat", {"description": "", "weight": 0, **row})
        for row in SOURCES:
            insert(cursor, "nv4_vi_news_sources", {**row, "add_time": NOW, "edit_time": NOW})
        for article in ARTICLES:
            add_article(cursor, {**ARTICLE_DEFAULTS, "body": "", **article})
        for row in COMMENTS:
            defaults = {"module": "news", "area": 4, "pid": 0, "post_email": "", "post_time": 0}
            insert(cursor, "nv4_vi_comment", {**defaults, "post_ip": "", **row})
        for c_type, c_val, last_update, count in counter_rows():
            insert(
                cursor,
                "nv4_counter",
                {
                    "c_type": c_type,
                    "c_val": c_val,
                    "last_update": last_update,
                    "c_count": count,
                    "vi_count": count,
                },
            )


KEYWORDS = ["đại hội", "phù vân"]


def add_article(cursor, article):
    insert(cursor, "nv4_vi_news_rows", {k: v for k, v in article.items() if k not in ROW_ONLY})
    if article["body"] is not None:
        detail = {"id": article["id"], "description": "", "bodyhtml": article["body"]}
        insert(
            cursor, "nv4_vi_news_detail", {**detail, "sourcetext": article.get("sourcetext", "")}
        )
    for keyword in article.get("keywords", []):
        tid = KEYWORDS.index(keyword) + 1
        cursor.execute(
            "INSERT IGNORE INTO nv4_vi_news_tags (tid, alias) VALUES (%s, %s)",
            [tid, keyword.replace(" ", "-")],
        )
        insert(cursor, "nv4_vi_news_tags_id", {"id": article["id"], "tid": tid, "keyword": keyword})
