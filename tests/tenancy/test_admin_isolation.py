"""A site administrator of the first site, in its admin, sees nothing of another site: a walk
over every model the admin registers, so that a new model admin cannot escape it."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from articles.models import Article, ArticleRevision
from library.models import Picture
from stats.admin_views import REPORTS
from stats.models import DailyVisits
from tenancy.roles import Role
from tenancy.testing import give_role

from .admin_factories import FACTORIES, VISITS

pytestmark = pytest.mark.django_db

OURS, THEIRS = "alphaquy", "betaninh"

# Models whose rows belong to no site, with the reason; a site's staff cannot open their list
# at all, or see their own site's row only.
PROVINCE_WIDE = {
    "auth.user": "accounts are the province's; a role on a site is a tenancy membership",
    "auth.group": "groups define the roles' permissions for every site",
    "otp_totp.totpdevice": "an account's second factor, as the account, is the province's",
    "axes.accessattempt": "sign-in lockouts are per account and address, for the province",
    "axes.accesslog": "the sign-in log is the province's",
    "axes.accessfailurelog": "the failed sign-in log is the province's",
    "tenancy.site": "the sites themselves: a site administrator sees their own",
}
REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label_lower)


def label(model):
    return model._meta.label_lower


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def site_admin(client, django_user_model, first_site):
    user = django_user_model.objects.create_user("quantri.a", password="x", is_staff=True)
    give_role(user, Role.SITE_ADMINISTRATOR, first_site)
    client.force_login(user)
    return user


def hides(response, text):
    html = response.content.decode()
    return response.status_code in (302, 403, 404) or text not in html


def numbers(value):
    return [str(value), f"{value:,}", f"{value:,}".replace(",", ".")]


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_every_registered_model_has_a_factory(model):
    assert model in FACTORIES, f"{label(model)}: add a factory to tests/tenancy/admin_factories"


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_the_list_and_its_search_show_nothing_of_the_other_site(
    client, site_admin, first_site, other_site, model
):
    theirs = FACTORIES[model](other_site, THEIRS)
    scoped = label(model) not in PROVINCE_WIDE
    if scoped:
        FACTORIES[model](first_site, OURS)
    listing = client.get(admin_url(model, "changelist"), follow=True)
    if scoped and listing.status_code == 200 and model._meta.model_name != "dailyvisits":
        assert OURS in listing.content.decode()
    assert hides(listing, THEIRS)
    searched = client.get(admin_url(model, "changelist"), {"q": THEIRS})
    cl = searched.context and searched.context.get("cl")
    assert searched.status_code in (302, 403) or (
        cl and theirs.pk not in {o.pk for o in cl.result_list}
    )


@pytest.mark.parametrize("model", REGISTERED, ids=label)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_the_other_sites_ids_typed_into_urls_are_refused(
    client, site_admin, other_site, model, view
):
    theirs = FACTORIES[model](other_site, THEIRS)
    try:
        url = admin_url(model, view, theirs.pk)
    except NoReverseMatch:
        return
    response = client.get(url)
    assert response.status_code in (302, 403, 404), response.content.decode()[:500]


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_the_add_form_offers_nothing_of_the_other_site(client, site_admin, other_site, model):
    FACTORIES[model](other_site, THEIRS)
    assert hides(client.get(admin_url(model, "add")), THEIRS)


AUTOCOMPLETE = [
    (model, field)
    for model, model_admin in admin.site._registry.items()
    for field in model_admin.autocomplete_fields
]


@pytest.mark.parametrize("model, field", AUTOCOMPLETE)
def test_autocomplete_offers_nothing_of_the_other_site(
    client, site_admin, first_site, other_site, model, field
):
    remote = model._meta.get_field(field).remote_field.model
    ours, theirs = FACTORIES[remote](first_site, OURS), FACTORIES[remote](other_site, THEIRS)
    params = {
        "app_label": model._meta.app_label,
        "model_name": model._meta.model_name,
        "field_name": field,
    }
    found = {}
    for term in ("", OURS[:4], THEIRS[:4]):
        response = client.get("/admin/autocomplete/", {**params, "term": term})
        found[term] = {int(result["id"]) for result in response.json()["results"]}
    assert ours.pk in found[""] and ours.pk in found[OURS[:4]]
    assert all(theirs.pk not in ids for ids in found.values())


def test_the_picture_picker_shows_none_of_the_other_sites_pictures(
    client, site_admin, first_site, other_site
):
    FACTORIES[Picture](first_site, OURS)
    FACTORIES[Picture](other_site, THEIRS)
    url = reverse("admin:library_picture_picker")
    html = client.get(url).content.decode()
    assert OURS in html and THEIRS not in html
    assert THEIRS not in client.get(url, {"q": THEIRS[:4]}).content.decode()


def test_revisions_of_the_other_sites_articles_are_not_reachable(client, site_admin, other_site):
    theirs = FACTORIES[Article](other_site, THEIRS)
    revision = ArticleRevision.objects.create(article=theirs, title=THEIRS, body="<p>x</p>")
    url = reverse("admin:articles_article_restore", args=[theirs.pk, revision.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("slug", sorted(REPORTS))
def test_reports_and_their_csv_show_nothing_of_the_other_site(
    client, site_admin, first_site, other_site, slug
):
    for model in (Article, DailyVisits):
        FACTORIES[model](first_site, OURS)
        FACTORIES[model](other_site, THEIRS)
    for url in (
        reverse("admin:stats_report", args=[slug]),
        reverse("admin:stats_report_csv", args=[slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert THEIRS not in text
        assert not any(number in text for number in numbers(VISITS["b"]))


def test_recent_actions_show_nothing_of_the_other_site(
    client, site_admin, other_site, django_user_model
):
    theirs = FACTORIES[Article](other_site, THEIRS)
    province = django_user_model.objects.create_superuser("tinh", password="x")
    for user in (province, site_admin):
        LogEntry.objects.create(
            user=user,
            content_type=ContentType.objects.get_for_model(Article),
            object_id=str(theirs.pk),
            object_repr=THEIRS,
            action_flag=CHANGE,
        )
    assert THEIRS not in client.get(reverse("admin:index")).content.decode()


def test_the_province_wide_models_are_registered_ones():
    assert set(PROVINCE_WIDE) <= {label(model) for model in REGISTERED}
