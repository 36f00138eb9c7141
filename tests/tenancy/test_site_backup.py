"""`backup --site` exports one site (rows, staff, media); `restore --site` adds it to another
installation with new ids. Round trip: back site B up, delete it (cascade), restore, compare."""

import io
import json
import re
import tarfile
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from articles.models import Article, ArticleRevision
from articles.services import cast_vote
from comments.services import post_comment
from contact.models import ContactMessage
from documents.models import Document, DocumentFile, DocumentType, IssuingBody
from library.attachments import check_upload, store_attachment
from library.pictures import normalize_upload, store_picture
from menus.models import Link, Menu, MenuItem, Placement
from menus.registry import Spec
from menus.services import create_menu
from nukeviet.models import ImportedVisits, LegacyObject
from organisation.models import Unit
from pages.models import Page, PageRevision
from polls.services import cast_vote as answer_poll
from procedures.models import Procedure, ProcedureForm
from questions.models import Question, QuestionSettings
from sectors.models import Sector
from stats.models import DailyBreakdown, DailyVisits, HourlyVisits
from tenancy.models import Membership, Site
from tenancy.portability import generic_keys, site_models, site_path, site_rows
from tenancy.roles import Role
from tenancy.testing import give_role
from tests.factories import make_article, make_category, make_tag
from tests.library.documents import real_pdf
from tests.library.documents import upload_of as document_upload
from tests.library.test_pictures import picture_bytes, upload_of
from tests.organisation.factories import fill_organisation
from tests.polls.factories import make_poll
from tests.portal.test_backup import instance as new_instance  # noqa: F401 (a fixture)
from tests.portal.test_backup import media_files
from tests.tenancy.conftest import OTHER_HOST

pytestmark = pytest.mark.django_db(transaction=True)

MARKER_A = "Riêng-phường-Phù-Vân-A"


