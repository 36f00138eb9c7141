from datetime import UTC, date, datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from django.utils import timezone

from articles.models import Article, Category, Tag
from comments.models import Comment
from library.models import Picture
from library.pictures import rendition_name
from nukeviet import services
from nukeviet.models import ImportedVisits, LegacyObject
from portal.text import vietnamese_slugify
from portal.visitors import keyed_hash
from stats import counting
from stats.models import DailyVisits, HourlyVisits
from tests.factories import first_site, make_category

from . import nukeviet_site as site
from .snapshots import snapshot

pytestmark = pytest.mark.django_db


def moment(seconds):
    return datetime.fromtimestamp(seconds, tz=UTC)


def legacy(kind, old_id):
    return getattr(LegacyObject.objects.get(kind=kind, old_id=old_id), kind)


@pytest.fixture
def existing_category():
    """A category the site already has, with the slug of a NukeViet one."""
    return make_category(name="Văn bản", slug="van-ban-chinh-sach")


@pytest.fixture
def imported(existing_category, nukeviet_db, run_import):
    started = timezone.now()
    output = run_import(db=nukeviet_db.dsn)
    return output, started


def test_counts_are_exact(imported):
    assert LegacyObject.objects.filter(kind="category").count() == 5
    assert Category.objects.count() == 5 + 1
    assert set(LegacyObject.objects.filter(kind="article").values_list("old_id", flat=True)) == (
        site.IMPORTED_ARTICLES
    )
    assert Article.objects.count() == len(site.IMPORTED_ARTICLES)
    assert Comment.objects.count() == 8
    assert Tag.objects.count() == 2
    assert Picture.objects.count() == 2  # dai-hoi-2.jpg, linked from two articles; a cover


def test_the_category_tree(imported, existing_category):
    news, ward = legacy("category", 7), legacy("category", 1)
    assert (news.name, news.slug, news.parent) == ("Tin tức - Sự kiện", "tin-tuc-su-kien", None)
    assert news.description == "Tin hoạt động của phường"
    assert (ward.slug, ward.parent) == ("hoat-dong-cua-phuong", news)
    documents = legacy("category", 3)
    assert documents.slug == "van-ban-chinh-sach-2"  # The site's own category keeps its slug.
    assert existing_category.slug == "van-ban-chinh-sach"
    notices = legacy("category", 4)
    assert (notices.slug, notices.parent) == ("thong-bao", documents)  # Empty alias: from title.
    orphan = legacy("category", 5)
    assert (orphan.name, orphan.parent) == ("Chuyên mục mồ côi", None)


def test_an_article_field_by_field(imported):
    article = legacy("article", 1)
    data = site.ARTICLES[0]
    assert article.title == site.DAI_HOI
    assert article.slug == site.DAI_HOI_ALIAS
    assert article.summary == "Sáng 10/5, phường Phù Vân tổ chức đại hội đại biểu Nhân dân."
    assert (article.author_byline, article.source) == ("Quỳnh Thêm - Đức Quang", "Báo Phú Thọ")
    assert (article.category, set(article.extra_categories.all())) == (
        legacy("category", 1),
        {legacy("category", 3)},
    )
    assert sorted(article.tags.values_list("name", flat=True)) == ["phù vân", "đại hội"]
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at == moment(data["publtime"])
    assert article.expire_at is None
    assert article.created_at == moment(data["addtime"])
    assert article.updated_at == moment(data["edittime"])
    assert (article.allow_comments, article.allow_rating) == (True, True)
    assert (article.view_count, article.rating_sum, article.rating_count) == (2557, 42, 10)
    # NukeViet kept totals, not votes: recompute_ratings must keep them.
    assert (article.carried_rating_sum, article.carried_rating_count) == (42, 10)
    call_command("recompute_ratings")
    article.refresh_from_db()
    assert (article.rating_sum, article.rating_count) == (42, 10)
    assert article.comment_count == 3  # Approved comments and replies; pending ones are not.
    assert article.is_public()


