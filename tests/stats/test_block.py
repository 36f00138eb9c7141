import pytest
from django.urls import reverse

from tests.factories import make_article

pytestmark = pytest.mark.django_db

FIGURES = {
    "online": 5,
    "bots": 1,
    "guests": 4,
    "members": 0,
    "today": 1300,
    "month": 52962,
    "total": 2557241,
}


@pytest.fixture
def figures(monkeypatch):
    calls = []

    def summary(site):
        calls.append(1)
        return dict(FIGURES)

    monkeypatch.setattr("stats.views.summary", summary)
    return calls


def test_the_block_reads_as_on_the_seed_page(client, figures):
    article = make_article()
    for url in ["/", article.get_absolute_url(), "/tim-kiem/?q=phuong"]:
        html = client.get(url).content.decode()
        block = html.split('class="block block--stats"', 1)[1].split("</section>", 1)[0]
        for label, number in [
            ("Thống kê", None),
            ("Đang truy cập", "5"),
            ("Máy chủ tìm kiếm", "1"),
            ("Khách viếng thăm", "4"),
            ("Hôm nay", "1,300"),
            ("Tháng hiện tại", "52,962"),
            ("Tổng lượt truy cập", "2,557,241"),
        ]:
            assert label in block
            if number:
                assert f"<span>{label}</span><strong" in block
                assert f">{number}</strong>" in block
        assert 'data-stat-row="members" hidden' in block


def test_members_are_shown_when_there_are_some(client, monkeypatch):
    monkeypatch.setattr("stats.views.summary", lambda site: {**FIGURES, "members": 2})
    html = client.get("/").content.decode()
    assert 'data-stat-row="members">' in html and "Thành viên" in html


def test_the_json_summary_is_cached_briefly(client, figures, staff_user, settings):
    url = reverse("stats:summary")
    assert url == "/thong-ke/tom-tat.json"
    first = client.get(url)
    assert first.json() == FIGURES
    assert first["Cache-Control"] == f"public, max-age={settings.PORTAL_STATS_SUMMARY_SECONDS}"
    assert "Access-Control-Allow-Origin" not in first
    client.get(url)
    assert len(figures) == 1
    assert client.post(url).status_code == 405