def fill(site, marker, colour, staff_name):
    """A site with every kind of row: staff, news, pictures, comments, votes, statistics."""
    editor = get_user_model().objects.create_user(
        staff_name, email=f"{staff_name}@example.gov.vn", password="mat-khau-dai-123"
    )
    give_role(editor, Role.EDITOR, site)
    parent = make_category(f"Tin {marker}", site=site)
    category = make_category(f"Con {marker}", parent=parent, site=site)
    article = make_article(category, title=f"Hội nghị {marker}", site=site, created_by=editor)
    article.tags.set([make_tag(f"Thẻ {marker}", site=site)])
    article.cover_image.save(f"bia-{marker}.png", ContentFile(picture_bytes(format="PNG")))
    ArticleRevision.objects.create(article=article, title=f"Bản cũ {marker}", created_by=editor)
    store_picture(
        site=site,
        normalized=normalize_upload(upload_of(picture_bytes(size=(900, 600), color=colour))),
        alt=f"Ảnh {marker}",
        user=editor,
    )
    store_attachment(
        check_upload(document_upload(real_pdf(f"Quyết định {marker}"), f"{marker}.pdf")),
        site=site,
        title=f"Văn bản {marker}",
        user=editor,
    )
    question = post_comment(
        article, name="Nguyễn Văn An", email="an@example.vn", text=f"Hỏi {marker}", address="a1"
    )
    post_comment(article, name="UBND", email="", text="Thứ Hai.", parent=question, user=editor)
    for number, score in enumerate([5, 4]):
        cast_vote(article.pk, score, [f"voter-{number}"], f"address-{number}", 20)
    DailyVisits.objects.create(site=site, day=date(2025, 6, 2), visits=3)
    HourlyVisits.objects.create(site=site, hour="2025-06-02T08:00:00+07:00", visits=2, page_views=9)
    DailyBreakdown.objects.create(
        site=site, day=date(2025, 6, 2), dimension="browser", value=marker, count=4
    )
    menu = create_menu(site, Menu.Place.HEADER, [Spec(f"Tin {marker}", "category", parent.slug)])
    MenuItem.objects.create(menu=menu, parent=menu.items.get(), label=marker, kind="url", url="/a/")
    link = Link(site=site, title=f"Cổng {marker}", url="https://example.gov.vn")
    link.logo.save(f"logo-{marker}.png", ContentFile(picture_bytes(format="PNG")))
    Placement.objects.create(site=site, area="sidebar", block="links", order=5)
    ImportedVisits.objects.create(site=site, source=marker, period="day", start="2025-06-01")
    about = Page.objects.create(site=site, title=f"Giới thiệu {marker}", status="published")
    history = Page.objects.create(
        site=site, parent=about, title=f"Lịch sử {marker}", created_by=editor
    )
    PageRevision.objects.create(page=history, title=f"Lịch sử cũ {marker}", created_by=editor)
    LegacyObject.objects.create(
        site=site, source=marker, lang="vi", module="news", kind="article", old_id=7,
        article=article,
    )  # fmt: skip
    poll = make_poll(f"Thăm dò {marker}?", site=site, several_answers=True)
    choices = list(poll.choices.values_list("pk", flat=True))
    answer_poll(poll.pk, choices[:2], [f"poll-voter-{marker}"], "poll-address", 20)
    sector = Sector.objects.create(site=site, name=f"Lĩnh vực {marker}")
    procedure = Procedure.objects.create(
        site=site, name=f"Thủ tục {marker}", code="1.001193", sector=sector
    )
    form, _created = store_attachment(
        check_upload(document_upload(real_pdf(f"Tờ khai {marker}"), "to-khai.pdf")), site=site
    )
    ProcedureForm.objects.create(procedure=procedure, attachment=form)
    fill_documents(site, marker, sector, article)
    procedure.legal_documents.set(Document.objects.filter(site=site))
    fill_organisation(site, marker, picture_bytes(format="PNG", color=colour))
    ContactMessage.objects.create(
        site=site,
        unit=Unit.objects.filter(site=site).exclude(email="").first(),
        name="Trần Thị Hoa",
        email="hoa@example.com",
        subject=f"Hỏi {marker}",
        message="Nội dung.",
        handled_by=editor,
    )
    QuestionSettings.objects.create(site=site, answer_days=7)
    Question.objects.create(
        site=site,
        name="Lê Văn Tâm",
        email="tam@example.com",
        sector=Sector.objects.filter(site=site).first(),
        unit=Unit.objects.filter(site=site).first(),
        assignee=editor,
        title=f"Câu hỏi {marker}",
        question="Nội dung câu hỏi.",
        answer="<p>Trả lời.</p>",
        status="published",
        answered_by=editor,
    )
    return editor


def fill_documents(site, marker, sector, article):
    kind = DocumentType.objects.create(site=site, name=f"Quyết định {marker}")
    body = IssuingBody.objects.create(site=site, name=f"UBND {marker}")
    old, new = (
        Document.objects.create(
            site=site,
            document_type=kind,
            issuing_body=body,
            sector=sector,
            number=f"{n}/QĐ-{marker}",
            abstract=f"Văn bản {n} {marker}",
        )
        for n in (1, 2)
    )
    new.replaces.add(old)
    new.amends.add(old)
    new.related_articles.add(article)
    upload = document_upload(real_pdf(f"Quyết định {marker} 2"), f"qd-{marker}.pdf")
    attachment, _created = store_attachment(check_upload(upload), site=site)
    DocumentFile.objects.create(document=new, attachment=attachment, position=1)


@pytest.fixture
def sites(settings, first_site, other_site):
    settings.PORTAL_COMMENT_MODERATION = "none"
    fill(first_site, MARKER_A, (200, 30, 30), "bientap.phuvan")
    fill(other_site, "Ninh-Hải-B", (30, 30, 200), "bientap.ninhhai")
    return first_site, other_site


def ids(rows):
    return {pk: rank for rank, pk in enumerate(rows.values_list("pk", flat=True))}


