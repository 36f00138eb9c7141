"""Two wards with the same slugs: each host shows, counts, caches and administers only its own
news (categories, tags, articles, pictures, attachments, comments, votes, old NukeViet
addresses)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Vote
from comments.models import Comment
from library.attachments import check_upload, store_attachment
from library.models import Picture
from library.pictures import normalize_upload, store_picture
from nukeviet.models import LegacyObject, forget_imported_modules
from tests.factories import make_article, make_category, make_tag
from tests.library.documents import pdf_bytes
from tests.library.documents import upload_of as document_upload
from tests.library.test_pictures import picture_bytes

from .conftest import OTHER_HOST

pytestmark = pytest.mark.django_db

HOSTS = {"first": "testserver", "other": OTHER_HOST}
READER = {"HTTP_USER_AGENT": "Mozilla/5.0 (Android 14) Chrome/126.0"}


def news_of(site, ward):
    """A category and a tag with the same slugs on both sites, a featured article, and one
    with the same slug on both sites, commented on and rated."""
    category = make_category(name="Tin tức", site=site)
    tag = make_tag(name="Chuyển đổi số", site=site)
    own = make_article(category, title=f"Tin riêng của {ward}", is_featured=True)
    shared = make_article(category, title=f"Thông báo của {ward}", slug="thong-bao")
    for article in (own, shared):
        article.tags.add(tag)
    Comment.objects.create(
        target=shared, name="Bạn đọc", text=f"Ý kiến ở {ward}", status=Comment.Status.APPROVED
    )
    Vote.objects.create(article=shared, score=5, voter=f"phieu-{ward}", address="a")
    upload = SimpleUploadedFile("anh.png", picture_bytes((400, 300), format="PNG"))
    picture, _created = store_picture(normalize_upload(upload), site=site, alt=f"Ảnh {ward}")
    document = check_upload(document_upload(pdf_bytes(), "ke-hoach.pdf"))
    attachment, _created = store_attachment(document, site=site, title=f"Kế hoạch của {ward}")
    return {
        "category": category,
        "tag": tag,
        "own": own,
        "shared": shared,
        "picture": picture,
        "attachment": attachment,
    }


@pytest.fixture
def wards(first_site, other_site):
    return {"first": news_of(first_site, "Phù Vân"), "other": news_of(other_site, "Ninh Hải")}


def get(path, ward, client=None, **extra):
    return (client or Client(**READER)).get(path, HTTP_HOST=HOSTS[ward], **extra)


def other(ward):
    return "other" if ward == "first" else "first"


PAGES = [
    "/",
    "/chuyen-muc/tin-tuc/",
    "/the/chuyen-doi-so/",
    "/bai-viet/thong-bao/",
    "/bai-viet/thong-bao/in/",
    "/tim-kiem/?q=tin",
    "/rss/",
    "/rss/tin-tuc/",
]


@pytest.mark.parametrize("ward", ["first", "other"])
@pytest.mark.parametrize("path", PAGES)
def test_each_host_shows_only_its_own_news(wards, ward, path):
    response = get(path, ward)
    assert response.status_code == 200
    html = response.content.decode()
    mine, theirs = wards[ward], wards[other(ward)]
    assert mine["shared"].title in html
    assert theirs["shared"].title not in html
    assert theirs["own"].title not in html


@pytest.mark.parametrize("ward", ["first", "other"])
@pytest.mark.parametrize("section", ["articles", "categories", "tags"])
def test_each_sitemap_lists_only_its_own_addresses(wards, ward, section):
    xml = get(f"/sitemap-{section}.xml", ward).content.decode()
    mine, theirs = wards[ward], wards[other(ward)]
    assert f"http://{HOSTS[ward]}/" in xml
    assert f"http://{HOSTS[other(ward)]}/" not in xml
    if section == "articles":
        assert mine["own"].slug in xml and theirs["own"].slug not in xml
        assert xml.count("/bai-viet/thong-bao/") == 1


def test_robots_points_at_the_hosts_own_sitemap(wards):
    assert f"Sitemap: http://{OTHER_HOST}/sitemap.xml" in get("/robots.txt", "other").text


@pytest.mark.parametrize("ward", ["first", "other"])
def test_the_other_sites_article_is_not_found_by_its_slug(wards, ward):
    theirs = wards[other(ward)]["own"]
    for path in [theirs.get_absolute_url(), reverse("articles:print", args=[theirs.slug])]:
        assert get(path, ward).status_code == 404


def test_the_other_sites_article_takes_no_comment_nor_vote(wards):
    theirs = wards["other"]["own"]
    client = Client(**READER)
    comment = {"name": "Bạn đọc", "email": "", "text": "Ý kiến lạc sang phường khác."}
    comment_url = reverse("comments:post", args=["bai-viet", theirs.pk])
    assert client.post(comment_url, comment, HTTP_HOST="testserver").status_code == 404
    rate_url = reverse("articles:rate", args=[theirs.slug])
    assert client.post(rate_url, {"score": "5"}, HTTP_HOST="testserver").status_code == 404
    my_score = reverse("articles:my_score", args=[theirs.slug])
    assert client.get(my_score, HTTP_HOST="testserver").status_code == 404
    assert not theirs.comments.exists() and not theirs.votes.exists()


def test_a_category_or_tag_only_the_other_site_has_is_not_found(wards, other_site):
    make_category(name="Nông nghiệp", site=other_site)
    make_tag(name="Du lịch", site=other_site)
    for path in ["/chuyen-muc/nong-nghiep/", "/the/du-lich/", "/rss/nong-nghiep/"]:
        assert get(path, "other").status_code == 200
        assert get(path, "first").status_code == 404


def test_editing_one_site_keeps_the_others_pages_cached(wards, committed):
    for path in ["/", "/bai-viet/thong-bao/"]:
        assert get(path, "other")["X-Page-Cache"] == "miss"
        assert get(path, "other")["X-Page-Cache"] == "hit"
        assert get(path, "first")["X-Page-Cache"] == "miss"
    with committed():
        article = wards["first"]["shared"]
        article.title = "Thông báo đã sửa"
        article.save()
        Vote.objects.create(article=article, score=1, voter="moi", address="b")
    for path in ["/", "/bai-viet/thong-bao/"]:
        assert get(path, "other")["X-Page-Cache"] == "hit"
        first = get(path, "first")
        assert first["X-Page-Cache"] == "miss"
        assert "Thông báo đã sửa" in first.content.decode()


@pytest.mark.parametrize("ward", ["first", "other"])
def test_each_host_serves_only_its_own_attachments(wards, ward):
    mine, theirs = wards[ward]["attachment"], wards[other(ward)]["attachment"]
    assert get(mine.get_absolute_url(), ward).status_code == 200
    assert get(theirs.get_absolute_url(), ward).status_code == 404


# The admin, on each site's own host.


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


def admin_page(client, name, *args, ward="first", **query):
    return client.get(reverse(f"admin:{name}", args=args), query, HTTP_HOST=HOSTS[ward])


CHANGELISTS = {
    "articles_article": lambda news: news["own"].title,
    "articles_category": lambda news: str(news["category"].pk),
    "articles_tag": lambda news: str(news["tag"].pk),
    "library_picture": lambda news: news["picture"].alt,
    "library_attachment": lambda news: news["attachment"].title,
    "comments_comment": lambda news: news["shared"].comments.get().text,
    "articles_vote": lambda news: news["shared"].votes.get().voter[:12],
}


@pytest.mark.parametrize("ward", ["first", "other"])
@pytest.mark.parametrize("model", CHANGELISTS)
def test_the_admin_lists_only_the_sites_rows(admin_client, wards, ward, model):
    shown = CHANGELISTS[model]
    query = {"status": "all"} if model == "comments_comment" else {}
    response = admin_page(admin_client, f"{model}_changelist", ward=ward, **query)
    assert response.status_code == 200
    rows = {row.pk for row in response.context["cl"].result_list}
    mine, theirs = wards[ward], wards[other(ward)]
    assert shown(mine) in response.content.decode()
    assert rows and not rows & set(related_pks(model, theirs))


def related_pks(model, news):
    return {
        "articles_article": [news["own"].pk, news["shared"].pk],
        "articles_category": [news["category"].pk],
        "articles_tag": [news["tag"].pk],
        "library_picture": [news["picture"].pk],
        "library_attachment": [news["attachment"].pk],
        "comments_comment": list(news["shared"].comments.values_list("pk", flat=True)),
        "articles_vote": list(news["shared"].votes.values_list("pk", flat=True)),
    }[model]


def test_admin_search_and_filters_see_only_the_sites_rows(admin_client, wards, first_site):
    make_article(make_category(name="Thông báo", site=first_site), title="Tin thứ ba")
    found = admin_page(admin_client, "articles_article_changelist", q="Thông báo")
    assert [a.pk for a in found.context["cl"].result_list] == [wards["first"]["shared"].pk]
    html = admin_page(admin_client, "articles_article_changelist").content.decode()
    assert f"category__id__exact={wards['first']['category'].pk}" in html
    assert f"category__id__exact={wards['other']['category'].pk}" not in html


def test_admin_autocomplete_offers_only_the_sites_tags(admin_client, wards):
    query = {"app_label": "articles", "model_name": "article", "field_name": "tags"}
    response = admin_client.get("/admin/autocomplete/", {**query, "term": "chuyển"})
    assert [int(r["id"]) for r in response.json()["results"]] == [wards["first"]["tag"].pk]


def test_the_article_forms_choices_are_the_sites(admin_client, wards):
    form = admin_page(admin_client, "articles_article_add").context["adminform"].form
    assert list(form.fields["category"].queryset) == [wards["first"]["category"]]
    assert set(form.fields["extra_categories"].queryset) == {wards["first"]["category"]}


@pytest.mark.parametrize(
    "model, key",
    [
        ("articles_article", "own"),
        ("articles_category", "category"),
        ("articles_tag", "tag"),
        ("library_picture", "picture"),
        ("library_attachment", "attachment"),
    ],
)
def test_an_id_of_the_other_site_in_a_change_url_is_not_shown(admin_client, wards, model, key):
    theirs = wards["other"][key]
    response = admin_page(admin_client, f"{model}_change", theirs.pk)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert admin_page(admin_client, f"{model}_change", theirs.pk, ward="other").status_code == 200


def test_an_article_added_in_the_admin_belongs_to_the_hosts_site(admin_client, wards, other_site):
    data = {
        "title": "Bài mới của Ninh Hải",
        "slug": "thong-bao",
        "category": wards["other"]["category"].pk,
        "status": "draft",
        "publish_at_0": "01/01/2026",
        "publish_at_1": "08:00:00",
        "allow_comments": "on",
        "revisions-TOTAL_FORMS": "0",
        "revisions-INITIAL_FORMS": "0",
    }
    url = reverse("admin:articles_article_add")
    taken = admin_client.post(url, data, HTTP_HOST=OTHER_HOST)
    assert taken.status_code == 200, "the slug is taken on this site: a form error, not a 500"
    assert taken.context["adminform"].form.errors
    response = admin_client.post(url, {**data, "slug": "bai-moi"}, HTTP_HOST=OTHER_HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert other_site.articles.filter(slug="bai-moi").exists()


@pytest.mark.parametrize("model", ["category", "tag"])
def test_a_category_or_tag_added_in_the_admin_belongs_to_the_hosts_site(
    admin_client, wards, other_site, model
):
    url = reverse(f"admin:articles_{model}_add")
    data = {"name": "Nông nghiệp", "slug": "nong-nghiep", "order": "0", "is_active": "on"}
    form = admin_client.get(url, HTTP_HOST=OTHER_HOST).context["adminform"].form
    assert "site" not in form.fields
    response = admin_client.post(url, data, HTTP_HOST=OTHER_HOST)
    assert response.status_code == 302
    assert (
        getattr(other_site, "categories" if model == "category" else "tags")
        .filter(slug="nong-nghiep")
        .exists()
    )
    again = admin_client.post(url, data, HTTP_HOST=OTHER_HOST)
    assert again.status_code == 200, "taken on this site: a form error, not a database error"
    assert admin_client.post(url, data).status_code == 302, "free on the first site"


def test_the_picture_picker_shows_only_the_sites_library(admin_client, wards):
    response = admin_page(admin_client, "library_picture_picker", ward="other")
    assert [p.pk for p in response.context["page_obj"]] == [wards["other"]["picture"].pk]
    assert Picture.objects.count() == 2


def test_old_nukeviet_addresses_redirect_only_on_the_importing_site(wards, other_site):
    LegacyObject.objects.create(
        site=other_site,
        source="nv4_vi_news",
        lang="vi",
        module="news",
        kind="article",
        old_id=7,
        article=wards["other"]["own"],
    )
    forget_imported_modules()
    old = "/news/tin-tuc/tin-cu-7.html"
    assert get(old, "first").status_code == 404
    redirected = get(old, "other")
    assert redirected.status_code == 301
    assert redirected["Location"] == wards["other"]["own"].get_absolute_url()


def test_the_same_picture_uploaded_on_each_site_goes_to_each_library(
    admin_client, wards, first_site, other_site
):
    data = picture_bytes((500, 300), format="PNG", color=(10, 120, 40))
    url = reverse("admin:library_picture_upload")
    for host, status in [(OTHER_HOST, 201), (OTHER_HOST, 200), ("testserver", 201)]:
        upload = SimpleUploadedFile("cay.png", data)
        response = admin_client.post(url, {"upload": upload, "alt": "Cây"}, HTTP_HOST=host)
        assert response.status_code == status
    assert other_site.pictures.filter(alt="Cây").count() == 1
    assert first_site.pictures.filter(alt="Cây").count() == 1


@pytest.mark.parametrize(
    "model, rows", [("comments_comment", "comments"), ("articles_vote", "votes")]
)
def test_a_comment_or_vote_of_the_other_site_is_not_shown(admin_client, wards, model, rows):
    theirs = getattr(wards["other"]["shared"], rows).get()
    response = admin_page(admin_client, f"{model}_change", theirs.pk)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert admin_page(admin_client, f"{model}_change", theirs.pk, ward="other").status_code == 200


def test_a_revision_of_the_other_sites_article_is_not_restored(admin_client, wards):
    article = wards["other"]["shared"]
    revision = article.revisions.create(title="Bản cũ", body="<p>Cũ</p>")
    url = reverse("admin:articles_article_restore", args=[article.pk, revision.pk])
    assert admin_client.get(url).status_code == 404
    assert admin_client.get(url, HTTP_HOST=OTHER_HOST).status_code == 200