def test_the_body_is_sanitized_and_its_pictures_copied(imported):
    body = legacy("article", 1).body
    picture = Picture.objects.get(alt="Đại biểu biểu quyết")
    assert "<script" not in body and "alert" not in body and "onclick" not in body
    assert "<b>chưa đóng</b>" in body and "</table>" in body
    assert f'<img src="{picture.file.url}" alt="Đại biểu biểu quyết" width="800">' in body
    assert picture.file.url.startswith(settings.MEDIA_URL + "pictures/")
    assert (picture.width, picture.height, picture.alt) == (900, 500, "Đại biểu biểu quyết")
    assert '<img src="https://baophutho.vn/anh/ngoai.jpg" alt="Ảnh ngoài">' in body
    # A link to the old site's address is the same picture.
    assert f'<img src="{picture.file.url}">' in legacy("article", 5).body
    assert picture.file.storage.exists(picture.file.name)


def test_the_cover_picture(imported):
    article = legacy("article", 1)
    # Into the picture library, like any upload: re-encoded, with its renditions.
    picture = Picture.objects.get(file=article.cover_image.name)
    assert (picture.width, picture.height, picture.alt) == (1000, 600, "Quang cảnh đại hội")
    assert (article.cover_width, article.cover_height) == (1000, 600)
    assert article.cover_alt == "Quang cảnh đại hội"
    storage = article.cover_image.storage
    assert storage.exists(article.cover_image.name)
    assert storage.exists(rendition_name(article.cover_image.name, 800))


def test_scheduled_and_expired_articles(imported):
    scheduled, expired = legacy("article", 2), legacy("article", 3)
    assert scheduled.status == expired.status == Article.Status.PUBLISHED
    assert scheduled.publish_at == moment(site.SCHEDULED_AT) > timezone.now()
    assert expired.expire_at == moment(site.ARTICLES[2]["exptime"]) < timezone.now()
    public = set(Article.objects.published())
    assert scheduled not in public and expired not in public
    assert legacy("article", 4) in public
    assert scheduled in Article.objects.published(at=moment(site.SCHEDULED_AT + 1))


def test_empty_and_duplicate_aliases(imported):
    title = "Thông báo lịch tiếp công dân tháng 6/2024"
    assert legacy("article", 4).slug == vietnamese_slugify(title)  # As the site slugs titles.
    second = legacy("article", 5)
    assert second.slug == f"{site.DAI_HOI_ALIAS}-2"
    assert second.source == "https://phuvan.gov.vn/tin-tuc"


def test_zero_dates(imported):
    _output, started = imported
    no_publish_time = legacy("article", 6)
    assert no_publish_time.publish_at == moment(site.ARTICLES[5]["addtime"])
    assert no_publish_time.updated_at == moment(site.ARTICLES[5]["addtime"])
    no_add_time = legacy("article", 4)
    assert no_add_time.created_at == no_add_time.updated_at == no_add_time.publish_at
    draft = legacy("article", 7)
    assert draft.status == Article.Status.DRAFT
    assert started <= draft.publish_at <= timezone.now()


def test_statuses_and_permissions(imported):
    waiting = legacy("article", 12)
    assert waiting.status == Article.Status.DRAFT
    assert (waiting.allow_comments, waiting.allow_rating) == (False, False)
    assert legacy("article", 14).category == legacy("category", 5)


def test_bad_rows_are_reported_and_skipped(imported):
    output, _started = imported
    assert "categories: 5 imported, 0 already imported, 1 skipped, 0 failed" in output
    assert "skipped: the category has no title (#6)" in output
    assert "articles: 11 imported, 0 already imported, 3 skipped, 0 failed" in output
    for old_id, reason in site.SKIPPED_ARTICLES.items():
        assert f"skipped: {reason} (#{old_id})" in output
        assert not LegacyObject.objects.filter(kind="article", old_id=old_id).exists()
    assert "warning: picture not found: uploads/news/2024_06/khong-co.jpg (#10)" in output
    assert "warning: cover: picture not found: uploads/news/2024_06/khong-co-bia.jpg" in output
    assert "warning: uploads/news/2024_06/hong.jpg: The file is not a picture" in output
    missing = legacy("article", 10)
    assert '<img src="/uploads/news/2024_06/khong-co.jpg" alt="Mất">' in missing.body
    assert not missing.cover_image
    assert "comments: 8 imported, 0 already imported, 2 skipped, 0 failed" in output
    assert "skipped: article 8 was not imported (#6)" in output
    assert "skipped: the comment is empty (#10)" in output


