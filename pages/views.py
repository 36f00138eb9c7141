from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.generic import DetailView, ListView

from articles.caching import generation_key
from articles.views import until_next_change
from portal.pagecache import cached_page, keep_until
from portal.printing import PrintViewMixin

from .caching import version_key
from .models import Page


def depends_on(request, view_kwargs):
    """Pages show the site's pages, and the navigation and sidebar of its articles."""
    return [version_key(request.site.pk), generation_key(request.site.pk)]


def until_next_page(view):
    """A cached page lasts no longer than until a scheduled page of the site appears (a
    sub-page list, the index)."""

    def bounded(request, *args, **kwargs):
        scheduled = Page.objects.for_site(request.site).filter(
            status=Page.Status.PUBLISHED, publish_at__gt=timezone.now()
        )
        moment = scheduled.order_by("publish_at").values_list("publish_at", flat=True).first()
        if moment:
            keep_until(request, moment)
        return view(request, *args, **kwargs)

    return bounded


def cached(view):
    return cached_page(depends_on)(until_next_change(until_next_page(view)))


def breadcrumb_data(request, trail):
    """schema.org BreadcrumbList of [(name, path)]."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


class PageMixin:
    """Public pages; staff who may view pages in the admin also see unpublished ones (a preview
    with a banner)."""

    context_object_name = "page"

    def get_queryset(self):
        pages = Page.objects.for_site(self.request.site)
        if self.request.user.has_perm("pages.view_page"):
            return pages
        return pages.published()


class PageView(PageMixin, DetailView):
    template_name = "pages/page.html"

    def get_context_data(self, **kwargs):
        page = self.object
        ancestors = page.ancestors()
        trail = [
            (gettext("Home"), reverse("articles:home")),
            *((ancestor.title, ancestor.get_absolute_url()) for ancestor in ancestors),
            (page.title, page.get_absolute_url()),
        ]
        children = Page.objects.for_site(self.request.site).published().filter(parent=page)
        return super().get_context_data(
            ancestors=ancestors,
            children=list(children.in_tree_order()),
            is_preview=self.is_preview(page),
            structured_data=breadcrumb_data(self.request, trail),
            **kwargs,
        )

    def is_preview(self, page):
        """Staff may see a page the public does not (a draft, a scheduled page, one under a
        page not public); readers only get public ones."""
        if not self.request.user.has_perm("pages.view_page"):
            return False
        return not Page.objects.published().filter(pk=page.pk).exists()


class PagePrintView(PrintViewMixin, PageMixin, DetailView):
    template_name = "pages/print.html"


class PageIndexView(ListView):
    """The site's top-level pages, each with its sub-pages."""

    template_name = "pages/index.html"
    context_object_name = "pages"

    def get_queryset(self):
        published = Page.objects.for_site(self.request.site).published()
        children = Prefetch(
            "children", queryset=published.in_tree_order(), to_attr="public_children"
        )
        return published.filter(parent=None).in_tree_order().prefetch_related(children)
