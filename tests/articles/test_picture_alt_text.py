"""The admin saves no article picture without a text for readers who cannot see it."""

import pytest
from django.urls import reverse

from articles.models import Article
from library.models import Picture
from tests.articles.test_admin_publishing import article_form
from tests.factories import make_category
from tests.library.test_pictures import picture_bytes, upload_of

pytestmark = pytest.mark.django_db

PICTURE_ALT_MISSING = (
    "Hãy mô tả ảnh cho người không xem được ảnh (văn bản thay thế), hoặc ghi chú thích ảnh "
    "để dùng làm mô tả."
)
COVER_ALT_MISSING = "Hãy mô tả ảnh bìa cho người không xem được ảnh."


def add_picture(client, alt="", caption=""):
    picture = {"upload": upload_of(picture_bytes((400, 300))), "alt": alt, "caption": caption}
    return client.post(reverse("admin:library_picture_add"), picture)


def test_a_picture_without_alt_text_or_caption_is_refused_in_vietnamese(client, staff_user):
    client.force_login(staff_user)
    response = add_picture(client, alt="   ")
    assert response.status_code == 200
    assert PICTURE_ALT_MISSING in response.content.decode()
    assert not Picture.objects.exists()


def test_the_caption_is_the_alt_text_when_there_is_none(client, staff_user):
    client.force_login(staff_user)
    response = add_picture(client, caption="Lễ khai giảng tại trường Tiểu học Phù Vân")
    assert response.status_code == 302
    picture = Picture.objects.get()
    assert picture.alt == picture.caption == "Lễ khai giảng tại trường Tiểu học Phù Vân"


def test_alt_text_cannot_be_removed_from_a_picture_later(client, staff_user):
    client.force_login(staff_user)
    add_picture(client, alt="Cầu Phù Vân")
    picture = Picture.objects.get()
    change = reverse("admin:library_picture_change", args=[picture.pk])
    response = client.post(change, {"alt": "", "caption": ""})
    assert PICTURE_ALT_MISSING in response.content.decode()
    picture.refresh_from_db()
    assert picture.alt == "Cầu Phù Vân"
    assert client.post(change, {"alt": "", "caption": "Cầu mới"}).status_code == 302
    picture.refresh_from_db()
    assert (picture.alt, picture.caption) == ("Cầu mới", "Cầu mới")


def test_an_article_cover_needs_its_description(client, staff_user):
    client.force_login(staff_user)
    category = make_category()
    url = reverse("admin:articles_article_add")
    cover = {"cover_image": upload_of(picture_bytes((800, 450)), "bia.jpg")}
    response = client.post(url, article_form(category, **cover, cover_alt=""))
    assert response.status_code == 200
    assert COVER_ALT_MISSING in response.content.decode()
    assert not Article.objects.exists()

    cover = {"cover_image": upload_of(picture_bytes((800, 450)), "bia.jpg")}
    response = client.post(url, article_form(category, **cover, cover_alt="Toàn cảnh hội nghị"))
    assert response.status_code == 302
    assert Article.objects.get().cover_alt == "Toàn cảnh hội nghị"


def test_an_article_without_a_cover_needs_no_description(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("admin:articles_article_add"), article_form(make_category()))
    assert response.status_code == 302
