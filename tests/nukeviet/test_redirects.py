import pytest

from nukeviet.models import LegacyObject
from tests.factories import make_category

from .nukeviet_site import DAI_HOI_ALIAS

pytestmark = pytest.mark.django_db

ARTICLE = f"/bai-viet/{DAI_HOI_ALIAS}/"
OLD_ARTICLE = f"hoat-dong-cua-phuong/{DAI_HOI_ALIAS}-1"
DOCUMENTS = "/chuyen-muc/van-ban-chinh-sach-2/"


@pytest.fixture(autouse=True)
def imported(nukeviet_db, run_import):
    make_category(name="Văn bản", slug="van-ban-chinh-sach")
    run_import(db=nukeviet_db.dsn)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (f"/news/{OLD_ARTICLE}.html", ARTICLE),
        (f"/vi/news/{OLD_ARTICLE}.html", ARTICLE),
        ("/news/chuyen-muc-khac/bi-danh-cu-1.html", ARTICLE),  # The id decides, as in NukeViet.
        (f"/index.php?language=vi&nv=news&op={OLD_ARTICLE}", ARTICLE),
        (f"/index.php?language=vi&nv=news&op={OLD_ARTICLE}.html", ARTICLE),
        ("/news/thong-bao/-4.html", "/bai-viet/thong-bao-lich-tiep-cong-dan-thang-62024/"),
        (f"/news/hoat-dong-cua-phuong/{DAI_HOI_ALIAS}-5.html", f"/bai-viet/{DAI_HOI_ALIAS}-2/"),
        ("/news/van-ban-chinh-sach/", DOCUMENTS),
        ("/vi/news/van-ban-chinh-sach/", DOCUMENTS),
        ("/news/van-ban-chinh-sach/page-3/", f"{DOCUMENTS}?page=3"),
        ("/vi/news/van-ban-chinh-sach/page-2/", f"{DOCUMENTS}?page=2"),
        ("/index.php?language=vi&nv=news&op=van-ban-chinh-sach", DOCUMENTS),
        ("/index.php?language=vi&nv=news&op=van-ban-chinh-sach/page-2", f"{DOCUMENTS}?page=2"),
        ("/news/tag/đại-hội/", "/the/dai-hoi/"),
        ("/index.php?language=vi&nv=news&op=tag/phù-vân", "/the/phu-van/"),
        ("/news/", "/"),
        ("/vi/news/", "/"),
        ("/index.php?language=vi&nv=news", "/"),
        ("/index.php", "/"),
    ],
)
def test_old_addresses_move_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


@pytest.mark.parametrize(
    "old",
    [
        "/news/hoat-dong-cua-phuong/khong-co-999.html",  # No such article.
        "/news/hoat-dong-cua-phuong/bai-trong-chuyen-muc-da-xoa-8.html",  # Skipped.
        "/en/news/hoat-dong-cua-phuong/bai-1.html",  # Another language was not imported.
        "/about/gioi-thieu-1.html",
        "/tin-khac/thoi-su/",
        "/tin-khac/thoi-su",  # Not even a redirect to add the slash: not an imported module.
        "/news/khong-co-chuyen-muc-nay/",
        "/index.php?language=vi&nv=about&op=gioi-thieu",
        "/index.php?language=vi&nv=news&op=a/b/c/d",
    ],
)
def test_unknown_old_addresses_are_not_found(client, old):
    assert client.get(old).status_code == 404


def test_the_new_pages_answer(client, no_page_cache):
    assert client.get(f"/news/{OLD_ARTICLE}.html", follow=True).status_code == 200
    assert client.get("/news/van-ban-chinh-sach/", follow=True).status_code == 200
    assert client.get("/chuyen-muc/van-ban-chinh-sach/").status_code == 200  # The site's own.


def test_a_deleted_article_is_gone_and_not_imported_again(client, nukeviet_db, run_import):
    record = LegacyObject.objects.get(kind="article", old_id=1)
    record.article.delete()
    assert client.get(f"/news/{OLD_ARTICLE}.html").status_code == 404
    output = run_import(db=nukeviet_db.dsn)
    assert "articles: 0 imported, 11 already imported" in output
    assert client.get(ARTICLE).status_code == 404
