import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from stats import admin_views, charts, reports
from stats.models import DailyBreakdown, DailyVisits, HourlyVisits
from tests.factories import first_site, make_article, make_category
from tests.stats import other_site

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
CHART = r'<svg [^>]*class="stats-chart".*?</svg>'


def local_hour(day, hour):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def report_url(slug):
    return reverse("admin:stats_report", args=[slug])


def csv_url(slug):
    return reverse("admin:stats_report_csv", args=[slug])


def svg_of(response):
    return ET.fromstring(re.search(CHART, response.content.decode(), re.S).group())


def bars(svg):
    return svg.findall(f"{SVG}rect[@class='bar']")


@pytest.fixture
def publisher_client(client, member):
    client.force_login(member("Người duyệt bài"))
    return client


# The figures


def test_hourly_uses_local_hours_and_fills_the_other_hours_with_zeros():
    day = date(2025, 7, 18)
    HourlyVisits.objects.create(
        site=first_site(), hour=datetime(2025, 7, 17, 17, tzinfo=UTC), visits=5, page_views=9
    )
    HourlyVisits.objects.create(
        site=first_site(), hour=local_hour(day, 23), visits=7, page_views=11
    )
    HourlyVisits.objects.create(
        site=first_site(), hour=datetime(2025, 7, 17, 16, tzinfo=UTC), visits=100
    )
    HourlyVisits.objects.create(
        site=first_site(), hour=local_hour(day, 24), visits=200, page_views=200
    )

    rows = reports.hourly(first_site(), day)

    assert [row.label for row in rows] == [f"{hour:02d}:00" for hour in range(24)]
    assert (rows[0].visits, rows[0].page_views) == (5, 9)
    assert (rows[23].visits, rows[23].page_views) == (7, 11)
    assert sum(row.visits for row in rows) == 12
    assert reports.hourly(first_site(), date(2025, 7, 17))[23].visits == 100


def test_hourly_defaults_to_today():
    HourlyVisits.objects.create(
        site=first_site(), hour=local_hour(timezone.localdate(), 9), visits=3, page_views=4
    )
    assert reports.hourly(first_site())[9].visits == 3


def test_daily_has_every_day_of_the_month_with_zeros_for_gaps():
    DailyVisits.objects.create(site=first_site(), day=date(2024, 2, 1), visits=10, page_views=30)
    DailyVisits.objects.create(
        site=first_site(), day=date(2024, 2, 29), visits=2557, page_views=9000
    )
    DailyVisits.objects.create(site=first_site(), day=date(2024, 1, 31), visits=1, page_views=1)
    DailyVisits.objects.create(site=first_site(), day=date(2024, 3, 1), visits=1, page_views=1)

    rows = reports.daily(first_site(), 2024, 2)

    assert len(rows) == 29
    assert rows[0] == reports.Period("01/02/2024", 10, 30)
    assert rows[14] == reports.Period("15/02/2024", 0, 0)
    assert rows[28] == reports.Period("29/02/2024", 2557, 9000)


def test_monthly_sums_the_days_of_each_month():
    DailyVisits.objects.create(site=first_site(), day=date(2025, 1, 1), visits=10, page_views=20)
    DailyVisits.objects.create(site=first_site(), day=date(2025, 1, 31), visits=5, page_views=6)
    DailyVisits.objects.create(site=first_site(), day=date(2025, 3, 15), visits=7, page_views=8)
    DailyVisits.objects.create(site=first_site(), day=date(2024, 12, 31), visits=99, page_views=99)

    rows = reports.monthly(first_site(), 2025)

    assert [row.label for row in rows][:3] == ["01/2025", "02/2025", "03/2025"]
    assert (rows[0].visits, rows[0].page_views) == (15, 26)
    assert (rows[1].visits, rows[1].page_views) == (0, 0)
    assert (rows[2].visits, rows[2].page_views) == (7, 8)
    assert len(rows) == 12
    assert sum(row.visits for row in rows) == 22