def snapshot(site):
    """B's rows without ids: a foreign key becomes its target's rank within the site (rows are
    restored in id order), a user its username."""
    ranks = {model: ids(site_rows(model, site)) for model in site_models()}

    def value(row, field):
        target = getattr(row, field.attname)
        if field.related_model is get_user_model():
            return target and get_user_model().objects.get(pk=target).username
        return ranks[field.related_model].get(target) if field.related_model in ranks else target

    def described(row):
        fields = {
            field.name: value(row, field) if field.is_relation else field.value_to_string(row)
            for field in row._meta.concrete_fields
            if not field.primary_key
        }
        for field in row._meta.many_to_many:
            related = getattr(row, field.name).values_list("pk", flat=True)
            fields[field.name] = sorted(ranks[field.related_model][pk] for pk in related)
        for field in generic_keys(type(row)):
            target = getattr(row, field.name)
            fields[field.fk_field] = (target._meta.label, ranks[type(target)][target.pk])
        return fields

    rows = {
        model._meta.label: [described(row) for row in site_rows(model, site)] for model in ranks
    }
    staff = Membership.objects.filter(site=site).values_list(
        "user__username", "user__email", "user__password", "role"
    )
    return rows, sorted(staff)


def site_media(site, root):
    """The site's files (what its rows name, and their renditions) with their bytes."""
    names = set()
    for model in site_models():
        for field in [f for f in model._meta.concrete_fields if hasattr(f, "storage")]:
            names |= {getattr(row, field.attname).name for row in site_rows(model, site)} - {""}
    files = {}
    for name in names:
        path = Path(root) / name
        for file in [path, *path.parent.glob(f"{path.stem}~*")]:
            files[file.relative_to(root).as_posix()] = file.read_bytes()
    return files


def back_up(site, path):
    call_command("backup", "--site", site.primary_host, "--output", str(path), stdout=io.StringIO())
    return path


def restore(path):
    out = io.StringIO()
    call_command("restore", "--site", str(path), stdout=out)
    return out.getvalue()


def delete_rows(site):
    for model in reversed(site_models()):  # articles (and subcategories) protect categories
        for row in reversed(site_rows(model, site)):
            row.delete()


def delete_site(site, settings):
    for name in site_media(site, settings.MEDIA_ROOT):
        (Path(settings.MEDIA_ROOT) / name).unlink()
    users = list(Membership.objects.filter(site=site).values_list("user", flat=True))
    delete_rows(site)
    get_user_model().objects.filter(pk__in=users).delete()


def test_a_site_goes_and_comes_back_whole(sites, settings, tmp_path):
    first, other = sites
    before, media_before = snapshot(other), site_media(other, settings.MEDIA_ROOT)
    first_before = snapshot(first)
    archive = back_up(other, tmp_path / "b.tar.gz")
    delete_site(other, settings)
    assert not Article.objects.filter(title__contains="Ninh-Hải-B").exists()

    output = restore(archive)

    restored = Site.objects.get(domains__host=OTHER_HOST)
    assert restored.pk != other.pk
    assert OTHER_HOST in output
    after = snapshot(restored)
    for label, rows in before[0].items():
        assert after[0][label] == rows, label
    assert after == before
    assert all(rows for rows in before[0].values()), "every model has rows in this test"
    texts = sorted(row["text"] for row in after[0]["library.Attachment"])
    assert texts == ["Quyết định Ninh-Hải-B", "Quyết định Ninh-Hải-B 2", "Tờ khai Ninh-Hải-B"]
    assert site_media(restored, settings.MEDIA_ROOT) == media_before
    assert any("~" in name for name in media_before), "renditions travel too"
    assert snapshot(first) == first_before


def test_the_archive_holds_nothing_of_the_other_site(sites, tmp_path):
    archive = back_up(sites[1], tmp_path / "b.tar.gz")
    with tarfile.open(archive) as tar:
        contents = b"".join(tar.extractfile(member).read() for member in tar.getmembers())
        names = tar.getnames()
    for text in [MARKER_A, "bientap.phuvan", sites[0].name, sites[0].primary_host]:
        assert text.encode() not in contents
        assert json.dumps(text).encode() not in contents
    assert b"Ninh-H" in contents
    assert not any(MARKER_A in name for name in names)


def test_restore_refuses_host_names_already_served(sites, tmp_path):
    archive = back_up(sites[1], tmp_path / "b.tar.gz")
    articles = Article.objects.count()
    with pytest.raises(CommandError, match=rf"{re.escape(OTHER_HOST)} .*already used"):
        restore(archive)
    assert (Article.objects.count(), Site.objects.count()) == (articles, 2)


