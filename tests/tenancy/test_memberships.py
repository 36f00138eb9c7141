"""Staff roles per site: what an account may do depends on the host it works on."""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from tenancy.current import request_site
from tenancy.models import Membership
from tenancy.roles import Role
from tenancy.testing import give_role

from .conftest import OTHER_HOST

pytestmark = pytest.mark.django_db

REFUSAL = "Tài khoản này không có quyền truy cập trang quản trị của cổng thông tin này."
INDEX = reverse("admin:index")
LOGIN = reverse("admin:login")
ARTICLE_ADD = reverse("admin:articles_article_add")
COMMENTS = reverse("admin:comments_comment_changelist")
MEMBERSHIPS = reverse("admin:tenancy_membership_changelist")
OVERVIEW = reverse("admin:tenancy_site_overview")


def on(site):
    return {"HTTP_HOST": site.primary_host}


def perms_on(user, site):
    token = request_site.set(site)
    try:
        return user.get_all_permissions()
    finally:
        request_site.reset(token)


@pytest.fixture
def editor(member, first_site, other_site):
    return give_role(member(), Role.EDITOR, first_site)


@pytest.fixture
def site_admin(member, first_site):
    return give_role(member(username="quantritrang"), Role.SITE_ADMINISTRATOR, first_site)


def test_an_editor_of_one_site_works_there(client, editor, first_site):
    client.force_login(editor)
    assert client.get(ARTICLE_ADD, **on(first_site)).status_code == 200
    assert client.get(COMMENTS, **on(first_site)).status_code == 403
    assert "articles.add_article" in perms_on(editor, first_site)
    assert "articles.publish_article" not in perms_on(editor, first_site)


def test_an_editor_of_one_site_is_refused_from_another_sites_admin(client, editor, other_site):
    client.force_login(editor)
    response = client.get(INDEX, **on(other_site))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert REFUSAL in client.get(LOGIN, **on(other_site)).content.decode()
    assert perms_on(editor, other_site) == set()


def test_signing_in_on_another_sites_host_is_refused_in_vietnamese(
    client, django_user_model, editor, other_site
):
    editor.set_password("mat-khau-dai-123")
    editor.save()
    form = {"username": editor.username, "password": "mat-khau-dai-123", "next": INDEX}
    response = client.post(LOGIN, form, **on(other_site))
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.post(LOGIN, form).status_code == 302


def test_a_member_of_two_sites_has_each_roles_permissions_on_each_host(
    client, editor, first_site, other_site
):
    give_role(editor, Role.MODERATOR, other_site)
    client.force_login(editor)
    assert client.get(ARTICLE_ADD, **on(first_site)).status_code == 200
    assert client.get(COMMENTS, **on(first_site)).status_code == 403
    assert client.get(ARTICLE_ADD, **on(other_site)).status_code == 403
    assert client.get(COMMENTS, **on(other_site)).status_code == 200


def test_the_permission_cache_is_kept_per_site(editor, first_site, other_site):
    give_role(editor, Role.MODERATOR, other_site)
    assert "comments.moderate_comment" not in perms_on(editor, first_site)
    assert "comments.moderate_comment" in perms_on(editor, other_site)
    token = request_site.set(first_site)
    try:
        assert editor.has_perm("articles.add_article")
        assert not editor.has_perm("comments.moderate_comment")
    finally:
        request_site.reset(token)


def test_a_site_administrator_holds_every_role_and_manages_roles(site_admin, first_site):
    permissions = perms_on(site_admin, first_site)
    assert {
        "articles.publish_article",
        "articles.add_article",
        "comments.moderate_comment",
        "stats.view_reports",
        "tenancy.add_membership",
        "tenancy.change_site",
    } <= permissions


def test_group_membership_alone_grants_nothing(client, member, first_site):
    user = member()
    user.groups.add(Group.objects.get(name="Người duyệt bài"))
    assert perms_on(user, first_site) == set()
    client.force_login(user)
    assert client.get(ARTICLE_ADD).status_code == 302


def test_the_migration_moves_group_members_to_the_first_site(django_user_model, first_site):
    from tenancy.migrations import __name__ as package

    migration = __import__(f"{package}.0004_roles_from_groups", fromlist=["move_group_members"])
    create = django_user_model.objects.create_user
    writer, moderator, both = create("a"), create("b"), create("c")
    writer.groups.add(Group.objects.get(name="Biên tập viên"))
    moderator.groups.add(Group.objects.get(name="Người kiểm duyệt"))
    both.groups.add(*Group.objects.filter(name__in=["Người duyệt bài", "Người kiểm duyệt"]))
    migration.move_group_members(apps, None)
    roles = dict(Membership.objects.filter(site=first_site).values_list("user__username", "role"))
    assert roles == {"a": Role.EDITOR, "b": Role.MODERATOR, "c": Role.PUBLISHER}
    assert not Group.objects.filter(user__isnull=False).exists()