def test_comment_threads(imported):
    first, second, third, waiting = (legacy("comment", n) for n in (1, 2, 3, 4))
    article = legacy("article", 1)
    assert (first.target, first.parent, first.site) == (article, None, article.site)
    assert (first.name, first.email) == ("Nguyễn Văn An", "an@example.com")
    assert first.created_at == moment(site.COMMENTS[0]["post_time"])
    assert first.status == Comment.Status.APPROVED
    assert second.parent == first
    assert second.text == 'Đồng ý với bạn "An".\nRất hữu ích.'
    assert third.parent == first  # A reply to a reply joins the thread, as on this site.
    assert third.text == "Cảm ơn các bạn & chúc sức khỏe"
    assert (waiting.status, waiting.name, waiting.email) == (Comment.Status.PENDING, "Bạn đọc", "")
    odd = legacy("comment", 11)
    assert (odd.text, odd.status) == ("Có ký tự lạ", Comment.Status.PENDING)
    undated = legacy("comment", 5)
    assert undated.created_at == legacy("article", 3).publish_at
    orphan = legacy("comment", 8)
    assert (orphan.parent, orphan.target) == (None, legacy("article", 3))
    assert legacy("article", 3).comment_count == 2
    assert legacy("article", 2).comment_count == 1
    assert not LegacyObject.objects.filter(kind="comment", old_id=7).exists()  # Another module


def test_addresses_are_only_stored_hashed(imported):
    assert legacy("comment", 1).address == keyed_hash("comment-address", site.IP_1)
    assert legacy("comment", 2).address == keyed_hash("comment-address", site.IP_2)
    assert legacy("comment", 5).address == ""
    for model in apps.get_models():
        text_fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        for name in text_fields:
            for address in (site.IP_1, site.IP_2, site.IP_4):
                found = model._default_manager.filter(**{f"{name}__contains": address})
                assert not found.exists(), f"{model.__name__}.{name} holds {address}"


def test_visits_by_day_month_and_year(imported):
    days = dict(DailyVisits.objects.values_list("day", "visits"))
    for day, visits in site.DAYS.items():
        assert days[date(2024, 6, day)] == visits
    assert days[date(2024, 5, 1)] == site.MONTHS_2024["May"]
    assert days[date(2024, 2, 1)] == site.MONTHS_2024["Feb"]
    assert days[date(2024, 1, 1)] == site.MONTHS_2024["Jan"]  # The year adds nothing more.
    for year in range(2020, 2024):
        assert days[date(year, 1, 1)] == site.YEARS[year]
    assert days[date(2019, 1, 1)] == site.YEARS[2019]
    assert days[date(2019, 3, 1)] == site.BEFORE_YEARS  # Counted before the year rows.
    assert sum(days.values()) == site.TOTAL
    assert len(days) == 12 + 5 + 5 + 1
    assert counting.summary(first_site())["total"] == site.TOTAL


def test_visits_by_hour_of_the_last_day(imported):
    hours = {
        timezone.localtime(hour).hour: visits
        for hour, visits in HourlyVisits.objects.values_list("hour", "visits")
    }
    assert hours == site.HOURS
    assert {
        timezone.localtime(h).date() for h in HourlyVisits.objects.values_list("hour", flat=True)
    } == {date(2024, 6, 12)}


def test_what_the_counters_cannot_tell_is_reported(imported):
    output, _started = imported
    assert "not imported: bot, browser, country, dayofweek, os" in output


