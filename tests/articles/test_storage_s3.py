"""Uploaded pictures on S3-compatible object storage (django-storages), in moto's in-memory S3."""

import importlib.util
import os
import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage

from library.models import Picture
from library.pictures import normalize_upload, rendition_name, store_picture
from library.renditions import with_renditions
from tests.factories import first_site
from tests.library.test_pictures import picture_bytes, render_rendition, upload_of
from tests.portal.test_settings import PRODUCTION_ENV, ROOT, run_manage, settings_under

BUCKET = "anh-phuvan"
CDN = "anh.phuvan.example.gov.vn"
S3_ENV = {
    "PORTAL_S3_BUCKET": BUCKET,
    "PORTAL_S3_ENDPOINT_URL": "https://s3.hn.example.vn",
    "PORTAL_S3_REGION": "hn-1",
    "PORTAL_S3_ACCESS_KEY_ID": "PHUVANKEY",
    "PORTAL_S3_SECRET_ACCESS_KEY": "phuvan-secret",
    "PORTAL_S3_CUSTOM_DOMAIN": CDN,
}
CACHE_CONTROL = "public, max-age=31536000, immutable"
FIXED_OPTIONS = {
    "file_overwrite": False,
    "querystring_auth": False,
    "default_acl": None,
    "object_parameters": {"CacheControl": CACHE_CONTROL},
}
WIDTHS = [320, 480, 800, 1200]


def require(*modules):
    """Skip without the S3 packages (the "s3" and "dev" extras); in CI, fail instead."""
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing and os.environ.get("CI"):
        pytest.fail(f"{', '.join(missing)} not installed in CI")
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (pip install -e '.[dev,s3]')")


def default_storage_of_settings(monkeypatch, env):
    """STORAGES["default"] as portal/settings.py makes it under `env`."""
    for name in os.environ:
        if name.startswith("PORTAL_S3_"):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "portal" / "settings.py"))["STORAGES"]["default"]


# Settings


def test_media_stay_on_local_disk_without_a_bucket():
    env = {"PORTAL_S3_ENDPOINT_URL": "https://s3.hn.example.vn"}
    assert settings_under(env, 's.STORAGES["default"]') == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_a_bucket_puts_media_on_s3_with_the_options_from_the_environment():
    require("storages", "boto3")
    assert settings_under(S3_ENV, 's.STORAGES["default"]') == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": "https://s3.hn.example.vn",
            "region_name": "hn-1",
            "access_key": "PHUVANKEY",
            "secret_key": "phuvan-secret",
            "custom_domain": CDN,
            **FIXED_OPTIONS,
        },
    }


def test_unset_options_are_left_to_django_storages_and_private_signs_urls():
    """Without keys, boto3 finds its own (AWS_* variables, an instance role)."""
    require("storages", "boto3")
    env = {"PORTAL_S3_BUCKET": BUCKET, "PORTAL_S3_PRIVATE": "1"}
    assert settings_under(env, 's.STORAGES["default"]["OPTIONS"]') == {
        "bucket_name": BUCKET,
        **FIXED_OPTIONS,
        "querystring_auth": True,
    }


def test_check_deploy_is_clean_with_media_on_s3():
    require("storages", "boto3")
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION_ENV, **S3_ENV}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_bucket_without_django_storages_refuses_to_start(monkeypatch):
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args):
        return None if name == "storages" else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    with pytest.raises(ImproperlyConfigured, match="django-storages is not installed"):
        default_storage_of_settings(monkeypatch, S3_ENV)


# Pictures in a bucket (moto)


