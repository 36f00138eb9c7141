"""Article covers go through the picture library like the editor's pictures: checked,
re-encoded without EXIF, turned upright, shown through renditions with srcset, never linked
as they were uploaded."""

import json
import re
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.models import Article
from articles.services import covers_outside_library, recode_cover
from library.models import Picture
from library.pictures import library_name, rendition_name
from library.renditions import shown
from tests.articles.test_admin_publishing import article_form
from tests.factories import make_article, make_category
from tests.library.test_pictures import (
    BOMB,
    legacy_cover,
    photo_with_orientation_and_gps,
    picture_bytes,
    png_header_only,
    upload_of,
)

pytestmark = pytest.mark.django_db

HTML_TAIL = b"<html><body><script>alert(document.cookie)</script></body></html>"
MEDIA_LINK = re.compile(r"/media/[^\s\"'<>,]+")
CARD_SIZES = 'sizes="(max-width: 600px) 104px, 220px"'


def add_article(client, cover, **fields):
    form = article_form(make_category(), cover_image=cover, cover_alt="Toàn cảnh hội nghị")
    return client.post(reverse("admin:articles_article_add"), {**form, **fields})


def stored_image(name):
    with default_storage.open(name) as handle:
        image = Image.open(handle)
        image.load()
        return image


def stored_bytes(name):
    with default_storage.open(name) as handle:
        return handle.read()


def media_names(html):
    """Every file of the media folder a page links, in src, srcset, meta tags or JSON-LD."""
    text = unescape(html).replace("\\/", "/")
    return {link.removeprefix("/media/") for link in MEDIA_LINK.findall(text)}


def test_a_cover_from_the_article_form_loses_its_exif_and_is_turned_upright(client, staff_user):
    client.force_login(staff_user)
    original = photo_with_orientation_and_gps()

    response = add_article(client, upload_of(original, "dien-thoai.jpg"))

    assert response.status_code == 302
    article = Article.objects.get()
    assert library_name(article.cover_image.name), "the cover is a library picture"
    image = stored_image(article.cover_image.name)
    assert image.size == (20, 40) == (article.cover_width, article.cover_height)
    red, _, blue = image.getpixel((10, 5))
    assert red > 200 > blue, "the left (red) half must now be on top"
    assert not image.getexif()
    picture = Picture.objects.get(file=article.cover_image.name)
    assert picture.alt == "Toàn cảnh hội nghị"
    assert not default_storage.exists("articles/covers")