def test_a_second_run_changes_nothing(imported, nukeviet_db, run_import):
    before = snapshot()
    output = run_import(db=nukeviet_db.dsn)
    assert snapshot() == before
    assert "articles: 0 imported, 11 already imported, 3 skipped, 0 failed" in output
    assert "comments: 0 imported, 8 already imported, 2 skipped, 0 failed" in output
    assert "0 statistics rows changed" in output


def test_new_rows_and_visits_arrive_with_the_next_run(changing_nukeviet_db, run_import, mariadb):
    run_import(db=changing_nukeviet_db.dsn)
    with mariadb.cursor() as cursor:
        cursor.execute(f"USE {changing_nukeviet_db.name}")
        cursor.execute(
            "INSERT INTO nv4_vi_comment (cid, module, id, pid, content, post_name, post_email,"
            " post_ip, status, post_time) VALUES (12, 'news', 1, 1, 'Thêm một ý kiến', 'Mới',"
            " '', '192.0.2.9', 1, %s)",
            [site.LAST_VISIT],
        )
        cursor.execute(
            "UPDATE nv4_counter SET c_count = c_count + 5 WHERE (c_type, c_val) IN (('total',"
            " 'hits'), ('year', '2024'), ('month', 'Jun'), ('day', '12'), ('hour', '15'))"
        )
    run_import(db=changing_nukeviet_db.dsn)
    assert legacy("comment", 12).parent == legacy("comment", 1)
    assert legacy("article", 1).comment_count == 4
    assert DailyVisits.objects.get(day=date(2024, 6, 12)).visits == site.DAYS[12] + 5
    assert sum(DailyVisits.objects.values_list("visits", flat=True)) == site.TOTAL + 5
    assert Article.objects.count() == len(site.IMPORTED_ARTICLES)


def test_a_month_nukeviet_forgot_becomes_one_figure(changing_nukeviet_db, run_import, mariadb):
    """After NukeViet's month rollover the days of June are gone: their visits stay counted,
    once, on 1 June; nothing is counted twice."""
    run_import(db=changing_nukeviet_db.dsn)
    july = site.ts(2024, 7, 1, 9, 0)
    with mariadb.cursor() as cursor:
        cursor.execute(f"USE {changing_nukeviet_db.name}")
        cursor.execute("UPDATE nv4_counter SET c_count = 0 WHERE c_type IN ('day', 'hour')")
        cursor.execute("UPDATE nv4_counter SET c_count = 3 WHERE c_type = 'day' AND c_val = '01'")
        cursor.execute("UPDATE nv4_counter SET c_count = 3 WHERE c_type = 'hour' AND c_val = '09'")
        cursor.execute(
            "UPDATE nv4_counter SET c_count = 3 WHERE c_type = 'month' AND c_val = 'Jul'"
        )
        cursor.execute(
            "UPDATE nv4_counter SET c_count = c_count + 3 WHERE (c_type, c_val) IN"
            " (('total', 'hits'), ('year', '2024'))"
        )
        cursor.execute(
            "UPDATE nv4_counter SET c_count = %s WHERE c_type = 'c_time' AND c_val = 'last'", [july]
        )
    run_import(db=changing_nukeviet_db.dsn)
    days = dict(DailyVisits.objects.values_list("day", "visits"))
    assert days[date(2024, 6, 1)] == site.MONTHS_2024["Jun"]
    assert days[date(2024, 7, 1)] == 3
    assert not any(days.get(date(2024, 6, d)) for d in range(2, 13))
    assert sum(days.values()) == site.TOTAL + 3
    hours = HourlyVisits.objects.filter(visits__gt=0).values_list("hour", flat=True)
    assert list(hours) == [datetime(2024, 7, 1, 9, tzinfo=site.LOCAL)]