def test_yearly_runs_from_the_first_year_to_this_one():
    DailyVisits.objects.create(site=first_site(), day=date(2023, 5, 1), visits=4, page_views=5)
    DailyVisits.objects.create(site=first_site(), day=date(2023, 6, 1), visits=1, page_views=1)
    DailyVisits.objects.create(site=first_site(), day=date(2025, 5, 1), visits=6, page_views=7)

    rows = reports.yearly(first_site(), until=2026)

    assert rows == [
        reports.Period("2023", 5, 6),
        reports.Period("2024", 0, 0),
        reports.Period("2025", 6, 7),
        reports.Period("2026", 0, 0),
    ]


def test_yearly_without_rows_is_this_year_only():
    assert reports.yearly(first_site()) == [reports.Period(str(timezone.localdate().year), 0, 0)]


def test_top_articles_are_published_and_most_viewed_first():
    category = make_category()
    make_article(category, title="Ít người xem", view_count=3)
    make_article(category, title="Nhiều người xem", view_count=2557)
    make_article(category, title="Bản nháp", view_count=10_000, status=Article.Status.DRAFT)
    elsewhere = make_category(site=other_site())
    make_article(elsewhere, title="Tin của xã khác", view_count=90_000)

    assert reports.top_articles(first_site()) == [
        reports.Share("Nhiều người xem", 2557),
        reports.Share("Ít người xem", 3),
    ]
    assert reports.top_articles(first_site(), limit=1) == [reports.Share("Nhiều người xem", 2557)]


def breakdown_row(day, value, count, dimension="browser"):
    DailyBreakdown.objects.create(
        site=first_site(), day=day, dimension=dimension, value=value, count=count
    )


def test_breakdown_sums_the_range_and_puts_the_tail_in_other():
    for day in (date(2025, 7, 1), date(2025, 7, 2)):
        breakdown_row(day, "Chrome", 50)
        breakdown_row(day, "Safari", 20)
        breakdown_row(day, "Firefox", 4)
        breakdown_row(day, "Opera", 1)
    breakdown_row(date(2025, 7, 3), "Chrome", 1000)
    breakdown_row(date(2025, 7, 1), "Windows", 99, dimension="os")

    shares = reports.breakdown(first_site(), "browser", date(2025, 7, 1), date(2025, 7, 2), limit=2)

    assert shares == [
        reports.Share("Chrome", 100),
        reports.Share("Safari", 40),
        reports.Share("Khác", 10),
    ]
    assert reports.breakdown(first_site(), "browser", date(2025, 7, 1), date(2025, 7, 2)) == [
        reports.Share("Chrome", 100),
        reports.Share("Safari", 40),
        reports.Share("Firefox", 8),
        reports.Share("Opera", 2),
    ]


# The charts


def test_column_chart_is_accessible_well_formed_svg_with_one_bar_per_period_and_series():
    series = [charts.Series("Lượt truy cập", [0, 2557, 7]), charts.Series("Lượt xem", [1, 2, 3])]
    svg = ET.fromstring(
        charts.column_chart("c", "Theo <giờ> & ngày", "Mô tả", ["a", "b", "c"], series)
    )

    assert svg.get("role") == "img"
    assert svg.get("width") == "100%"
    assert svg.get("viewBox") == "0 0 800 320"
    assert svg.find(f"{SVG}title").text == "Theo <giờ> & ngày"
    assert svg.find(f"{SVG}desc").text == "Mô tả"
    assert len(bars(svg)) == 6
    assert [bar.find(f"{SVG}title").text for bar in bars(svg)][2] == "b, Lượt truy cập: 2,557"
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert texts[2:7] == ["0", "1,000", "2,000", "3,000", "4,000"]


@pytest.mark.parametrize(
    ("largest", "top"), [(0, 4), (3, 4), (5, 8), (9, 20), (99, 100), (2557, 4000), (9000, 10_000)]
)
def test_the_value_axis_has_round_whole_ticks_above_the_largest_value(largest, top):
    series = [charts.Series("Lượt truy cập", [largest])]
    svg = ET.fromstring(charts.column_chart("c", "Biểu đồ", "Mô tả", ["1"], series))
    ticks = [text.text for text in svg.iter(f"{SVG}text")][1:6]
    assert ticks == [f"{top * n // 4:,}" for n in range(5)]