def test_a_cover_over_the_pixel_limit_is_refused_and_the_form_kept(client, staff_user):
    client.force_login(staff_user)

    response = add_article(
        client,
        upload_of(png_header_only(12_000, 12_000), "toan-canh.png", "image/png"),
        title="Toàn cảnh khu dân cư số 3",
        summary="Ảnh chụp từ trên cao.",
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert BOMB in page
    assert "Toàn cảnh khu dân cư số 3" in page and "Ảnh chụp từ trên cao." in page
    assert response.context["adminform"].form.errors.keys() == {"cover_image"}
    assert not Article.objects.exists() and not Picture.objects.exists()


def test_a_cover_over_the_configured_pixel_limit_says_how_large_it_is(client, staff_user, settings):
    settings.PORTAL_PICTURE_MAX_PIXELS = 1_000_000
    client.force_login(staff_user)
    response = add_article(client, upload_of(picture_bytes((1600, 1200)), "lon.jpg"))
    assert response.status_code == 200
    assert "Ảnh quá lớn: 1,92 megapixel; giới hạn là 1 megapixel." in response.content.decode()
    assert not Article.objects.exists()


def test_a_jpeg_cover_with_html_inside_is_not_stored_as_it_came(client, staff_user):
    client.force_login(staff_user)
    original = picture_bytes((640, 360)) + HTML_TAIL

    assert add_article(client, upload_of(original, "bia.jpg")).status_code == 302

    cover = Article.objects.get().cover_image
    stored = stored_bytes(cover.name)
    assert stored != original and b"<script" not in stored
    assert stored_image(cover.name).size == (640, 360)


def test_code_that_saves_a_cover_goes_through_the_library_too():
    article = make_article(cover_alt="Cổng phường")
    article.cover_image.save("cong.jpg", ContentFile(photo_with_orientation_and_gps()))
    article.refresh_from_db()
    assert library_name(article.cover_image.name)
    assert (article.cover_width, article.cover_height) == (20, 40)
    assert not stored_image(article.cover_image.name).getexif()
    assert Picture.objects.get().alt == "Cổng phường"


# What pages link


@pytest.fixture
def uploaded_cover(client, staff_user):
    """A published, featured article whose cover (1600x900, with GPS) came from the form."""
    client.force_login(staff_user)
    original = picture_bytes((1600, 900), exif=gps_exif())
    response = add_article(client, upload_of(original, "bia.jpg"), status="published")
    assert response.status_code == 302
    Article.objects.update(is_featured=True, publish_at=Article.objects.get().created_at)
    client.logout()
    return Article.objects.get(), original


def gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    exif[0x8825] = {0x0001: "N", 0x0002: (21.0, 1.0, 2.0), 0x0003: "E", 0x0004: (105.0, 8.0, 9.0)}
    return exif


def public_pages(client, article):
    urls = [
        article.get_absolute_url(),
        reverse("articles:home"),
        article.category.get_absolute_url(),
    ]
    pages = {url: client.get(url) for url in urls}
    assert all(response.status_code == 200 for response in pages.values())
    return {url: response.content.decode() for url, response in pages.items()}


def test_pages_link_only_re_encoded_files_of_an_uploaded_cover(client, uploaded_cover):
    article, original = uploaded_cover
    for url, html in public_pages(client, article).items():
        linked = media_names(html)
        assert linked, url
        for name in linked:
            assert name == article.cover_image.name or name.startswith(
                article.cover_image.name.removesuffix(".jpg") + "~"
            ), name
            assert stored_bytes(name) != original
            assert not stored_image(name).getexif(), name


def test_pages_never_link_the_original_of_an_older_cover(client):
    article = make_article(is_featured=True, cover_alt="Trụ sở")
    original = picture_bytes((1000, 500), exif=gps_exif())
    legacy_cover(article, original)
    for url, html in public_pages(client, article).items():
        linked = media_names(html)
        assert linked, url
        assert article.cover_image.name not in linked, url
        for name in linked:
            assert "~" in name and not stored_image(name).getexif(), name


def test_an_older_cover_that_cannot_be_read_is_not_shown(client):
    article = make_article(is_featured=True)
    legacy_cover(article, b"<html>not a picture</html>", "articles/covers/hong.jpg")
    for html in public_pages(client, article).values():
        assert "articles/covers/" not in html and "og:image" not in html


def test_covers_and_thumbnails_have_srcset_and_sizes(
    client, uploaded_cover, settings, django_assert_num_queries
):
    article, _original = uploaded_cover
    cover = article.cover_image
    url = default_storage.url
    with django_assert_num_queries(0):
        assert shown(cover, 480).srcset  # From the file name alone.

    def candidates(*widths):
        return ", ".join(f"{url(rendition_name(cover.name, width))} {width}w" for width in widths)

    article_page = client.get(article.get_absolute_url()).content.decode()
    src = url(rendition_name(cover.name, 1200))
    assert (
        f'<img src="{src}" srcset="{candidates(320, 480, 800, 1200)}" '
        f'sizes="{settings.PORTAL_PICTURE_SIZES}" alt="Toàn cảnh hội nghị" '
        'width="1200" height="675"'
    ) in article_page
    home = client.get(reverse("articles:home")).content.decode()
    assert (
        f'srcset="{candidates(320, 480, 800, 1200)}" sizes="{settings.PORTAL_PICTURE_SIZES}"'
        in home
    )
    category = client.get(article.category.get_absolute_url()).content.decode()
    thumbnail = f'src="{url(rendition_name(cover.name, 480))}" srcset="{candidates(320, 480)}"'
    assert f"{thumbnail} {CARD_SIZES}" in category


def test_the_shared_image_has_its_width_height_and_alt(client, uploaded_cover):
    article, _original = uploaded_cover
    page = client.get(article.get_absolute_url()).content.decode()
    image = "http://testserver" + default_storage.url(
        rendition_name(article.cover_image.name, 1200)
    )
    assert f'<meta property="og:image" content="{image}">' in page
    assert '<meta property="og:image:width" content="1200">' in page
    assert '<meta property="og:image:height" content="675">' in page
    assert '<meta property="og:image:alt" content="Toàn cảnh hội nghị">' in page
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page, re.S)[1])
    assert data["image"] == [image]


def test_a_small_cover_is_shared_at_its_own_size():
    article = make_article(cover_alt="")
    article.cover_image.save("nho.png", ContentFile(picture_bytes((640, 360), format="PNG")))
    page = Client().get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:image:width" content="640">' in page
    assert '<meta property="og:image:height" content="360">' in page
    assert f'<meta property="og:image:alt" content="{article.title}">' in page


# Covers stored before they went to the library


def test_recode_covers_moves_older_covers_into_the_library(capsys):
    article = make_article(cover_alt="Trụ sở phường")
    legacy_cover(article, photo_with_orientation_and_gps(), "articles/covers/tru-so.jpg")
    broken = make_article(title="Bài có ảnh hỏng")
    legacy_cover(broken, b"not a picture", "articles/covers/hong.jpg")

    call_command("recode_covers")

    article.refresh_from_db()
    assert library_name(article.cover_image.name)
    assert (article.cover_width, article.cover_height) == (20, 40)
    assert not stored_image(article.cover_image.name).getexif()
    assert Picture.objects.get().alt == "Trụ sở phường"
    assert not default_storage.exists("articles/covers/tru-so.jpg")
    broken.refresh_from_db()
    assert broken.cover_image.name == "articles/covers/hong.jpg"
    out, err = capsys.readouterr()
    assert "1 cover(s) moved into the picture library; 1 unreadable." in out
    assert "hong.jpg" in err

    call_command("recode_covers")
    assert "0 cover(s) moved into the picture library; 1 unreadable." in capsys.readouterr().out


def test_recode_covers_keeps_an_original_another_article_still_uses():
    first, second = make_article(), make_article(title="Bài thứ hai")
    legacy_cover(first, picture_bytes((400, 300)), "articles/covers/chung.jpg")
    Article.objects.filter(pk=second.pk).update(cover_image="articles/covers/chung.jpg")

    recode_cover(covers_outside_library().get(pk=first.pk))

    assert default_storage.exists("articles/covers/chung.jpg")
    recode_cover(covers_outside_library().get(pk=second.pk))
    assert not default_storage.exists("articles/covers/chung.jpg")
    assert Picture.objects.count() == 1
