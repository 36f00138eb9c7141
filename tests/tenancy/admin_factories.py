"""One row of each model the admin lists, made on a given site and carrying a given text, for
the walk over the admin's registered models (test_admin_isolation)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article, Category, Tag, Vote
from comments.models import Comment
from contact.models import ContactMessage
from documents.models import Document, DocumentType, IssuingBody
from library.models import Attachment, Picture
from menus.models import Link, Menu, MenuItem, Placement
from organisation.models import Organisation, Person, Unit
from pages.models import Page
from polls.models import Poll
from procedures.models import Procedure
from questions.models import Question, QuestionSettings
from sectors.models import Sector
from stats.models import DailyVisits
from tenancy.models import Membership, Site
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.factories import make_article, make_category, make_tag

# Visits of the other site's day: a number no page of the first site shows.
VISITS = {"a": 523117, "b": 917341}


def article(site, mark, **fields):
    category = make_category(name=f"{mark} chuyên mục", site=site, slug=f"{mark}-cm".lower())
    fields.setdefault("author_byline", mark)
    return make_article(
        category=category, title=mark, slug=mark.lower(), site=site, view_count=777, **fields
    )


def account(site, mark):
    user = get_user_model().objects.create_user(mark.lower(), password="x", is_staff=True)
    return give_role(user, Role.EDITOR, site)


def picture(site, mark):
    return Picture.objects.create(
        site=site,
        file=f"pictures/{mark.lower()}.jpg",
        alt=mark,
        caption=mark,
        sha256=mark,
        width=8,
        height=8,
    )


def attachment(site, mark):
    return Attachment.objects.create(
        site=site,
        file=f"attachments/{mark.lower()}.pdf",
        original_name=f"{mark}.pdf",
        title=mark,
        sha256=mark,
        content_type="application/pdf",
        text=f"Nội dung văn bản {mark}",
    )


def comment(site, mark):
    return Comment.objects.create(
        target=article(site, mark), name=mark, email="ban@example.vn", text=mark
    )


def contact_message(site, mark):
    return ContactMessage.objects.create(
        site=site, name=mark, email=f"{mark.lower()}@example.com", subject=mark, message=mark
    )


def question(site, mark):
    return Question.objects.create(
        site=site, name=mark, email=f"{mark.lower()}@example.com", title=mark, question=mark
    )


def question_settings(site, mark):
    """One row per site, named after its site."""
    return QuestionSettings.objects.create(site=renamed_site(site, mark), answer_days=12)


def vote(site, mark):
    return Vote.objects.create(article=article(site, mark), score=5, voter=mark, address=mark)


def poll(site, mark):
    found = Poll.objects.create(site=site, question=mark, slug=mark.lower())
    for text in (f"{mark} A", f"{mark} B"):
        found.choices.create(text=text)
    return found


def daily_visits(site, mark):
    visits = VISITS["a" if site.pk == Site.objects.order_by("pk").first().pk else "b"]
    return DailyVisits.objects.create(
        site=site, day=timezone.localdate(), visits=visits, page_views=visits
    )


def menu(site, mark):
    found = Menu.objects.create(site=site, place=Menu.Place.FOOTER)
    MenuItem.objects.create(menu=found, label=mark, kind="url", url=f"/{mark.lower()}/")
    return found


def unit(site, mark):
    return Unit.objects.create(site=site, name=mark, slug=mark.lower(), email="dv@example.gov.vn")


def person(site, mark):
    return Person.objects.create(site=site, unit=unit(site, mark), name=mark, position=mark)


def document(site, mark):
    kind = DocumentType.objects.create(site=site, name=f"{mark} loại")
    body = IssuingBody.objects.create(site=site, name=f"{mark} cơ quan")
    return Document.objects.create(
        site=site, document_type=kind, issuing_body=body, number=mark, abstract=mark
    )


def renamed_site(site, mark):
    site.name = mark
    site.save()
    return site


def access(model, **fields):
    def make(site, mark):
        base = {"user_agent": mark, "ip_address": "10.0.0.9", "username": mark.lower()}
        return model.objects.create(http_accept="*/*", path_info="/admin/", **base, **fields)

    return make


FACTORIES = {
    Article: article,
    Category: lambda site, mark: make_category(name=mark, site=site, slug=mark.lower()),
    Tag: lambda site, mark: make_tag(name=mark, slug=mark.lower(), site=site),
    Picture: picture,
    Attachment: attachment,
    Vote: vote,
    Comment: comment,
    ContactMessage: contact_message,
    Page: lambda site, mark: Page.objects.create(site=site, title=mark, slug=mark.lower()),
    Poll: poll,
    DailyVisits: daily_visits,
    Menu: menu,
    Link: lambda site, mark: Link.objects.create(site=site, title=mark, url="https://example.vn"),
    Placement: lambda site, mark: Placement.objects.create(
        site=site, area="sidebar", block="links", option=mark
    ),
    Membership: lambda site, mark: Membership.objects.get(user=account(site, mark)),
    get_user_model(): account,
    Group: lambda site, mark: Group.objects.create(name=mark),
    TOTPDevice: lambda site, mark: TOTPDevice.objects.create(user=account(site, mark), name=mark),
    Unit: unit,
    Question: question,
    QuestionSettings: question_settings,
    Sector: lambda site, mark: Sector.objects.create(site=site, name=mark),
    Person: person,
    Procedure: lambda site, mark: Procedure.objects.create(site=site, name=mark, code="1.001193"),
    DocumentType: lambda site, mark: DocumentType.objects.create(site=site, name=mark),
    IssuingBody: lambda site, mark: IssuingBody.objects.create(site=site, name=mark),
    Document: document,
    Organisation: lambda site, mark: Organisation.objects.create(site=site, name=mark),
    Site: renamed_site,
    AccessAttempt: access(AccessAttempt, get_data="", post_data="", failures_since_start=3),
    AccessLog: access(AccessLog),
    AccessFailureLog: access(AccessFailureLog, locked_out=False),
}
