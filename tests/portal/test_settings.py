import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "q7#Vw2p!Lm9@zR4t$Yx8&Kc1^Hs6*Nb3(Gd5)Jf0-Ua_Ei=Oo+Pl[Ak]Sj{Dh}",
    "DJANGO_ALLOWED_HOSTS": "phuvan.example.gov.vn",
    "PORTAL_TRUSTED_PROXY_COUNT": "1",
}


def run_manage(*args, env=None):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PORTAL_")) and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_under(env, expression):
    code = f"import json; from django.conf import settings as s; print(json.dumps({expression}))"
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_is_clean_in_production():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_development_defaults_need_no_environment():
    values = settings_under(
        {}, '[s.DEBUG, s.DATABASES["default"]["ENGINE"], s.CACHES["default"]["BACKEND"]]'
    )
    assert values == [
        True,
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_database_and_redis_urls_are_read_from_the_environment():
    env = {
        "DATABASE_URL": "postgres://portal:secret@db.internal:5433/phuvan",
        "REDIS_URL": "redis://cache.internal:6379/2",
    }
    db, cache = settings_under(env, '[s.DATABASES["default"], s.CACHES["default"]]')
    assert (db["ENGINE"], db["NAME"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "phuvan",
        "db.internal",
        5433,
    )
    assert cache["BACKEND"] == "portal.cache.PortalRedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/2"


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True


def test_the_redis_cache_keeps_its_client():
    from portal.cache import PortalRedisCache

    cache = PortalRedisCache("redis://127.0.0.1:6379/0", {})
    assert cache._cache.get_client("a") is cache._cache.get_client("b")
    assert cache._cache.get_client(write=True) is cache._cache.get_client("c", write=True)
