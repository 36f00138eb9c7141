"""Pages of a site ("Giới thiệu", "Lịch sử hình thành"...), arranged in a tree.

A page's address is `/trang/<slug>/` with a slug unique within the site, not a path of its
ancestors' slugs: moving a page in the tree or renaming a parent keeps every link to it (menus,
articles, search engines, printed leaflets) working; the breadcrumb shows where it stands.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from library.html import EDITOR_EXTENSIONS, plain_text, sanitize_html
from library.revisions import Revision
from portal.locks import lock_names
from portal.text import fold, nfc
from tenancy.scoping import SiteQuerySet, site_reference, unique_per_site, unique_slug

# How many levels the tree has at most ("Giới thiệu" › "Cơ cấu tổ chức" › ... is 2).
MAX_DEPTH = 4
# The tree key of one level: the page's place among its siblings (by order, then age),
# zero-padded digits, so keys sort as the tree under any collation. Positions, not ids: a site
# restored elsewhere with new ids keeps valid keys.
KEY_PART = "{place:05d}/"


def staff_reference(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


class PageQuerySet(SiteQuerySet):
    def published(self, at=None):
        """Pages the public sees: published, publish time passed, and so is every page above
        them (a page under a draft is not public: its breadcrumb would lead to nothing)."""
        at = at or timezone.now()
        public = {"status": Page.Status.PUBLISHED, "publish_at__lte": at}
        condition, path = Q(**public), ""
        for _level in range(MAX_DEPTH - 1):
            above = f"{path}parent"
            condition &= Q(**{f"{above}__isnull": True}) | Q(
                **{f"{above}__{name}": value for name, value in public.items()}
            )
            path = f"{above}__"
        return self.filter(condition)

    def in_tree_order(self):
        return self.order_by("tree_key")

    def refresh_tree(self):
        """Recompute the tree key and depth of these pages (one site's) from their parents;
        returns how many changed."""
        pages = list(self.only("pk", "parent", "order", "tree_key", "depth"))
        children = {}
        for page in sorted(pages, key=lambda page: (page.order, page.pk)):
            children.setdefault(page.parent_id, []).append(page)
        positions = dict(tree_positions(children))
        changed = []
        for page in pages:
            # A page cut off from the top (never by the admin, which refuses cycles) goes last.
            key, depth = positions.get(page.pk, (KEY_PART.format(place=99999), 1))
            if (key, depth) != (page.tree_key, page.depth):
                page.tree_key, page.depth = key, depth
                changed.append(page)
        self.model.objects.bulk_update(changed, ["tree_key", "depth"])
        return len(changed)


def tree_positions(children, parent_id=None, prefix="", depth=1):
    """(page id, (tree key, depth)) of the pages under `parent_id`, each before its sub-pages."""
    for place, page in enumerate(children.get(parent_id, ())):
        key = prefix + KEY_PART.format(place=place)
        yield page.pk, (key, depth)
        yield from tree_positions(children, page.pk, key, depth + 1)


class Page(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    site = site_reference("pages")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        # A page with sub-pages is not deleted alone (the admin says which are in the way);
        # its site's deletion takes the whole tree.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Leave empty for a top-level page."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first among sibling pages.")
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_("The page's address: /trang/<slug>/. Made from the title when left empty."),
    )
    body = ProseEditorField(
        _("body"), blank=True, config={"extensions": EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(_("publish at"), default=timezone.now)
    seo_title = models.CharField(
        _("title for search engines"),
        max_length=70,
        blank=True,
        help_text=_("Shown in the browser tab and search results; the title when empty."),
    )
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences; the beginning of the text when empty."),
    )
    # Kept by save(): where the page sits in its site's tree, and its text folded for search.
    tree_key = models.CharField(max_length=255, editable=False, default="", db_index=True)
    depth = models.PositiveSmallIntegerField(editable=False, default=1)
    search_title = models.TextField(editable=False, default="")
    search_body = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = staff_reference(_("created by"))
    updated_by = staff_reference(_("updated by"))

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["tree_key", "pk"]
        constraints = [unique_per_site("pages_page", "slug")]
        indexes = [models.Index(fields=["site", "tree_key"], name="page_tree_idx")]
        permissions = [("publish_page", _("Can publish and unpublish pages"))]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.seo_title, self.seo_description = nfc(self.seo_title), nfc(self.seo_description)
        self.body = sanitize_html(nfc(self.body))
        self.search_title = fold(self.title)
        self.search_body = fold(f"{self.seo_description} {plain_text(self.body)}")
        if not self.slug:
            self.slug = unique_slug(self, self.title, max_length=255, fallback="trang")
        with transaction.atomic():
            # One tree write of a site at a time: each sees the pages the others added.
            lock_names([f"pages:tree:{self.site_id}"])
            super().save(*args, **kwargs)
            if kwargs.get("update_fields") is None:
                Page.objects.for_site(self.site_id).refresh_tree()
                self.refresh_from_db(fields=["tree_key", "depth"])

    def get_absolute_url(self):
        return reverse("pages:page", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.parent_id is not None:
            check_parent(self)

    @property
    def meta_description(self):
        return self.seo_description or " ".join(plain_text(self.body).split())[:160]

    @property
    def safe_body(self):
        """Cleaned again on render, so HTML that reached the table another way stays inert."""
        return sanitize_html(self.body)

    def ancestors(self):
        """The pages above this one, the top-level one first: the pages of the site whose tree
        key begins this one's (one query; none for a top-level page)."""
        parts = self.tree_key.split("/")[:-2]
        prefixes = ["".join(f"{part}/" for part in parts[:n]) for n in range(1, len(parts) + 1)]
        if not prefixes:
            return []
        return list(
            Page.objects.filter(site_id=self.site_id, tree_key__in=prefixes).order_by("tree_key")
        )


def height(page):
    """How many levels the page and the pages under it take (1: no sub-pages)."""
    if page.pk is None:
        return 1
    levels, current = 1, [page.pk]
    while current and levels <= MAX_DEPTH:
        current = list(Page.objects.filter(parent__in=current).values_list("pk", flat=True))
        levels += bool(current)
    return levels


def check_parent(page):
    """The parent is of the same site, not the page itself nor one of its sub-pages, and the
    tree stays within MAX_DEPTH levels."""
    parent = page.parent
    if page.site_id is not None and parent.site_id != page.site_id:
        raise ValidationError({"parent": _("Choose a page of this site.")})
    chain, current = [], parent
    while current is not None and len(chain) <= MAX_DEPTH:
        if page.pk is not None and current.pk == page.pk:
            raise ValidationError(
                {"parent": _("A page cannot be placed under itself or under one of its sub-pages.")}
            )
        chain.append(current)
        current = current.parent
    if len(chain) + height(page) > MAX_DEPTH:
        message = _("Pages can be nested at most %(levels)d levels deep.")
        raise ValidationError({"parent": ValidationError(message, params={"levels": MAX_DEPTH})})


class PageRevision(Revision):
    """The title and body a page had before one of its saves."""

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="revisions"
    )

    class Meta(Revision.Meta):
        pass
