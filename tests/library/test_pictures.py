"""The media library: upload validation, content-hashed storage, renditions, the upload endpoint."""

import hashlib
import io
import struct
import zlib

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from PIL import Image

from articles.models import Article
from library.models import Picture
from library.pictures import (
    PictureError,
    normalize_upload,
    rendition_name,
    store_picture,
)
from library.renditions import with_renditions
from tests.factories import first_site, make_article

UPLOAD_URL = "/admin/library/picture/upload/"
NOT_A_PICTURE = "Tệp không phải là ảnh hoặc ảnh bị hỏng."
SVG_REFUSED = "Không chấp nhận ảnh SVG vì có thể chứa mã độc; hãy dùng JPEG, PNG, WebP, GIF."
BOMB = "Ảnh là một “bom giải nén”: khi mở ra có số điểm ảnh vượt xa giới hạn 40 megapixel."


def picture_bytes(size=(1600, 1200), format="JPEG", color=(200, 30, 30), **save_options):
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format=format, **save_options)
    return output.getvalue()


def upload_of(data, name="anh.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def animation_bytes(size, count):
    frames = [Image.new("RGB", size, (index * 30, 255 - index * 30, 0)) for index in range(count)]
    output = io.BytesIO()
    frames[0].save(output, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    return output.getvalue()


def png_header_only(width, height):
    """A PNG that claims `width` x `height` pixels: a decompression bomb's first bytes."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0"))


def photo_with_orientation_and_gps():
    """A 40x20 JPEG, red left half and blue right half, that a camera held upright would take:
    EXIF orientation 6 (turn 90° clockwise to view) and a GPS position."""
    image = Image.new("RGB", (40, 20), (255, 0, 0))
    image.paste((0, 0, 255), (20, 0, 40, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {0x0001: "N", 0x0002: (21.0, 1.0, 2.0), 0x0003: "E", 0x0004: (105.0, 8.0, 9.0)}
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif, quality=95)
    return output.getvalue()


def stored(picture, name=None):
    with default_storage.open(name or picture.file.name) as handle:
        image = Image.open(handle)
        image.load()
        return image


def refusal(data, name="anh.jpg", content_type="image/jpeg"):
    with pytest.raises(PictureError) as caught:
        normalize_upload(upload_of(data, name, content_type))
    return caught.value.messages[0]


# Validation


def test_a_text_file_named_jpg_is_refused():
    assert refusal(b"Day khong phai la anh, chi la van ban.\n" * 20) == NOT_A_PICTURE


def test_a_truncated_jpeg_is_refused():
    assert refusal(picture_bytes()[:2000]) == NOT_A_PICTURE


def test_a_file_over_the_byte_limit_is_refused(settings):
    settings.PORTAL_PICTURE_MAX_BYTES = 1000
    message = refusal(picture_bytes((300, 300), quality=95))
    assert message.startswith("Tệp quá lớn (")
    assert message.endswith("giới hạn là 1000\xa0byte.")


def test_a_picture_over_the_pixel_limit_is_refused(settings):
    settings.PORTAL_PICTURE_MAX_PIXELS = 10_000
    message = refusal(picture_bytes((200, 100)))
    assert message == "Ảnh quá lớn: 0,02 megapixel; giới hạn là 0,01 megapixel."


def test_the_default_pixel_limit_is_forty_megapixels():
    output = io.BytesIO()
    Image.new("1", (8000, 6000)).save(output, format="PNG")
    message = refusal(output.getvalue(), "lon.png", "image/png")
    assert message == "Ảnh quá lớn: 48 megapixel; giới hạn là 40 megapixel."


@pytest.mark.parametrize("side", [10_000, 30_000])
def test_a_decompression_bomb_is_refused_before_decoding(side):
    """100 and 900 megapixels: Pillow's own warning and error both become our message."""
    assert refusal(png_header_only(side, side), "bom.png", "image/png") == BOMB


def test_the_pixel_limit_counts_every_frame_of_an_animation(settings):
    settings.PORTAL_PICTURE_MAX_PIXELS = 50_000
    message = refusal(animation_bytes((100, 100), 8), "dong.gif", "image/gif")
    assert message == "Ảnh quá lớn: 0,08 megapixel; giới hạn là 0,05 megapixel."


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_svg_is_refused_even_under_another_name(name):
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'
    assert refusal(svg, name, "image/svg+xml") == SVG_REFUSED


def test_formats_outside_the_list_are_refused(settings):
    assert refusal(picture_bytes((10, 10), "BMP"), "anh.bmp", "image/bmp") == (
        "Không chấp nhận ảnh định dạng BMP; hãy dùng JPEG, PNG, WebP, GIF."
    )
    settings.PORTAL_PICTURE_FORMATS = ["JPEG"]
    assert refusal(picture_bytes((10, 10), "PNG"), "anh.png", "image/png") == (
        "Không chấp nhận ảnh định dạng PNG; hãy dùng JPEG."
    )


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP", "GIF"])
def test_each_allowed_format_is_accepted_and_keeps_its_format(format):
    normalized = normalize_upload(upload_of(picture_bytes((64, 48), format)))
    assert (normalized.format, normalized.width, normalized.height) == (format, 64, 48)
    assert Image.open(io.BytesIO(normalized.content)).format == format


# Storage


@pytest.mark.django_db
def test_exif_orientation_is_applied_and_gps_is_removed():
    original = photo_with_orientation_and_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)

    picture, created = store_picture(
        site=first_site(), normalized=normalize_upload(upload_of(original)), alt="Ảnh chụp"
    )

    assert created
    assert (picture.width, picture.height) == (20, 40)
    image = stored(picture)
    assert image.size == (20, 40)
    red, _, blue = image.getpixel((10, 5))
    assert red > 200 > blue, "the left (red) half must now be on top"
    red, _, blue = image.getpixel((10, 35))
    assert blue > 200 > red
    assert not image.getexif()
    assert "exif" not in image.info
    assert b"Exif" not in default_storage.open(picture.file.name).read()


@pytest.mark.django_db
def test_the_file_is_named_by_the_hash_of_the_stored_bytes():
    picture, _ = store_picture(
        site=first_site(), normalized=normalize_upload(upload_of(picture_bytes((640, 480))))
    )
    content = default_storage.open(picture.file.name).read()
    digest = hashlib.sha256(content).hexdigest()
    assert picture.sha256 == digest
    assert picture.file.name == f"pictures/{digest[:2]}/{digest}_640x480.jpg"
    assert picture.byte_size == len(content)


@pytest.mark.django_db
def test_the_same_picture_uploaded_twice_is_stored_once():
    data = picture_bytes((300, 200))
    first, created_first = store_picture(
        site=first_site(), normalized=normalize_upload(upload_of(data, "a.jpg")), alt="Lần 1"
    )
    again, created_again = store_picture(
        site=first_site(), normalized=normalize_upload(upload_of(data, "b.jpg")), alt="Lần 2"
    )
    assert (created_first, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.alt == "Lần 1"
    assert Picture.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("width", "expected"), [(1600, [320, 480, 800, 1200]), (500, [320, 480]), (300, [])]
)
def test_renditions_are_written_for_each_smaller_width(width, expected):
    picture, _ = store_picture(
        site=first_site(),
        normalized=normalize_upload(upload_of(picture_bytes((width, width // 2)))),
    )
    for rendition_width in [320, 480, 800, 1200]:
        name = rendition_name(picture.file.name, rendition_width)
        assert default_storage.exists(name) == (rendition_width in expected)
        if rendition_width in expected:
            assert stored(picture, name).size == (
                rendition_width,
                round(width // 2 * rendition_width / width),
            )


@pytest.mark.django_db
def test_an_animation_is_kept_whole_and_gets_no_renditions():
    data = animation_bytes((600, 400), 3)
    picture, _ = store_picture(
        site=first_site(), normalized=normalize_upload(upload_of(data, "dong.gif"))
    )
    assert picture.file.name.endswith("_600x400a.gif")
    with default_storage.open(picture.file.name) as handle:
        assert Image.open(handle).n_frames == 3
    assert not default_storage.exists(rendition_name(picture.file.name, 320))


# Article bodies


@pytest.fixture
def library_picture(db):
    picture, _ = store_picture(
        site=first_site(), normalized=normalize_upload(upload_of(picture_bytes((1600, 1200))))
    )
    return picture


def test_body_pictures_from_the_library_get_srcset_and_lazy_loading(
    library_picture, django_assert_num_queries
):
    url = library_picture.file.url
    html = f'<figure><img src="{url}" alt="Lễ &quot;khai mạc&quot; &gt; 2025"></figure>'
    with django_assert_num_queries(0):
        result = with_renditions(html)
    base = url.removesuffix(".jpg")
    assert result == (
        f'<figure><img src="{url}" alt="Lễ &quot;khai mạc&quot; &gt; 2025" width="1600" '
        f'height="1200" srcset="{base}~320w.jpg 320w, {base}~480w.jpg 480w, '
        f'{base}~800w.jpg 800w, {base}~1200w.jpg 1200w, {url} 1600w" '
        'sizes="(max-width: 900px) 100vw, 760px" loading="lazy" decoding="async"></figure>'
    )
    for candidate in result.split('srcset="')[1].split('"')[0].split(", "):
        path = candidate.split()[0].removeprefix("/media/")
        assert default_storage.exists(path), candidate


def test_pictures_from_elsewhere_are_left_alone(db):
    html = (
        '<p><img src="https://example.com/pictures/ab/anh.jpg" alt="x"></p>'
        '<p><img src="/media/articles/covers/anh.jpg" alt="y"></p>'
        '<p><img src="/media/pictures/ab/not-a-hash_10x10.jpg" alt="z"></p>'
    )
    assert with_renditions(html) == html


def test_the_size_written_by_the_editor_is_kept(library_picture):
    url = library_picture.file.url
    result = with_renditions(f'<img src="{url}" alt="" width="800" height="600">')
    assert 'width="800" height="600"' in result
    assert 'width="1600"' not in result
    assert "srcset=" in result


def test_an_article_body_renders_with_renditions(library_picture):
    url = library_picture.file.url
    article = make_article(
        body=f'<figure><img src="{url}" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>'
    )
    body = Article.objects.get(pk=article.pk).safe_body
    assert f"{url.removesuffix('.jpg')}~800w.jpg 800w" in body
    assert 'loading="lazy"' in body


# Template filter


def render_rendition(file, width):
    return Template("{% load picture_tags %}{{ file|rendition:width }}").render(
        Context({"file": file, "width": width})
    )


def test_the_rendition_filter_uses_the_library_renditions(
    library_picture, django_assert_num_queries
):
    with django_assert_num_queries(0):
        url = render_rendition(library_picture.file, 320)
    assert url == library_picture.file.url.replace(".jpg", "~320w.jpg")
    assert render_rendition(library_picture.file, 2000) == library_picture.file.url


def legacy_cover(article, data, name="articles/covers/bia.jpg"):
    """A cover stored as it was uploaded, as covers were before they went to the library."""
    name = default_storage.save(name, ContentFile(data))
    Article.objects.filter(pk=article.pk).update(cover_image=name)
    article.refresh_from_db()
    return article.cover_image


@pytest.mark.django_db
def test_the_rendition_filter_makes_an_older_cover_thumbnail_once():
    article = make_article()
    legacy_cover(article, picture_bytes((1000, 500)))

    url = render_rendition(article.cover_image, 320)

    name = rendition_name(article.cover_image.name, 320)
    assert url == default_storage.url(name)
    assert stored(article, name).size == (320, 160)
    modified = default_storage.get_modified_time(name)
    assert render_rendition(article.cover_image, 320) == url
    assert default_storage.get_modified_time(name) == modified


@pytest.mark.django_db
def test_the_rendition_filter_never_links_an_original_it_cannot_read():
    article = make_article()
    legacy_cover(article, b"not a picture", "articles/covers/hong.jpg")
    assert render_rendition(article.cover_image, 320) == ""
    assert render_rendition(article.cover_image, 0) == ""
    assert render_rendition(None, 320) == ""


# The upload endpoint


@pytest.fixture
def editor_user(django_user_model):
    user = django_user_model.objects.create_user(
        "phongvien", password="mat-khau-dai-123", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="add_picture"))
    return user


def post_picture(client, data, name="anh.jpg", **fields):
    fields.setdefault("alt", "Ảnh minh họa")
    return client.post(UPLOAD_URL, {"upload": upload_of(data, name), **fields})


def test_the_upload_url_is_the_admin_one():
    assert reverse("admin:library_picture_upload") == UPLOAD_URL


@pytest.mark.django_db
def test_anonymous_visitors_cannot_upload(client):
    response = post_picture(client, picture_bytes((10, 10)))
    assert response.status_code == 403
    assert response.json() == {"error": "Bạn không có quyền tải ảnh lên."}
    assert not Picture.objects.exists()


@pytest.mark.django_db
def test_staff_without_the_permission_and_non_staff_cannot_upload(client, django_user_model):
    staff = django_user_model.objects.create_user("nhanvien", password="x" * 12, is_staff=True)
    member = django_user_model.objects.create_user("thanhvien", password="x" * 12)
    member.user_permissions.add(Permission.objects.get(codename="add_picture"))
    for user in (staff, member):
        client.force_login(user)
        assert post_picture(client, picture_bytes((10, 10))).status_code == 403
    assert not Picture.objects.exists()


@pytest.mark.django_db
def test_an_upload_answers_json_with_the_picture(client, editor_user):
    client.force_login(editor_user)
    response = post_picture(client, picture_bytes((900, 600)), alt="Hội nghị", caption="Ảnh: UBND")
    assert response.status_code == 201
    picture = Picture.objects.get()
    assert response.json() == {
        "id": picture.pk,
        "url": picture.file.url,
        "width": 900,
        "height": 600,
        "alt": "Hội nghị",
        "caption": "Ảnh: UBND",
    }
    assert picture.uploaded_by == editor_user
    again = post_picture(client, picture_bytes((900, 600)))
    assert again.status_code == 200
    assert again.json()["id"] == picture.pk


@pytest.mark.django_db
def test_the_upload_needs_the_csrf_token(editor_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_user)
    assert post_picture(client, picture_bytes((10, 10))).status_code == 403
    client.get(reverse("admin:library_picture_add"))  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        UPLOAD_URL,
        {"upload": upload_of(picture_bytes((10, 10))), "alt": "Ảnh"},
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 201


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"GIF89a but not really", "gia.gif", NOT_A_PICTURE),
        (b"<svg onload='alert(1)'/>", "x.svg", SVG_REFUSED),
        (png_header_only(30_000, 30_000), "bom.png", BOMB),
    ],
)
def test_bad_uploads_get_a_vietnamese_400(client, editor_user, data, name, message):
    client.force_login(editor_user)
    response = post_picture(client, data, name)
    assert response.status_code == 400
    assert response.json() == {"error": message, "errors": {"upload": [message]}}
    assert not Picture.objects.exists()


@pytest.mark.django_db
def test_missing_file_and_long_alt_are_400(client, editor_user):
    client.force_login(editor_user)
    response = client.post(UPLOAD_URL, {"alt": "x" * 251})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["upload"] == ["Hãy chọn một tệp ảnh."]
    assert "alt" in errors


@pytest.mark.django_db
def test_the_upload_endpoint_only_takes_post(client, editor_user):
    client.force_login(editor_user)
    response = client.get(UPLOAD_URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json() == {"error": "Hãy gửi ảnh bằng phương thức POST."}


@pytest.mark.django_db
def test_a_storage_failure_answers_json(client, editor_user, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Picture._meta.get_field("file").storage, "save", full_disk)
    client.force_login(editor_user)
    response = post_picture(client, picture_bytes((10, 10)))
    assert response.status_code == 500
    assert response.json() == {"error": "Không lưu được ảnh. Vui lòng thử lại sau."}
    assert not Picture.objects.exists()


# The admin


@pytest.mark.django_db
def test_the_admin_form_shows_validation_errors(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:library_picture_add"), {"upload": upload_of(b"gia mao", "gia.jpg")}
    )
    assert response.status_code == 200
    assert NOT_A_PICTURE in response.content.decode()
    assert not Picture.objects.exists()


@pytest.mark.django_db
def test_the_admin_uploads_and_lists_pictures(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:library_picture_add"),
        {"upload": upload_of(picture_bytes((1000, 800))), "alt": "Cầu Phù Vân", "caption": ""},
    )
    picture = Picture.objects.get()
    assert response.status_code == 302
    assert (picture.alt, picture.width, picture.uploaded_by) == ("Cầu Phù Vân", 1000, staff_user)

    changelist = client.get(reverse("admin:library_picture_changelist")).content.decode()
    assert picture.file.url.replace(".jpg", "~320w.jpg") in changelist
    assert "Cầu Phù Vân" in changelist
    change = client.get(reverse("admin:library_picture_change", args=[picture.pk]))
    assert "1000 \N{MULTIPLICATION SIGN} 800" in change.content.decode()


@pytest.mark.django_db
def test_the_picker_lists_the_library_for_the_figure_dialog(client, staff_user, library_picture):
    client.force_login(staff_user)
    url = reverse("admin:library_picture_picker")
    response = client.get(url, {"CKEditorFuncNum": "-1"})
    page = response.content.decode()
    assert f'data-url="{library_picture.file.url}"' in page
    assert 'name="CKEditorFuncNum" value="-1"' in page
    assert "picture-picker.js" in page
    assert library_picture.file.url not in client.get(url, {"q": "khong-co"}).content.decode()
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_the_editors_upload_needs_alt_text_or_a_caption(client, editor_user):
    client.force_login(editor_user)
    refused = post_picture(client, picture_bytes((10, 10)), alt="", caption="")
    assert refused.status_code == 400
    assert "mô tả" in refused.json()["error"].lower()
    assert not Picture.objects.exists()
    taken = post_picture(client, picture_bytes((12, 12)), alt="", caption="Cầu Phù Vân")
    assert taken.status_code == 201
    assert Picture.objects.get().alt == "Cầu Phù Vân"