def test_restore_refuses_a_username_of_another_account(sites, settings, tmp_path):
    archive = back_up(sites[1], tmp_path / "b.tar.gz")
    delete_site(sites[1], settings)
    get_user_model().objects.create_user("bientap.ninhhai", email="khac@example.vn")
    with pytest.raises(CommandError, match=r"different accounts.*bientap\.ninhhai"):
        restore(archive)
    assert not Site.objects.filter(domains__host=OTHER_HOST).exists()


def test_restore_joins_an_account_that_is_the_same_here(sites, tmp_path):
    archive = back_up(sites[1], tmp_path / "b.tar.gz")
    editor = get_user_model().objects.get(username="bientap.ninhhai")
    delete_rows(sites[1])

    restore(archive)

    restored = Site.objects.get(domains__host=OTHER_HOST)
    assert Membership.objects.get(site=restored).user == editor
    assert get_user_model().objects.filter(username="bientap.ninhhai").count() == 1


def test_a_tampered_archive_is_refused(sites, settings, tmp_path):
    archive = back_up(sites[1], tmp_path / "b.tar.gz")
    delete_site(sites[1], settings)
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.endswith("articles.article.json"):
                data = data.replace("Ninh-Hải-B".encode(), "Ninh-Hải-X".encode())
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="checksum"):
        restore(tampered)
    assert not Site.objects.filter(domains__host=OTHER_HOST).exists()


def test_a_whole_restore_refuses_a_site_archive(sites, tmp_path):
    archive = back_up(sites[1], tmp_path / "b.tar.gz")
    with pytest.raises(CommandError, match="restore --site"):
        call_command("restore", str(archive), stdout=io.StringIO())


def reaches_site(model, seen=()):
    """Independently of site_path: does any relation of `model` lead to a Site?"""
    if model is Site:
        return True
    targets = [f.related_model for f in model._meta.get_fields() if f.concrete and f.is_relation]
    return (
        any(target not in seen and reaches_site(target, (*seen, model)) for target in targets)
        and model is not get_user_model()
    )


def test_the_model_walk_exports_every_model_with_a_site_path():
    exported = set(site_models())
    owned = {
        model
        for model in apps.get_models()
        if not model._meta.proxy and reaches_site(model) and model is not get_user_model()
    }
    assert owned - exported == set()
    assert site_path(ArticleRevision) == "article__site"
    labels = {model._meta.label for model in exported}
    assert {
        "tenancy.Site", "tenancy.Domain", "tenancy.Membership", "articles.Category",
        "articles.Tag", "library.Picture", "library.Attachment", "articles.Article",
        "articles.ArticleRevision", "articles.Vote", "comments.Comment", "stats.DailyVisits",
        "stats.HourlyVisits", "stats.DailyBreakdown", "nukeviet.LegacyObject",
        "nukeviet.ImportedVisits", "procedures.Procedure", "procedures.ProcedureForm",
    } <= labels  # fmt: skip


def test_restore_into_a_new_installation(sites, settings, tmp_path, new_instance):  # noqa: F811
    archive = back_up(sites[1], tmp_path / "b.tar.gz")
    migrated = new_instance.manage("migrate", "--skip-checks", "--verbosity", "0")
    assert migrated.returncode == 0, migrated.stderr

    result = new_instance.manage("restore", "--skip-checks", "--site", str(archive))

    assert result.returncode == 0, result.stderr
    rows = new_instance.dump()
    fields = {model: [r["fields"] for r in rows if r["model"] == model] for model in LABELS}
    assert {row["host"] for row in fields["tenancy.domain"]} >= {OTHER_HOST}
    assert [row["title"] for row in fields["articles.article"]] == ["Hội nghị Ninh-Hải-B"]
    assert [row["username"] for row in fields["auth.user"]] == ["bientap.ninhhai"]
    assert len(fields["comments.comment"]) == 2
    assert media_files(new_instance.media_root) == site_media(sites[1], settings.MEDIA_ROOT)


LABELS = ["tenancy.domain", "articles.article", "auth.user", "comments.comment"]
