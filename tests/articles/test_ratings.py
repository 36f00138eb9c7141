import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Article, Vote
from articles.services import cast_vote, recompute_ratings, remove_votes
from tests.concurrency import run_pool, run_threads
from tests.factories import make_article

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def rate_url(article):
    return reverse("articles:rate", args=[article.slug])


def reader(address="203.0.113.7", **headers):
    """A reader's browser; `visit` gives it the visitor cookie, as the article page does."""
    headers.setdefault("HTTP_USER_AGENT", "Mozilla/5.0 (Android 14)")
    return Client(REMOTE_ADDR=address, **headers)


def visit(client, article):
    assert client.get(article.get_absolute_url()).status_code == 200
    return client


def totals(article):
    article.refresh_from_db()
    return article.rating_sum, article.rating_count


@pytest.fixture
def article():
    return make_article(title="Lễ ra quân tổng vệ sinh")


def test_the_rating_block_shows_the_seed_page_lines(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tổng số điểm của bài viết là: 0 trong 0 đánh giá" in html
    assert "Click để đánh giá bài viết" in html
    for title in ["Bài viết rất kém", "Bài viết kém", "Bài viết đạt", "Bài viết tốt"]:
        assert f'title="{title}"' in html
    assert "Điểm trung bình" not in html
    assert "aggregateRating" not in html


def test_the_seed_line_then_one_average_with_a_decimal_point_as_thousands_take_commas(
    client, article
):
    Article.objects.filter(pk=article.pk).update(rating_sum=5306, rating_count=1234)
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("Tổng số điểm của bài viết là: 5,306 trong 1,234 đánh giá") == 1
    assert html.count("Điểm trung bình: 4.3/5<") == 1
    assert "1,234" not in html.split("Điểm trung bình")[1].split("</section>")[0]
    assert "4,3" not in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 4.3,
        "ratingCount": 1234,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_a_vote_with_javascript_answers_json(article):
    client = visit(reader(), article)
    response = client.post(rate_url(article), {"score": "4"}, **JSON)
    assert response.status_code == 200
    body = response.json()
    assert (body["rating_sum"], body["rating_count"]) == (4, 1)
    assert "Tổng số điểm của bài viết là: 4 trong 1 đánh giá" in body["lines"]
    assert totals(article) == (4, 1)
    vote = Vote.objects.get()
    assert vote.score == 4
    assert "203.0.113.7" not in (vote.voter + vote.address)


def test_a_vote_without_javascript_redirects_back_with_the_message(article):
    client = visit(reader(), article)
    response = client.post(rate_url(article), {"score": "5"})
    assert response.status_code == 302
    assert response.url == f"{article.get_absolute_url()}#danh-gia-thong-bao"
    page = client.get(response.url).content.decode()
    assert 'class="container messages"' not in page  # not at the top, off-screen on a phone
    notice = page.split('id="danh-gia-thong-bao"', 1)[1].split("</p>", 1)[0]
    assert 'tabindex="-1" autofocus>Cảm ơn bạn đã đánh giá bài viết.' in notice
    assert "Tổng số điểm của bài viết là: 5 trong 1 đánh giá" in page
    assert "Đánh giá của bạn" in page and "Click để đánh giá bài viết" not in page
    assert 'value="5" checked' in page


def test_a_second_vote_is_refused(article):
    client = visit(reader(), article)
    client.post(rate_url(article), {"score": "2"}, **JSON)
    response = client.post(rate_url(article), {"score": "5"}, **JSON)
    assert response.status_code == 409
    assert response.json()["message"] == "Bạn đã đánh giá bài viết này rồi"
    assert totals(article) == (2, 1)
    form = client.post(rate_url(article), {"score": "5"})
    assert "Bạn đã đánh giá bài viết này rồi" in client.get(form.url).content.decode()


@pytest.mark.parametrize("score", ["0", "6", "-1", "abc", "", "3.5", "٣", "4 ", "9" * 40, None])
def test_bad_scores_are_refused_and_change_nothing(article, score):
    client = visit(reader(), article)
    data = {} if score is None else {"score": score}
    response = client.post(rate_url(article), data, **JSON)
    assert response.status_code == 400
    assert response.json()["message"] == "Đánh giá không hợp lệ"
    assert totals(article) == (0, 0)
    assert not Vote.objects.exists()


def test_rating_closed_unpublished_and_missing_articles(article):
    client = visit(reader(), article)
    closed = make_article(title="Không nhận đánh giá", allow_rating=False)
    draft = make_article(title="Bản nháp", status=Article.Status.DRAFT)
    assert client.post(rate_url(closed), {"score": "3"}, **JSON).status_code == 403
    assert client.post(rate_url(draft), {"score": "3"}, **JSON).status_code == 404
    assert client.post("/bai-viet/khong-co/danh-gia/", {"score": "3"}, **JSON).status_code == 404
    assert client.post(rate_url(draft), {"score": "3"}).status_code == 404
    assert not Vote.objects.exists()
    assert "Click để đánh giá" not in client.get(closed.get_absolute_url()).content.decode()


def test_votes_need_post_and_the_csrf_token(article):
    client = Client(enforce_csrf_checks=True)
    assert client.get(rate_url(article)).status_code == 405
    assert client.post(rate_url(article), {"score": "4"}).status_code == 403
    visit(client, article)
    token = client.cookies["csrftoken"].value
    response = client.post(rate_url(article), {"score": "4", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert totals(article) == (4, 1)


def test_a_cleared_cookie_or_private_window_hits_the_per_address_cap(article, settings):
    settings.PORTAL_RATING_VOTES_PER_ADDRESS = 3
    for n in range(3):
        browser = visit(reader(HTTP_USER_AGENT=f"Browser {n}"), article)
        assert browser.post(rate_url(article), {"score": "5"}, **JSON).status_code == 200
    private = visit(reader(HTTP_USER_AGENT="Private window"), article)
    response = private.post(rate_url(article), {"score": "5"}, **JSON)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 86400
    assert "quá nhiều lượt đánh giá" in response.json()["message"]
    assert totals(article) == (15, 3)
    other_network = visit(reader(address="198.51.100.20"), article)
    assert other_network.post(rate_url(article), {"score": "1"}, **JSON).status_code == 200


@pytest.mark.parametrize("proxies", [0, 1])
def test_a_forged_x_forwarded_for_does_not_bypass_the_cap(article, settings, proxies):
    settings.PORTAL_RATING_VOTES_PER_ADDRESS = 1
    settings.PORTAL_TRUSTED_PROXY_COUNT = proxies
    # Behind one proxy the real address is the last entry, which the proxy appends.
    real = "203.0.113.7"
    first = visit(reader(HTTP_X_FORWARDED_FOR=real), article)
    assert first.post(rate_url(article), {"score": "5"}, **JSON).status_code == 200
    forged = visit(reader(HTTP_X_FORWARDED_FOR=f"10.9.8.7, {real}"), article)
    forged.cookies.clear()
    response = forged.post(
        rate_url(article),
        {"score": "5"},
        HTTP_X_FORWARDED_FOR=f"10.9.8.7, {real}",
        HTTP_USER_AGENT="Another browser",
        **JSON,
    )
    assert response.status_code == 429
    assert totals(article) == (5, 1)


def test_recompute_ratings_reports_and_fixes_drift(article, capsys):
    client = visit(reader(), article)
    client.post(rate_url(article), {"score": "4"}, **JSON)
    Article.objects.filter(pk=article.pk).update(rating_sum=99, rating_count=7)
    call_command("recompute_ratings", "--check")
    assert "stored 99/7, votes say 4/1" in capsys.readouterr().out
    assert totals(article) == (99, 7)
    call_command("recompute_ratings")
    assert totals(article) == (4, 1)
    call_command("recompute_ratings")
    assert "0 article(s)" in capsys.readouterr().out


def test_recompute_keeps_the_ratings_carried_over_from_the_old_site(article, capsys):
    Article.objects.filter(pk=article.pk).update(
        rating_sum=40, rating_count=10, carried_rating_sum=40, carried_rating_count=10
    )
    visit(reader(), article).post(rate_url(article), {"score": "5"}, **JSON)
    assert totals(article) == (45, 11)
    call_command("recompute_ratings")
    assert "0 article(s)" in capsys.readouterr().out
    Article.objects.filter(pk=article.pk).update(rating_sum=0, rating_count=0)
    call_command("recompute_ratings")
    assert totals(article) == (45, 11)


def test_removing_votes_takes_their_points_off(article, admin_client):
    for n, score in enumerate([5, 4, 1]):
        visit(reader(address=f"198.51.100.{n}"), article).post(
            rate_url(article), {"score": score}, **JSON
        )
    low = Vote.objects.filter(score=1)
    response = admin_client.post(
        reverse("admin:articles_vote_changelist"),
        {"action": "delete_selected", "_selected_action": [low.get().pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert totals(article) == (9, 2)
    remove_votes(Vote.objects.all())
    assert totals(article) == (0, 0)


def test_admin_lists_votes_and_totals(article, admin_client):
    visit(reader(), article).post(rate_url(article), {"score": "3"}, **JSON)
    changelist = admin_client.get(reverse("admin:articles_article_changelist")).content
    assert b"3 / 1" in changelist
    votes = admin_client.get(reverse("admin:articles_vote_changelist")).content.decode()
    assert article.title in votes


def test_saving_the_article_keeps_its_rating_totals(article):
    visit(reader(), article).post(rate_url(article), {"score": "5"}, **JSON)
    stale = Article.objects.get(pk=article.pk)
    Article.objects.filter(pk=article.pk).update(rating_sum=9, rating_count=2)
    stale.save()
    assert totals(article) == (9, 2)


@pytest.mark.parametrize(("kind", "title"), [("best", "Đánh giá cao nhất"), ("most", "")])
def test_rated_sidebar_block_is_an_option(client, settings, kind, title, no_page_cache):
    loved = make_article(title="Được yêu thích")
    Article.objects.filter(pk=loved.pk).update(rating_sum=50, rating_count=10)
    crowded = make_article(title="Nhiều người chấm")
    Article.objects.filter(pk=crowded.pk).update(rating_sum=60, rating_count=20)
    assert "Đánh giá cao nhất" not in client.get("/").content.decode()
    settings.PORTAL_RATING_BLOCK = kind
    html = client.get("/").content.decode()
    block = html.split(f'id="block-{kind}-rated">', 1)[1].split("</section>", 1)[0]
    first, second = ("Được yêu thích", "Nhiều người chấm")
    if kind == "most":
        first, second = second, first
    assert block.index(first) < block.index(second)
    assert title in block


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent transactions"
)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_200_concurrent_voters_give_exact_totals(settings):
    settings.PORTAL_RATING_VOTES_PER_ADDRESS = 1000
    article = make_article(title="Bài nhiều người chấm")

    def vote(n):
        client = Client(REMOTE_ADDR=f"198.51.{n // 250}.{n % 250}")
        response = client.post(rate_url(article), {"score": str(n % 5 + 1)}, **JSON)
        return response.status_code

    statuses = run_pool(vote, 200)
    assert statuses == [200] * 200
    assert totals(article) == (sum(n % 5 + 1 for n in range(200)), 200)
    assert Vote.objects.count() == 200


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_one_reader_racing_20_posts_counts_once():
    article = make_article(title="Bài bị bấm liên tục")
    client = visit(reader(), article)
    cookies = client.cookies

    def vote(n):
        racer = Client(REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Mozilla/5.0 (Android 14)")
        racer.cookies = cookies
        return racer.post(rate_url(article), {"score": "4"}, **JSON).status_code

    statuses = run_pool(vote, 20)
    assert sorted(statuses) == [200] + [409] * 19
    assert totals(article) == (4, 1)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_staff_deleting_the_same_votes_at_once_take_them_off_once():
    article = make_article(title="Bài có phiếu bị xoá")
    for round_ in range(10):
        for n, score in enumerate([5, 4, 3, 2]):
            cast_vote(article.pk, score, [f"voter-{round_}-{n}"], f"address-{round_}-{n}", 20)
        doomed = Vote.objects.filter(
            pk__in=list(Vote.objects.filter(score__gte=4).values_list("pk", flat=True))
        )
        run_threads(lambda n, doomed=doomed: remove_votes(doomed.all()), 2)
        assert totals(article) == (5 * (round_ + 1), 2 * (round_ + 1))


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_recompute_ratings_on_a_live_site_keeps_the_votes_cast_meanwhile():
    article = make_article(title="Bài được chấm trong lúc kiểm tra")
    voters = 480

    def vote_or_recompute(n):
        if n % 20 == 0:
            recompute_ratings()
        cast_vote(article.pk, n % 5 + 1, [f"voter-{n}"], f"address-{n}", 20)

    run_pool(vote_or_recompute, voters)
    assert totals(article) == (sum(n % 5 + 1 for n in range(voters)), voters)