def test_a_site_administrator_sees_and_gives_roles_on_their_site_only(
    client, site_admin, editor, member, first_site, other_site
):
    elsewhere = give_role(member(username="khac"), Role.EDITOR, other_site)
    client.force_login(site_admin)
    listing = client.get(MEMBERSHIPS).content.decode()
    assert "quantritrang" in listing and "khac" not in listing
    other = Membership.objects.get(user=elsewhere)
    change = reverse("admin:tenancy_membership_change", args=[other.pk])
    assert client.get(change).status_code == 302
    newcomer = member(username="moi")
    add = reverse("admin:tenancy_membership_add")
    form = {"user": newcomer.pk, "site": other_site.pk, "role": Role.PUBLISHER}
    assert client.post(add, form).status_code == 302
    assert Membership.objects.get(user=newcomer).site == first_site
    assert client.get(MEMBERSHIPS, **on(other_site)).status_code == 302


def test_a_second_role_on_the_same_site_is_refused_with_a_message(
    client, site_admin, editor, first_site
):
    client.force_login(site_admin)
    form = {"user": editor.pk, "role": Role.PUBLISHER}
    response = client.post(reverse("admin:tenancy_membership_add"), form)
    assert response.status_code == 200
    assert "Tài khoản này đã có vai trò trên cổng này." in response.content.decode()
    assert Membership.objects.get(user=editor).role == Role.EDITOR


def test_a_site_administrator_edits_their_sites_settings_only(
    client, site_admin, first_site, other_site
):
    client.force_login(site_admin)
    assert client.get(reverse("admin:tenancy_site_change", args=[first_site.pk])).status_code == 200
    other = client.get(reverse("admin:tenancy_site_change", args=[other_site.pk]))
    assert other.status_code == 302
    assert client.get(reverse("admin:tenancy_site_add")).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(OVERVIEW).status_code == 403


def test_a_province_administrator_sees_every_site(client, staff_user, first_site, other_site):
    client.force_login(staff_user)
    assert client.get(INDEX, **on(other_site)).status_code == 200
    page = client.get(OVERVIEW).content.decode()
    assert first_site.name in page and other_site.name in page
    assert f"http://{OTHER_HOST}{INDEX}" in page


def test_the_moderators_of_a_site_are_found_by_their_role(member, first_site, other_site):
    from django.contrib.auth import get_user_model

    here = give_role(member(username="a"), Role.MODERATOR, first_site)
    there = give_role(member(username="b"), Role.SITE_ADMINISTRATOR, other_site)
    give_role(member(username="c"), Role.EDITOR, first_site)
    member(username="d").groups.add(Group.objects.get(name="Người kiểm duyệt"))
    with_perm = get_user_model()._default_manager.with_perm
    backend = "tenancy.backends.SiteRoleBackend"
    everywhere = with_perm("comments.moderate_comment", backend=backend, include_superusers=False)
    assert set(everywhere) == {here, there}
    only_first = with_perm(
        "comments.moderate_comment", backend=backend, include_superusers=False, obj=first_site
    )
    assert list(only_first) == [here]


def test_demo_staff_gives_the_demo_accounts_their_roles(capsys, monkeypatch, first_site):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from tenancy import demo

    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    ward, _created = demo.seed()
    call_command("demo_staff")
    call_command("demo_staff")
    output = capsys.readouterr().out
    password = re.search(rf"'{demo.SECOND_WARD_EDITOR}', password '([^']+)'", output).group(1)
    editor = get_user_model().objects.get(username=demo.SECOND_WARD_EDITOR)
    assert editor.check_password(password) and not editor.is_superuser
    roles = Membership.objects.values_list("user__username", "site", "role")
    assert set(roles) == {
        ("admin", first_site.pk, Role.SITE_ADMINISTRATOR),
        (demo.SECOND_WARD_EDITOR, ward.pk, Role.EDITOR),
    }


def test_an_authenticator_app_names_the_site_it_was_set_up_on(editor, other_site, settings):
    from urllib.parse import quote

    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice(user=editor, name="app")
    token = request_site.set(other_site)
    try:
        assert f"issuer={quote(other_site.name)}" in device.config_url
    finally:
        request_site.reset(token)
    assert f"issuer={quote(settings.PORTAL_SITE_NAME)}" in device.config_url


def test_a_province_administrator_gives_roles_on_the_account_page(
    client, staff_user, member, other_site
):
    user = member(username="moi")
    client.force_login(staff_user)
    url = reverse("admin:auth_user_change", args=[user.pk])
    page = client.get(url).content.decode()
    assert 'name="memberships-0-site"' in page and 'name="groups"' not in page
    form = client.get(url).context["adminform"].form.initial
    data = {
        **{key: value for key, value in form.items() if value is not None and key != "password"},
        "is_staff": "on",
        "is_active": "on",
        "date_joined_0": "01/01/2026",
        "date_joined_1": "08:00:00",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-0-site": other_site.pk,
        "memberships-0-role": Role.MODERATOR,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Membership.objects.get(user=user).site == other_site