@pytest.fixture(params=[CDN, ""], ids=["custom-domain", "bucket-url"])
def s3(request, settings, monkeypatch, db):
    """An empty bucket in moto's S3, and STORAGES["default"] as the settings make it for it.

    Returns the boto3 client and the address the bucket's objects are served from."""
    require("moto", "storages", "boto3")
    from boto3 import client
    from moto import mock_aws

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    env = {"PORTAL_S3_BUCKET": BUCKET, "PORTAL_S3_REGION": "us-east-1"}
    if request.param:
        env["PORTAL_S3_CUSTOM_DOMAIN"] = request.param
    storage = default_storage_of_settings(monkeypatch, env)
    with mock_aws():
        s3_client = client("s3", region_name="us-east-1")
        s3_client.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {**settings.STORAGES, "default": storage}
        served_at = f"https://{request.param or f'{BUCKET}.s3.amazonaws.com'}/"
        yield s3_client, served_at


def bucket_objects(s3_client):
    """{key: (Content-Type, Cache-Control, ETag)} of every object in the bucket."""
    keys = [item["Key"] for item in s3_client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    heads = {key: s3_client.head_object(Bucket=BUCKET, Key=key) for key in keys}
    return {
        key: (head["ContentType"], head.get("CacheControl"), head["ETag"])
        for key, head in heads.items()
    }


def upload(data, name):
    return store_picture(
        site=first_site(), normalized=normalize_upload(upload_of(data, name)), alt="Lễ khai mạc"
    )


def test_the_picture_field_follows_the_storages_setting(s3):
    from storages.backends.s3 import S3Storage

    storage = Picture._meta.get_field("file").storage
    assert storage is default_storage  # Lazy, and reset when STORAGES changes.
    assert isinstance(storage, S3Storage)
    assert storage.bucket_name == BUCKET


@pytest.mark.parametrize(
    ("format", "extension", "content_type"),
    [("JPEG", "jpg", "image/jpeg"), ("WEBP", "webp", "image/webp"), ("PNG", "png", "image/png")],
)
def test_an_upload_stores_the_picture_and_its_renditions_in_the_bucket(
    s3, format, extension, content_type
):
    s3_client, _ = s3
    picture, created = upload(picture_bytes((1600, 1200), format=format), f"anh.{extension}")
    assert created
    names = [picture.file.name, *(rendition_name(picture.file.name, width) for width in WIDTHS)]
    objects = bucket_objects(s3_client)
    assert sorted(objects) == sorted(names)
    assert {head[:2] for head in objects.values()} == {(content_type, CACHE_CONTROL)}


def test_the_same_bytes_uploaded_again_add_no_objects(s3):
    s3_client, _ = s3
    data = picture_bytes((1600, 1200))
    first, _ = upload(data, "a.jpg")
    before = bucket_objects(s3_client)
    assert len(before) == 1 + len(WIDTHS)
    again, created = upload(data, "b.jpg")
    assert (again.pk, created) == (first.pk, False)
    Picture.objects.all().delete()  # The files outlive their row: a new row reuses them.
    third, created = upload(data, "c.jpg")
    assert created
    assert third.file.name == first.file.name
    assert bucket_objects(s3_client) == before


def test_pages_link_the_pictures_where_the_bucket_serves_them(s3):
    _, served_at = s3
    picture, _ = upload(picture_bytes((1600, 1200)), "anh.jpg")
    url = f"{served_at}{picture.file.name}"
    assert picture.file.url == url
    assert render_rendition(picture.file, 320) == served_at + rendition_name(picture.file.name, 320)
    body = with_renditions(f'<img src="{url}" alt="Ảnh">')
    candidates = [served_at + rendition_name(picture.file.name, width) for width in WIDTHS]
    expected_srcset = ", ".join(f"{c} {w}w" for c, w in zip(candidates, WIDTHS, strict=True))
    assert f'src="{url}"' in body
    assert f'srcset="{expected_srcset}, {url} 1600w"' in body


def test_bodies_written_before_the_move_link_the_bucket(s3):
    _, served_at = s3
    picture, _ = upload(picture_bytes((1600, 1200)), "anh.jpg")
    body = with_renditions(f'<img src="/media/{picture.file.name}" alt="Ảnh">')
    assert f'src="{served_at}{picture.file.name}"' in body
    assert f"{served_at}{rendition_name(picture.file.name, 800)} 800w" in body
    assert "/media/" not in body