def test_bar_chart_escapes_labels_and_scales_to_the_largest():
    items = [('<script>"x"</script>', 40), ("Chrome", 20), ("Khác", 0)]
    svg = ET.fromstring(charts.bar_chart("b", "Trình duyệt", "Mô tả", items))

    widths = [float(bar.get("width")) for bar in bars(svg)]
    assert widths[0] == 2 * widths[1] > 0 == widths[2]
    assert '<script>"x"</script>' in [text.text for text in svg.iter(f"{SVG}text")]


# Who may see the reports


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(report_url("daily"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_permission_gets_403_and_no_index_entry(client, member):
    client.force_login(member("Biên tập viên"))
    assert client.get(reverse("admin:stats_reports")).status_code == 403
    assert client.get(csv_url("daily")).status_code == 403
    assert "Thống kê truy cập" not in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize("group", ["Người duyệt bài", "Người kiểm duyệt"])
def test_publishers_and_moderators_see_the_reports(client, member, group):
    client.force_login(member(group))
    index = client.get(reverse("admin:index")).content.decode()
    assert "Thống kê truy cập" in index
    changelist = client.get(reverse("admin:stats_dailyvisits_changelist"))
    assert changelist["Location"] == reverse("admin:stats_reports")
    app_index = client.get(reverse("admin:app_list", args=["stats"]))
    assert reverse("admin:stats_reports") in app_index.content.decode()
    assert client.get(reverse("admin:stats_reports")).status_code == 200


def test_editors_do_not_get_the_permission():
    assert not Group.objects.get(name="Biên tập viên").permissions.filter(codename="view_reports")


# The pages


def test_daily_page_shows_chart_table_and_csv_link(publisher_client):
    DailyVisits.objects.create(
        site=first_site(), day=date(2025, 7, 18), visits=2557, page_views=9001
    )

    response = publisher_client.get(report_url("daily"), {"month": "7", "year": "2025"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Truy cập theo ngày 07/2025" in html
    assert len(bars(svg_of(response))) == 2 * 31
    assert re.search(
        r"<th scope=\"row\">18/07/2025</th><td[^>]*>2,557</td><td[^>]*>9,001</td>", html
    )
    assert "Tải CSV" in html
    assert f"{csv_url('daily')}?month=7&amp;year=2025" in html


def test_hourly_page_has_24_bars(publisher_client):
    HourlyVisits.objects.create(
        site=first_site(), hour=local_hour(date(2025, 7, 18), 13), visits=42, page_views=50
    )

    response = publisher_client.get(report_url("hourly"), {"day": "18/07/2025"})

    assert len(bars(svg_of(response))) == 2 * 24
    assert re.search(r"13:00</th><td[^>]*>42</td>", response.content.decode())


def test_breakdown_page_shows_a_bar_per_value(publisher_client):
    breakdown_row(date(2025, 7, 1), "Cốc Cốc", 1234)
    breakdown_row(date(2025, 7, 1), "Chrome", 99)

    response = publisher_client.get(
        report_url("browser"), {"start": "2025-07-01", "end": "2025-07-31"}
    )

    assert len(bars(svg_of(response))) == 2
    assert "1,234" in response.content.decode()


def test_empty_breakdown_says_so(publisher_client):
    response = publisher_client.get(report_url("referrer"))
    assert "Chưa có số liệu trong khoảng thời gian này." in response.content.decode()


def test_unknown_report_is_not_found(publisher_client):
    assert publisher_client.get(report_url("nope")).status_code == 404
    assert publisher_client.get(csv_url("nope")).status_code == 404


@pytest.mark.parametrize(
    "slug",
    ["hourly", "daily", "monthly", "yearly", "articles", "browser", "os", "device", "bot"],
)
def test_each_report_takes_a_bounded_number_of_queries(
    publisher_client, slug, django_assert_max_num_queries
):
    for offset in range(40):
        day = date(2024, 1, 1) + timedelta(days=offset * 20)
        DailyVisits.objects.create(site=first_site(), day=day, visits=offset, page_views=offset)
        breakdown_row(day, f"value {offset}", offset, dimension=slug if slug != "hourly" else "os")
    # Session, user, the staff member's two-step verification device, their role on the site,
    # permissions, the report.
    with django_assert_max_num_queries(10):
        assert publisher_client.get(report_url(slug)).status_code == 200
    with django_assert_max_num_queries(10):
        assert publisher_client.get(csv_url(slug)).status_code == 200


# CSV


def test_csv_is_utf8_with_bom_and_vietnamese_header(publisher_client):
    DailyVisits.objects.create(
        site=first_site(), day=date(2025, 2, 3), visits=2557, page_views=9001
    )

    response = publisher_client.get(csv_url("daily"), {"month": "2", "year": "2025"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="thong-ke-daily-2025-02.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Ngày", "Lượt truy cập", "Lượt xem trang"]
    assert len(rows) == 1 + 28
    assert rows[3] == ["03/02/2025", "2557", "9001"]
    assert rows[4] == ["04/02/2025", "0", "0"]


def test_csv_of_a_breakdown_names_the_range(publisher_client):
    breakdown_row(date(2025, 7, 1), "Googlebot", 12, dimension="bot")

    response = publisher_client.get(csv_url("bot"), {"start": "01/07/2025", "end": "31/07/2025"})

    assert 'filename="thong-ke-bot-2025-07-01_2025-07-31.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Máy chủ tìm kiếm", "Lượt ghé"], ["Googlebot", "12"]]


FORMULAS = ['=HYPERLINK("http://evil.example","Bấm")', "+84 912 345 678", "-2+3", "@SUM(A1)"]


def csv_cells(response):
    return [
        cell
        for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
        for cell in row
    ]


@pytest.mark.parametrize("slug", sorted(admin_views.REPORTS))
def test_no_csv_cell_is_a_formula_for_a_spreadsheet(publisher_client, slug):
    """A title or referrer starting with = + - @ would run in Excel: it is kept as text."""
    today = timezone.localdate()
    for number, text in enumerate(FORMULAS):
        make_article(title=text, slug=f"bai-{number}", view_count=10 + number)
        for dimension in DailyBreakdown.Dimension.values:
            breakdown_row(today, text, 5 + number, dimension=dimension)

    cells = csv_cells(publisher_client.get(csv_url(slug)))

    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    if slug in {"articles", *DailyBreakdown.Dimension.values}:
        assert {f"'{text}" for text in FORMULAS} <= set(cells)


# Bad input never breaks a page


@pytest.mark.parametrize(
    ("slug", "query", "message"),
    [
        ("daily", {"month": "13", "year": "2025"}, "Chọn tháng từ 1 đến 12."),
        ("daily", {"month": "abc", "year": "2025"}, "Chọn tháng từ 1 đến 12."),
        ("daily", {"month": "2", "year": "99999"}, "Chọn năm từ 2000 đến 2100."),
        ("monthly", {"year": "abc"}, "Chọn năm từ 2000 đến 2100."),
        ("monthly", {"year": "-1"}, "Chọn năm từ 2000 đến 2100."),
        ("hourly", {"day": "32/13/2025"}, "Nhập ngày theo dạng ngày/tháng/năm"),
        ("hourly", {"day": "0001-01-01"}, "Chọn năm từ 2000 đến 2100."),
        ("hourly", {"day": ""}, "Trường này là bắt buộc."),
        (
            "browser",
            {"start": "2025-02-01", "end": "2025-01-01"},
            "Ngày kết thúc không được trước ngày bắt đầu.",
        ),
        ("os", {"start": "x", "end": "2025-01-01"}, "Nhập ngày theo dạng ngày/tháng/năm"),
    ],
)
def test_bad_periods_get_a_vietnamese_message(publisher_client, slug, query, message):
    page = publisher_client.get(report_url(slug), query)
    assert page.status_code == 400
    assert message in page.content.decode()
    assert 'class="stats-chart"' not in page.content.decode()
    download = publisher_client.get(csv_url(slug), query)
    assert download.status_code == 400
    assert message in download.content.decode()


@pytest.mark.parametrize("slug", ["articles", "yearly", "daily"])
def test_unknown_parameters_are_ignored(publisher_client, slug):
    response = publisher_client.get(report_url(slug), {"page": "abc", "month[]": "x"})
    assert response.status_code == 200