def test_an_interrupted_run_continues_without_duplicates(
    existing_category, nukeviet_db, run_import, monkeypatch
):
    """The run stops in the middle of article 5 (after its article, tags and pictures are
    written, before its record): nothing of article 5 stays; the next run completes it."""
    record = services.record

    def interrupted(tables, kind, old_id, *args, **kwargs):
        if kind == "article" and old_id == 5:
            raise KeyboardInterrupt
        return record(tables, kind, old_id, *args, **kwargs)

    monkeypatch.setattr(services, "record", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_import(db=nukeviet_db.dsn)
    assert set(LegacyObject.objects.filter(kind="article").values_list("old_id", flat=True)) == {
        1,
        2,
        3,
        4,
    }
    assert not Article.objects.filter(title__startswith="Đại hội (bài thứ hai").exists()
    assert Article.objects.count() == 4
    assert not Comment.objects.exists()

    monkeypatch.setattr(services, "record", record)
    output = run_import(db=nukeviet_db.dsn)
    assert "articles: 7 imported, 4 already imported, 3 skipped, 0 failed" in output
    complete = snapshot()
    Article.objects.filter(slug=f"{site.DAI_HOI_ALIAS}-2").get()
    assert complete["counts"]["Article"] == len(site.IMPORTED_ARTICLES)
    assert complete["counts"]["Comment"] == 8


def test_a_failing_article_is_reported_and_retried(
    existing_category, nukeviet_db, run_import, monkeypatch
):
    import_article = services.import_article

    def failing(target, data, *args, **kwargs):
        if data.old_id == 3:
            raise RuntimeError("disk full")
        return import_article(target, data, *args, **kwargs)

    monkeypatch.setattr(services, "import_article", failing)
    with pytest.raises(CommandError, match="1 row"):
        run_import(db=nukeviet_db.dsn)
    assert Article.objects.count() == len(site.IMPORTED_ARTICLES) - 1
    assert not LegacyObject.objects.filter(kind="comment", old_id=5).exists()

    monkeypatch.setattr(services, "import_article", import_article)
    output = run_import(db=nukeviet_db.dsn)
    assert "articles: 1 imported, 10 already imported" in output
    assert legacy("comment", 5).target == legacy("article", 3)
    assert ImportedVisits.objects.exists()


def test_without_an_uploads_folder_pictures_keep_their_links(
    existing_category, nukeviet_db, run_import
):
    output = run_import(db=nukeviet_db.dsn, uploads=None)
    assert '<img src="/uploads/news/2024_05/dai-hoi-2.jpg"' in legacy("article", 1).body
    assert not legacy("article", 1).cover_image
    assert not Picture.objects.exists()
    assert "pictures keep their old links: no --uploads folder" in output


def test_wrong_connection_or_tables_stop_the_command(nukeviet_db, run_import):
    with pytest.raises(CommandError, match="mysql://"):
        run_import(db="postgres://x@localhost/y")
    with pytest.raises(CommandError, match="no table nv5_vi_news_cat"):
        run_import(db=nukeviet_db.dsn, prefix="nv5")
    with pytest.raises(CommandError, match="only letters"):
        run_import(db=nukeviet_db.dsn, prefix="nv4; DROP TABLE x")


def test_the_command_shows_progress_per_table(imported):
    output, _started = imported
    for line in ("categories: 6/6 (100%)", "articles: 14/14 (100%)", "comments: 10/10 (100%)"):
        assert line in output


def test_site_chooses_the_site_the_import_goes_into(nukeviet_db, run_import):
    from tenancy.services import add_site

    ward, _created = add_site("ninhhai.example.gov.vn", "Cổng thông tin điện tử xã Ninh Hải")
    run_import(db=nukeviet_db.dsn, site="NinhHai.example.gov.vn")
    assert Article.objects.for_site(ward).count() == len(site.IMPORTED_ARTICLES)
    assert not Article.objects.exclude(site=ward).exists()
    assert not LegacyObject.objects.exclude(site=ward).exists()
    assert Picture.objects.for_site(ward).count() == 2
    assert set(Tag.objects.values_list("site", flat=True)) == {ward.pk}
    with pytest.raises(CommandError, match="no active site"):
        run_import(db=nukeviet_db.dsn, site="khong-co.example.gov.vn")
